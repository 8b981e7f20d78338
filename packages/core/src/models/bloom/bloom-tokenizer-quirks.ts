import type { TokenizerQuirks } from '../tokenizer-quirks';
import { defaultStopIds } from '../tokenizer-quirks';

/** BLOOM tokenizers add no special tokens and define `<pad>` (id 3 in the released vocabulary). */
export const bloomTokenizerQuirks: TokenizerQuirks = {
  addsBos: false,
  generationPaddingSide: 'left',
  padId: (special, config) => special.pad?.id ?? config.padTokenId ?? 3,
  stopIds: defaultStopIds,
};
