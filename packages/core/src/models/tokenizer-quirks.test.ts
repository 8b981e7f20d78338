import { bloomTokenizerQuirks } from './bloom/bloom-tokenizer-quirks';
import { llamaTokenizerQuirks } from './llama/llama-tokenizer-quirks';
import type { CommonModelConfig } from './model-architecture';

const llamaSpecial = { bos: { token: '<s>', id: 1 }, eos: { token: '</s>', id: 2 }, unk: { token: '<unk>', id: 0 } };
const config = { eosTokenId: [2] } as CommonModelConfig;

describe('tokenizer quirks', () => {
  it('LLaMA: adds BOS, pads with id 0 (<unk>, as Okapi and alpaca-lora do) when the tokenizer has no pad', () => {
    expect(llamaTokenizerQuirks.addsBos).toBe(true);
    expect(llamaTokenizerQuirks.padId(llamaSpecial, config)).toBe(0);
    expect(llamaTokenizerQuirks.padId({ ...llamaSpecial, pad: { token: '<pad>', id: 32000 } }, config)).toBe(32000);
    expect(llamaTokenizerQuirks.stopIds(llamaSpecial, { eosTokenId: [2, 128009] } as CommonModelConfig)).toEqual([2, 128009]);
  });

  it("BLOOM: no BOS, pads with the tokenizer's <pad> (3)", () => {
    expect(bloomTokenizerQuirks.addsBos).toBe(false);
    expect(bloomTokenizerQuirks.padId({ pad: { token: '<pad>', id: 3 } }, config)).toBe(3);
    expect(bloomTokenizerQuirks.padId({}, { padTokenId: 3 } as CommonModelConfig)).toBe(3);
    expect(bloomTokenizerQuirks.generationPaddingSide).toBe('left');
  });
});
