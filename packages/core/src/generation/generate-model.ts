/** Prompts of one batch, left-padded to a common length (the last column is every row's last token). */
export interface PaddedPrompts {
  readonly inputIds: readonly (readonly number[])[];
  /** 1 = real token, 0 = padding. */
  readonly attentionMask: readonly (readonly number[])[];
}

/**
 * What the generation loop needs from a model: next-token logits after a prompt, then after each
 * appended token. Implemented over a KV cache by `CausalLmRunner`; tests may stub it.
 */
export interface GenerationModel {
  readonly vocabSize: number;
  /** Longest prompt + generated length one batch may reach. */
  readonly maxLength: number;
  /** Starts a batch, keeping room for `newTokens` more; returns each row's logits for the next token. */
  prefill(prompts: PaddedPrompts, newTokens: number): Promise<Float32Array[]>;
  /** Appends one token per row; returns each row's logits for the following token. */
  decode(tokens: readonly number[]): Promise<Float32Array[]>;
  /** Frees the batch's cache. */
  end(): void;
}
