/** One continuation to score after a context, both as token ids. */
export interface LogLikelihoodRequest {
  readonly context: readonly number[];
  readonly continuation: readonly number[];
}

export interface LogLikelihoodResult {
  /** Sum over the continuation's tokens of log p(token | everything before it). */
  readonly logprob: number;
  /** Whether greedy decoding from the context would produce exactly the continuation. */
  readonly greedy: boolean;
}

/**
 * What the harness needs from a model: lm-eval's `loglikelihood` on token ids. The harness sends the
 * choices of an item next to each other and passes the very same `context` array object for requests
 * that share a context, so an implementation can run that context once (KV cache) and score every
 * continuation from it. `context.length + continuation.length` never exceeds `maxLength + 1`.
 */
export interface LogLikelihoodScorer {
  /** The longest input the model takes (lm-eval: max_length, default 2048). */
  readonly maxLength: number;
  loglikelihood(requests: readonly LogLikelihoodRequest[]): Promise<LogLikelihoodResult[]>;
}

/** The tokenizer side the harness needs: text to ids without special tokens, and the end-of-text id. */
export interface EvalTextEncoder {
  encode(text: string): Promise<number[]>;
  /** Stands in for an empty context (lm-eval uses the EOT token). */
  readonly endOfTextId: number;
}
