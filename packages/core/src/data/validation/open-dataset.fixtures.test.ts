import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { builtinDatasetAdapters } from '../adapters/builtin-adapters';
import { detectFormat } from '../detect-format';
import { readDataset } from '../read-dataset';
import { InvalidRecordError } from './invalid-record-error';
import { openDataset } from './open-dataset';

// Fixtures live beside the repository: <repo>/../shared/fixtures.
const fixtures = resolve(__dirname, '../../../../../../shared/fixtures');
const alpacaEn = join(fixtures, 'instruct/alpaca_en_5000.json');
const alpacaZh = join(fixtures, 'instruct/alpaca_zh_1000.json');
const pairsEn = join(fixtures, 'preference/pairs_en_300.json');
const pairsZh = join(fixtures, 'preference/pairs_zh_300.json');

// Fixture reads are I/O bound; the 2-core machine is shared, so allow for load.
jest.setTimeout(30_000);
type Json = Record<string, unknown>;
const load = (file: string): Json[] => JSON.parse(readFileSync(file, 'utf8')) as Json[];
const countDuplicates = (rows: readonly Json[]): number => rows.length - new Set(rows.map((r) => JSON.stringify(r))).size;
const adapters = builtinDatasetAdapters;

describe('datasets on the real fixtures', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'okapi-data-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [alpacaEn, 'okapi-alpaca'], [alpacaZh, 'okapi-alpaca'], [pairsEn, 'sharegpt-pairs'], [pairsZh, 'sharegpt-pairs'],
  ])('detects the format of %s from content as %s', async (file, id) => {
    expect((await detectFormat(file, adapters)).id).toBe(id);
  });

  it('reads alpaca_en_5000: every record as in the file; the empty outputs are rejected and written aside', async () => {
    const source = load(alpacaEn);
    const emptyOutput = source.flatMap((r, i) => (r.output === '' ? [i] : []));
    const rejectedPath = join(dir, 'rejected.jsonl');
    const { records, report } = await readDataset(alpacaEn, { adapters, onInvalid: 'skip', rejectedPath });
    expect(report).toMatchObject({ total: source.length, invalid: emptyOutput.length, accepted: source.length - emptyOutput.length });
    const kept = source.filter((_, i) => !emptyOutput.includes(i));
    expect(records.map((r) => r.record)).toEqual(kept.map((r) => ({ kind: 'instruction', instruction: r.instruction, input: r.input, output: r.output })));
    const side = readFileSync(rejectedPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Json);
    expect(side.map((s) => s.index)).toEqual(emptyOutput);
    expect(side[0]!.record).toEqual(source[emptyOutput[0]!]);
  });

  it('fails on the first empty output under --on-invalid fail, naming file, record, line and field', async () => {
    const first = load(alpacaEn).findIndex((r) => r.output === '');
    const lineCount = readFileSync(alpacaEn, 'utf8').trimEnd().split('\n').length;
    const error = await readDataset(alpacaEn, { adapters }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    const { location, message } = error as InvalidRecordError;
    expect(location.index).toBe(first);
    expect(lineCount).toBe(1); // this fixture is written on a single line
    expect(location.line).toBe(1);
    expect(message).toContain(`alpaca_en_5000.json record ${first} (line ${location.line})`);
    expect(message).toContain("field 'output': expected non-empty string, received empty string");
  });

  it('counts duplicates in alpaca_zh_1000 and drops them only with dedupe', async () => {
    const source = load(alpacaZh);
    const kept = await readDataset(alpacaZh, { adapters });
    expect(kept.report.duplicates).toBe(countDuplicates(source));
    expect(kept.records).toHaveLength(source.length);
    const deduped = await readDataset(alpacaZh, { adapters, dedupe: true, rejectedPath: join(dir, 'dups.jsonl') });
    expect(deduped.records).toHaveLength(source.length - countDuplicates(source));
    expect(deduped.report.rejected.every((r) => r.reason === 'duplicate')).toBe(true);
  });

  it.each([pairsEn, pairsZh])('reads the ShareGPT pairs of %s: last human turn, system prompt and history', async (file) => {
    const source = load(file);
    const { records, report } = await readDataset(file, { adapters });
    expect(report.duplicates).toBe(countDuplicates(source));
    records.forEach(({ record }, i) => {
      const turns = source[i]!.conversations as { from: string; value: string }[];
      const dialogue = turns.filter((t) => t.from !== 'system');
      expect(record).toMatchObject({
        kind: 'pair',
        instruction: turns.at(-1)!.value,
        chosen: (source[i]!.chosen as { value: string }).value,
        rejected: (source[i]!.rejected as { value: string }).value,
      });
      expect(record.system).toBe(turns[0]!.from === 'system' ? turns[0]!.value : undefined);
      expect(record.history?.length ?? 0).toBe((dialogue.length - 1) / 2);
    });
  });

  it('round-trips ShareGPT pairs through serialize and parse', async () => {
    const stream = await openDataset(pairsEn, { adapters });
    for await (const { record } of stream) {
      if (record.kind !== 'pair') throw new Error('expected pairs');
      const again = stream.adapter.parse(stream.adapter.serialize(record));
      expect(again).toEqual({ ok: true, record });
    }
  });
});
