import { OkapiError } from '../errors/okapi-error';
import { generate } from './generate';
import type { GenerationModel, PaddedPrompts } from './generate-model';
import type { TokenEvent } from './generate-stream';

/** A fake model whose favourite next token is (last token + 1) mod vocab; it records its calls. */
class CountingModel implements GenerationModel {
  readonly vocabSize = 10;
  readonly maxLength = 64;
  readonly prefills: PaddedPrompts[] = [];
  readonly decodes: number[][] = [];
  ended = 0;
  private last: number[] = [];

  async prefill(prompts: PaddedPrompts): Promise<Float32Array[]> {
    this.prefills.push(prompts);
    this.last = prompts.inputIds.map((row) => row[row.length - 1]);
    return this.logits();
  }

  async decode(tokens: readonly number[]): Promise<Float32Array[]> {
    this.decodes.push([...tokens]);
    this.last = [...tokens];
    return this.logits();
  }

  end(): void {
    this.ended++;
  }

  private logits(): Float32Array[] {
    return this.last.map((t) => Float32Array.from({ length: this.vocabSize }, (_, j) => (j === (t + 1) % this.vocabSize ? 2 : 0)));
  }
}

const letters = (ids: readonly number[]) => ids.map((i) => 'abcdefghij'[i]).join('');

describe(generate.name, () => {
  it('decodes greedily, left-pads the batch and feeds pad to finished rows', async () => {
    const sut = new CountingModel();
    const result = await generate(sut, [[1, 2, 3], [7]], { maxNewTokens: 4, eosIds: [9], padId: 0, doSample: false });
    expect(sut.prefills[0]).toEqual({ inputIds: [[1, 2, 3], [0, 0, 7]], attentionMask: [[1, 1, 1], [0, 0, 1]] });
    // row 0: 4 5 6 7 (budget); row 1: 8 9 (EOS, kept) then padding
    expect(result.outputIds).toEqual([[4, 5, 6, 7], [8, 9]]);
    expect(result.stopReasons).toEqual(['max_new_tokens', 'eos']);
    expect(sut.decodes).toEqual([[4, 8], [5, 9], [6, 0]]);
    expect(sut.ended).toBe(1);
  });

  it('stops every row at EOS without an extra decode step', async () => {
    const sut = new CountingModel();
    const result = await generate(sut, [[7]], { maxNewTokens: 10, eosIds: [9], padId: 0, doSample: false });
    expect(result.outputIds).toEqual([[8, 9]]);
    expect(sut.decodes).toEqual([[8]]);
  });

  it('stops at a stop string and cuts the text before it; streams tokens with text deltas in order', async () => {
    const events: TokenEvent[] = [];
    const result = await generate(new CountingModel(), [[0]], {
      maxNewTokens: 8, eosIds: [], padId: 0, doSample: false, stopStrings: ['de'], decode: letters, onToken: (e) => events.push(e),
    });
    expect(result.outputIds).toEqual([[1, 2, 3, 4]]);
    expect(result.stopReasons).toEqual(['stop_string']);
    expect(result.texts).toEqual(['bc']);
    expect(events).toEqual([1, 2, 3, 4].map((tokenId) => ({ row: 0, tokenId, textDelta: letters([tokenId]) })));
  });

  it('samples reproducibly from a seed', async () => {
    const options = { maxNewTokens: 6, eosIds: [], padId: 0, doSample: true, temperature: 3, seed: 42 };
    const a = await generate(new CountingModel(), [[1], [2]], options);
    const b = await generate(new CountingModel(), [[1], [2]], options);
    const c = await generate(new CountingModel(), [[1], [2]], { ...options, seed: 43 });
    expect(a.outputIds).toEqual(b.outputIds);
    expect(a.outputIds).not.toEqual(c.outputIds);
  });

  it.each([
    ['an id outside the vocabulary', [[3, 12]], {}, /token id 12 is outside the model's vocabulary \(0\.\.9\)/],
    ['an empty prompt', [[1], []], {}, /prompt 1 is empty/],
    ['a zero budget', [[1]], { maxNewTokens: 0 }, /max_new_tokens must be a positive integer/],
    ['stop strings without decode', [[1]], { stopStrings: ['x'] }, /stop strings need a decode function/],
  ])('rejects %s', async (_label, prompts, extra, message) => {
    const run = generate(new CountingModel(), prompts, { maxNewTokens: 3, eosIds: [], padId: 0, ...extra });
    await expect(run).rejects.toThrow(OkapiError);
    await expect(generate(new CountingModel(), prompts, { maxNewTokens: 3, eosIds: [], padId: 0, ...extra })).rejects.toThrow(message);
  });
});
