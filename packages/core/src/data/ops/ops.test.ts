import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { builtinDatasetAdapters as adapters } from '../adapters/builtin-adapters';
import { readDataset } from '../read-dataset';
import { convertDataset } from './convert-dataset';
import { computeDatasetStats } from './dataset-stats';
import { sampleDataset } from './sample-dataset';
import { splitDataset } from './split-dataset';

const fixtures = resolve(__dirname, '../../../../../../shared/fixtures');
const alpacaZh = join(fixtures, 'instruct/alpaca_zh_1000.json');
const pairsEn = join(fixtures, 'preference/pairs_en_300.json');
// Fixture reads are I/O bound; the 2-core machine is shared, so allow for load.
jest.setTimeout(30_000);
type Json = Record<string, unknown>;
const readJson = (p: string): Json[] => JSON.parse(readFileSync(p, 'utf8')) as Json[];
const readJsonl = (p: string): Json[] => readFileSync(p, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Json);

describe('dataset operations', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'okapi-ops-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('converts ShareGPT pairs to okapi-ranking JSONL that reads back as the same preferences', async () => {
    const out = join(dir, 'en.jsonl');
    const result = await convertDataset(pairsEn, out, { adapters, to: 'okapi-ranking' });
    expect(result.written).toBe(300);
    const source = readJson(pairsEn);
    const written = readJsonl(out);
    written.forEach((w, i) => {
      const turns = source[i]!.conversations as { value: string }[];
      expect(Object.keys(w).sort()).toEqual(['input', 'instruction', 'prefered_output', 'rejected_output']);
      expect(w.instruction).toBe(turns.at(-1)!.value);
      expect(w.prefered_output).toBe((source[i]!.chosen as { value: string }).value);
    });
    expect((await readDataset(out, { adapters })).report.format).toBe('okapi-ranking');
  });

  it('expands ranked lists to all C(K,2) okapi-ranking pairs', async () => {
    const input = join(dir, 'ranked.json');
    writeFileSync(input, JSON.stringify([{ instruction: 'q', input: '', responses: ['a', 'b', 'c', 'd'], ranking: [3, 1, 0, 2] }]));
    const result = await convertDataset(input, join(dir, 'pairs.json'), { adapters, to: 'okapi-ranking' });
    expect(result.written).toBe(6);
    const pairs = readJson(join(dir, 'pairs.json')).map((p) => `${p.prefered_output}>${p.rejected_output}`);
    expect(pairs).toEqual(['d>b', 'd>a', 'd>c', 'b>a', 'b>c', 'a>c']);
  });

  it('refuses to turn instruction data into preferences', async () => {
    await expect(convertDataset(alpacaZh, join(dir, 'x.json'), { adapters, to: 'okapi-ranking' })).rejects.toThrow(/holds no preference/);
  });

  it('splits 90/10 deterministically into disjoint files that together hold every record', async () => {
    const outs = [join(dir, 'train.json'), join(dir, 'val.json')];
    const result = await splitDataset(alpacaZh, outs, { adapters, fractions: [0.9, 0.1], seed: 0 });
    expect(result.counts).toEqual([900, 100]);
    const [train, val] = outs.map(readJson);
    const key = (r: Json) => JSON.stringify([r.instruction, r.input, r.output]);
    expect([...train!, ...val!].map(key).sort()).toEqual(readJson(alpacaZh).map(key).sort());
    const again = [join(dir, 'a.json'), join(dir, 'b.json')];
    await splitDataset(alpacaZh, again, { adapters, fractions: [0.9, 0.1], seed: 0 });
    expect(readFileSync(again[1]!, 'utf8')).toBe(readFileSync(outs[1]!, 'utf8'));
    await splitDataset(alpacaZh, again, { adapters, fractions: [0.9, 0.1], seed: 1 });
    expect(readFileSync(again[1]!, 'utf8')).not.toBe(readFileSync(outs[1]!, 'utf8'));
  });

  it('samples k records in file order, reproducibly', async () => {
    const out = join(dir, 'sample.jsonl');
    const options = { adapters, size: 50, seed: 4, onInvalid: 'skip' as const, rejectedPath: null };
    expect((await sampleDataset(alpacaZh, out, options)).written).toBe(50);
    const sample = readJsonl(out);
    const order = new Map(readJson(alpacaZh).map((r, i) => [JSON.stringify(r), i]));
    const positions = sample.map((r) => order.get(JSON.stringify(r)));
    expect(positions.every((p) => p !== undefined)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a! - b!));
    const first = readFileSync(out, 'utf8');
    await sampleDataset(alpacaZh, out, options);
    expect(readFileSync(out, 'utf8')).toBe(first);
  });

  it('measures characters, tokens and languages in one pass', async () => {
    const words = { encode: (t: string) => t.split(/\s+/).filter(Boolean).map(() => 1) };
    const detector = { detect: (t: string) => ({ code: /[\u4e00-\u9fff]/.test(t) ? 'zh' : 'en' }) };
    const stats = await computeDatasetStats(alpacaZh, { adapters, encoder: words, detector, maxLength: 5 });
    const source = readJson(alpacaZh);
    expect(stats.kinds).toEqual({ instruction: 1000 });
    expect(stats.chars.response.max).toBe(Math.max(...source.map((r) => (r.output as string).length)));
    const outputWords = source.map((r) => (r.output as string).split(/\s+/).filter(Boolean).length);
    expect(stats.tokens!.response.overLimit).toBe(outputWords.filter((n) => n > 5).length);
    expect(stats.languages!.zh).toBe(source.filter((r) => /[\u4e00-\u9fff]/.test(`${r.instruction as string} ${r.input as string} ${r.output as string}`)).length);
  });
});
