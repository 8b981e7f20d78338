import { OkapiError } from '../errors/okapi-error';
import type { Tokenizer } from '../tokenizer/tokenizer';
import type { EvalTextEncoder } from './loglikelihood-scorer';

/** lm-eval's `tok_encode`: `encode(text, add_special_tokens=False)`, EOS as the end-of-text token. */
export function evalEncoderFor(tokenizer: Tokenizer): EvalTextEncoder {
  const eos = tokenizer.special.eos;
  if (eos === undefined) {
    throw new OkapiError('The tokenizer has no EOS token, which evaluation uses as the end-of-text token', {
      hint: 'Set "eos_token" in tokenizer_config.json.',
    });
  }
  return { encode: (text) => tokenizer.encode(text, { addSpecialTokens: false }), endOfTextId: eos.id };
}
