import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinDatasetAdapters } from '../adapters/builtin-adapters';
import { readDataset } from '../read-dataset';
import { checkDemoResponse } from './check-demo-response';
import { DEMO_LANGUAGES, DEMO_TASKS } from './demo-tasks';
import { generateDemoData } from './generate-demo-data';
import { writeDemoData } from './write-demo-data';

const OKAPI_26 = 'ru de zh fr es it nl vi id ar hu ro da sk uk ca sr hr hi bn ta ne ml mr te kn'.split(' ');
const nums = (s: string) => s.split(' ').map(Number);

/** The answers, computed here independently of the tasks' code. */
const expectedAnswer: Record<string, (input: string) => string> = {
  add: (i) => String(nums(i)[0]! + nums(i)[1]!),
  sort: (i) => nums(i).sort((a, b) => a - b).join(' '),
  reverse: (i) => nums(i).reverse().join(' '),
  max: (i) => String(Math.max(...nums(i))),
  count: (i) => String(nums(i).length),
  upper: (i) => i.toUpperCase(),
};
const taskOf = (instruction: string) => DEMO_TASKS.find((t) => Object.values(t.instructions).includes(instruction))!.id;

describe(generateDemoData.name, () => {
  const sizes = { sft: 300, rm: 60, ppo: 40, eval: 50 };

  it('phrases every task in the 26 Okapi languages and English, each phrasing unique', () => {
    expect([...DEMO_LANGUAGES].sort()).toEqual([...OKAPI_26, 'en'].sort());
    const all = DEMO_TASKS.flatMap((t) => DEMO_LANGUAGES.map((l) => t.instructions[l]));
    expect(all.every((s) => typeof s === 'string' && s.length > 0)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
  });

  it('teacherEcho replaces that share of SFT answers by the input and leaves every other record as it was', () => {
    const big = { sft: 2000, rm: 20, ppo: 40, eval: 50 };
    const [clean] = generateDemoData({ seed: 5, langs: ['hu'], sizes: big });
    const [noisy] = generateDemoData({ seed: 5, langs: ['hu'], sizes: big, teacherEcho: 0.4 });
    expect({ ...noisy!, sft: [] }).toEqual({ ...clean!, sft: [] });
    const echoed = noisy!.sft.filter((r, i) => r.output !== clean!.sft[i]!.output);
    // every changed answer is the input itself; the prompts are the clean run's
    expect(noisy!.sft.map((r) => [r.instruction, r.input])).toEqual(clean!.sft.map((r) => [r.instruction, r.input]));
    for (const r of echoed) expect(r.output).toBe(r.input);
    // binomial(2000, 0.4): mean 800, sd ≈ 22
    expect(echoed.length).toBeGreaterThan(730);
    expect(echoed.length).toBeLessThan(870);
    expect(generateDemoData({ seed: 5, langs: ['hu'], sizes: big, teacherEcho: 0.4 })).toEqual([noisy]);
    expect(() => generateDemoData({ seed: 5, langs: ['hu'], teacherEcho: 1.5 })).toThrow(/teacherEcho must be a share between 0 and 1, got 1.5/);
  });

  it('is deterministic from the seed', () => {
    const a = generateDemoData({ seed: 7, langs: ['vi', 'hi'], sizes });
    expect(generateDemoData({ seed: 7, langs: ['vi', 'hi'], sizes })).toEqual(a);
    expect(generateDemoData({ seed: 8, langs: ['vi', 'hi'], sizes })[0]!.sft).not.toEqual(a[0]!.sft);
  });

  it.each(['en', 'vi', 'sr', 'ta'])('gives correct answers and instructions in the language (%s)', (lang) => {
    const [data] = generateDemoData({ seed: 1, langs: [lang], sizes });
    for (const r of [...data!.sft, ...data!.ppo, ...data!.eval]) {
      expect(Object.values(DEMO_TASKS.find((t) => t.id === taskOf(r.instruction))!.instructions).indexOf(r.instruction)).toBe(DEMO_LANGUAGES.indexOf(lang));
      expect(r.output).toBe(expectedAnswer[taskOf(r.instruction)]!(r.input));
      expect(checkDemoResponse(r, r.output)).toMatchObject({ lang, correct: true, score: 1 });
    }
    expect(new Set(data!.sft.map((r) => taskOf(r.instruction))).size).toBe(DEMO_TASKS.length);
  });

  it('ranks K = 4 candidates: rank 0 is the correct answer and quality falls strictly with rank', () => {
    const [data] = generateDemoData({ seed: 2, langs: ['de'], sizes });
    for (const r of data!.rm) {
      expect(r.responses).toHaveLength(4);
      expect([...r.ranks].sort()).toEqual([0, 1, 2, 3]);
      const byRank = [0, 1, 2, 3].map((k) => r.responses[r.ranks.indexOf(k)]!);
      expect(byRank[0]).toBe(expectedAnswer[taskOf(r.instruction)]!(r.input));
      const scores = byRank.map((resp) => checkDemoResponse(r, resp)!.score);
      for (let k = 1; k < 4; k++) expect(scores[k]).toBeLessThan(scores[k - 1]!);
    }
    // the correct answer is not always in the same position
    expect(new Set(data!.rm.map((r) => r.ranks.indexOf(0))).size).toBe(4);
  });

  it('keeps held-out prompts out of every training split', () => {
    const [data] = generateDemoData({ seed: 3, langs: ['zh'], sizes: { sft: 2000, rm: 200, ppo: 200, eval: 200 } });
    const key = (r: { instruction: string; input: string }) => `${r.instruction}|${r.input}`;
    const held = new Set(data!.eval.map(key));
    for (const r of [...data!.sft, ...data!.rm, ...data!.ppo]) expect(held.has(key(r))).toBe(false);
  });

  it('rejects an unknown language or task with a did-you-mean', () => {
    expect(() => generateDemoData({ seed: 0, langs: ['vii'] })).toThrow(/Did you mean 'vi'\?/);
    expect(() => generateDemoData({ seed: 0, tasks: ['sortt' as never] })).toThrow(/Did you mean 'sort'\?/);
  });

  it('limits the data to the tasks asked for', () => {
    const [data] = generateDemoData({ seed: 0, langs: ['it'], tasks: ['add', 'upper'], sizes });
    expect(new Set(data!.sft.map((r) => taskOf(r.instruction)))).toEqual(new Set(['add', 'upper']));
  });
});

describe(checkDemoResponse.name, () => {
  const prompt = { instruction: DEMO_TASKS.find((t) => t.id === 'sort')!.instructions.fr!, input: '30 4 12' };

  it('scores the first line, gives partial credit, and ignores prompts that are not demo prompts', () => {
    expect(checkDemoResponse(prompt, '  4 12 30\n### garbage')).toMatchObject({ task: 'sort', lang: 'fr', correct: true });
    expect(checkDemoResponse(prompt, '4 30 12')!.score).toBeCloseTo(0.1 + 0.9 / 3);
    expect(checkDemoResponse(prompt, 'quatre')!.score).toBe(0);
    expect(checkDemoResponse({ instruction: 'Write a poem.', input: '' }, 'x')).toBeUndefined();
  });
});

describe(writeDemoData.name, () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'okapi-demo-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the Okapi layout that the readers detect and read back unchanged', async () => {
    const data = generateDemoData({ seed: 5, langs: ['ar'], sizes: { sft: 20, rm: 5, ppo: 5, eval: 5 } });
    await writeDemoData(dir, data);
    const adapters = builtinDatasetAdapters;
    const sft = await readDataset(join(dir, 'sft/ar.json'), { adapters });
    expect(sft.report.format).toBe('okapi-alpaca');
    expect(sft.records.map((r) => r.record)).toEqual(data[0]!.sft);
    const rm = await readDataset(join(dir, 'rm/ar.json'), { adapters });
    expect(rm.report.format).toBe('ranked');
    expect(rm.records.map((r) => r.record)).toEqual(data[0]!.rm);
    const pairs = await readDataset(join(dir, 'rm-pairs/ar.json'), { adapters });
    expect(pairs.report.format).toBe('okapi-ranking');
    expect(pairs.records).toHaveLength(5 * 6);
    const ppo = await readDataset(join(dir, 'ppo/ar.json'), { adapters, format: 'okapi-rl' });
    expect(ppo.records.map((r) => r.record)).toEqual(data[0]!.ppo);
  });
});
