import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDataset, readDatasetAs } from '../read-dataset';
import { alpacaAdapter } from './alpaca-adapter';
import { builtinDatasetAdapters } from './builtin-adapters';
import { okapiAlpacaAdapter } from './okapi-alpaca-adapter';
import { okapiRlAdapter } from './okapi-rl-adapter';
import { sharegptPairsAdapter } from './sharegpt-pairs-adapter';

describe('instruction adapters', () => {
  it('okapi-alpaca requires input; alpaca reads a missing input as ""', () => {
    const raw = { instruction: 'Translate', output: 'Hallo' };
    expect(okapiAlpacaAdapter.parse(raw)).toEqual({ ok: false, issues: [{ field: 'input', expected: 'string', received: 'missing' }] });
    expect(alpacaAdapter.parse({ ...raw, history: [] })).toEqual({ ok: true, record: { kind: 'instruction', instruction: 'Translate', input: '', output: 'Hallo' } });
  });

  it('okapi-rl accepts an empty reference output; okapi-alpaca does not', () => {
    const raw = { instruction: 'Viết một bài thơ', input: '', output: '' };
    expect(okapiRlAdapter.parse(raw).ok).toBe(true);
    expect(okapiAlpacaAdapter.parse(raw).ok).toBe(false);
  });

  it('reports a record that is not an object', () => {
    expect(okapiAlpacaAdapter.parse(['a'])).toEqual({ ok: false, issues: [{ field: '', expected: 'a JSON object (one record)', received: 'array of 1' }] });
  });

  it('writes multi-turn context into the Okapi input, since Okapi prompts have no history', () => {
    const record = { kind: 'instruction', instruction: 'And now?', input: '', output: 'Done.', system: 'Be brief.', history: [{ user: 'Hi', assistant: 'Hello' }] } as const;
    expect(okapiAlpacaAdapter.serialize(record)).toEqual({ instruction: 'And now?', input: 'System: Be brief.\nUser: Hi\nAssistant: Hello', output: 'Done.' });
  });
});

describe('sharegpt-pairs adapter', () => {
  const turn = (from: string, value: string) => ({ from, value });
  it.each([
    [{ conversations: [turn('gpt', 'x')], chosen: turn('gpt', 'a'), rejected: turn('gpt', 'b') }, 'conversations[0].from'],
    [{ conversations: [turn('human', 'q'), turn('gpt', 'a')], chosen: turn('gpt', 'a'), rejected: turn('gpt', 'b') }, 'conversations'],
    [{ conversations: [], chosen: turn('gpt', 'a'), rejected: turn('gpt', 'b') }, 'conversations'],
    [{ conversations: [turn('human', 'q')], chosen: turn('gpt', ''), rejected: turn('gpt', 'b') }, 'chosen.value'],
    [{ conversations: [turn('human', 'q')], chosen: turn('gpt', 'same'), rejected: turn('gpt', 'same') }, 'rejected.value'],
    [{ conversations: [turn('human', 'q')], chosen: 7, rejected: turn('gpt', 'b') }, 'chosen'],
  ])('rejects %j at %s', (raw, field) => {
    const outcome = sharegptPairsAdapter.parse(raw);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues.map((i) => i.field)).toContain(field);
  });
});

describe('jsonl adapter', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'okapi-jsonl-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('recognises each line on its own and writes records in the Okapi shape of their kind', async () => {
    const lines = [
      { instruction: 'a', input: '', output: 'b' },
      { instruction: 'q', input: '', prefered_output: 'good', rejected_output: 'bad' },
      { instruction: 'q', responses: ['x', 'y'], ranking: [1, 0] },
      { something: 'else' },
    ];
    const path = join(dir, 'mixed.jsonl');
    writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n'));
    const { records, report } = await readDataset(path, { adapters: builtinDatasetAdapters, format: 'jsonl', onInvalid: 'skip', rejectedPath: null });
    expect(records.map((r) => r.record.kind)).toEqual(['instruction', 'pair', 'ranked']);
    expect(report.rejected[0]!.location.line).toBe(4);
    const jsonl = builtinDatasetAdapters.find((a) => a.id === 'jsonl')!;
    expect(records.map((r) => jsonl.serialize(r.record))).toEqual([lines[0], lines[1], { ...lines[2], input: '' }]);
  });
});

describe('readDatasetAs', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'okapi-as-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a pairwise trainer all C(K,2) pairs of ranked data, and refuses instruction data', async () => {
    const ranked = join(dir, 'ranked.json');
    writeFileSync(ranked, JSON.stringify([{ instruction: 'q', responses: ['a', 'b', 'c'], ranking: [0, 1, 2] }, { instruction: 'r', responses: ['d', 'e'], scores: [1, 2] }]));
    const { records } = await readDatasetAs(ranked, 'pair', { adapters: builtinDatasetAdapters });
    expect(records.map((p) => `${p.chosen}>${p.rejected}`)).toEqual(['a>b', 'a>c', 'b>c', 'e>d']);
    const sft = join(dir, 'sft.json');
    writeFileSync(sft, JSON.stringify([{ instruction: 'a', input: '', output: 'b' }]));
    await expect(readDatasetAs(sft, 'pair', { adapters: builtinDatasetAdapters })).rejects.toThrow(/holds instruction data \(format 'okapi-alpaca'\)/);
  });
});

describe('containers', () => {
  it('reads a JSON array with --format jsonl (the container is always detected from content)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okapi-container-'));
    try {
      const path = join(dir, 'array.json');
      writeFileSync(path, JSON.stringify([{ instruction: 'a', input: '', output: 'b' }]));
      const { records, report } = await readDataset(path, { adapters: builtinDatasetAdapters, format: 'jsonl' });
      expect(report.container).toBe('json');
      expect(records).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
