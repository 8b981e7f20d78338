import type { TokenizerQuirks } from '../tokenizer-quirks';
import { defaultStopIds } from '../tokenizer-quirks';

/**
 * LLaMA tokenizers add BOS and define no pad token. Okapi (like alpaca-lora) pads with id 0, the
 * `<unk>` token, rather than EOS, so padding never looks like an end of sequence.
 */
export const llamaTokenizerQuirks: TokenizerQuirks = {
  addsBos: true,
  generationPaddingSide: 'left',
  padId: (special) => special.pad?.id ?? 0,
  stopIds: defaultStopIds,
};
