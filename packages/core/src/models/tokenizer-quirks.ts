import type { Side, SpecialTokens } from '../tokenizer/tokenizer';
import type { CommonModelConfig } from './model-architecture';

/** What a family needs to know about a tokenizer to pad, score and generate correctly. */
export interface TokenizerQuirks {
  /** Whether encoding with special tokens prepends BOS (LLaMA yes, BLOOM no). */
  readonly addsBos: boolean;
  /** Side to pad batched prompts for generation (the last token of every row must line up). */
  readonly generationPaddingSide: Side;
  /** The pad id to use for batches, given the tokenizer's special tokens and the model config. */
  padId(special: SpecialTokens, config: CommonModelConfig): number;
  /** Ids that end generation: the tokenizer's EOS plus the config's `eos_token_id`(s). */
  stopIds(special: SpecialTokens, config: CommonModelConfig): number[];
}

/** EOS ids from both sources, deduplicated. */
export function defaultStopIds(special: SpecialTokens, config: CommonModelConfig): number[] {
  const ids = [...(config.eosTokenId ?? []), ...(special.eos === undefined ? [] : [special.eos.id])];
  return [...new Set(ids)];
}
