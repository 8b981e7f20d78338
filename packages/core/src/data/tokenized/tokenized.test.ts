import { LengthStats } from './length-stats';
import { packSequences } from './pack-sequences';
import { tokenizeInstruction } from './tokenize-instruction';

/** One id per character: lengths are easy to count by hand. */
const charEncoder = { encode: (text: string) => Array.from(text, (c) => c.codePointAt(0)!) };
const record = { kind: 'instruction', instruction: 'Add', input: '', output: '42' } as const;
const render = (r: { instruction: string }) => `Q:${r.instruction}\nA:`; // 'Q:Add\nA:' = 8 chars

describe(tokenizeInstruction.name, () => {
  it('tokenises prompt + output, marks where the response starts, appends EOS when it fits', async () => {
    const sut = await tokenizeInstruction(record, { encoder: charEncoder, render, maxLength: 16, eosId: 0 });
    expect(sut.inputIds).toEqual([...Array.from('Q:Add\nA:42', (c) => c.codePointAt(0)!), 0]);
    expect(sut.promptLength).toBe(8);
    expect(sut.truncated).toBe(false);
  });

  it('cuts from the right to maxLength, without EOS when there is no room', async () => {
    const sut = await tokenizeInstruction(record, { encoder: charEncoder, render, maxLength: 9, eosId: 0 });
    expect(sut.inputIds).toHaveLength(9);
    expect(sut.inputIds.at(-1)).toBe('4'.codePointAt(0));
    expect(sut.truncated).toBe(true);
  });

  it('works with an async encoder (the Tokenizer contract)', async () => {
    const asyncEncoder = { encode: async (t: string) => charEncoder.encode(t) };
    const sut = await tokenizeInstruction(record, { encoder: asyncEncoder, render, maxLength: 64 });
    expect(sut.inputIds).toHaveLength(10);
  });
});

describe(LengthStats.name, () => {
  it('summarises lengths with nearest-rank percentiles and a histogram', () => {
    const sut = new LengthStats();
    for (let i = 1; i <= 100; i++) sut.add(i);
    const s = sut.summary(90, [0, 50, 100]);
    expect(s).toMatchObject({ count: 100, min: 1, max: 100, mean: 50.5, p50: 50, p90: 90, p99: 99, overLimit: 10 });
    expect(s.histogram).toEqual([{ from: 0, to: 50, count: 49 }, { from: 50, to: 100, count: 50 }, { from: 100, to: null, count: 1 }]);
  });

  it('grows past its initial capacity', () => {
    const sut = new LengthStats();
    for (let i = 0; i < 5000; i++) sut.add(i % 7);
    expect(sut.summary().count).toBe(5000);
    expect(sut.summary().max).toBe(6);
  });
});

describe(packSequences.name, () => {
  it('packs whole examples in order, restarting positions per example', () => {
    const blocks = [...packSequences([[1, 2, 3], [4, 5], [6, 7, 8, 9], [10]], 6)];
    expect(blocks.map((b) => b.inputIds)).toEqual([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]);
    expect(blocks[0]!.segmentIds).toEqual([0, 0, 0, 1, 1]);
    expect(blocks[1]!.positionIds).toEqual([0, 1, 2, 3, 0]);
  });

  it('cuts an example longer than a block and keeps every token of the others', () => {
    const blocks = [...packSequences([[1, 2, 3, 4, 5, 6, 7], [8]], 4)];
    expect(blocks.map((b) => b.inputIds)).toEqual([[1, 2, 3, 4], [8]]);
  });
});
