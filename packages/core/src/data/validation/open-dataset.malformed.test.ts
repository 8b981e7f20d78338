import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinDatasetAdapters } from '../adapters/builtin-adapters';
import { DatasetFileError } from '../dataset-errors';
import { readDataset } from '../read-dataset';
import { InvalidRecordError } from './invalid-record-error';
import type { OpenDatasetOptions } from './open-dataset';

const adapters = builtinDatasetAdapters;
const ok = { instruction: 'Dịch sang tiếng Anh', input: 'xin chào', output: 'hello' };

describe('hand-written Okapi samples, malformed ones included', () => {
  let dir: string;
  const file = (name: string, content: string | Buffer): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const skip = (extra: Partial<OpenDatasetOptions> = {}): OpenDatasetOptions => ({ adapters, onInvalid: 'skip', rejectedPath: join(dir, 'rejected.jsonl'), ...extra });
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'okapi-bad-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names file, record, line, field, expected and received for each wrong field', async () => {
    const records = [ok, { instruction: 5, input: '', output: 'x' }, { instruction: 'a', output: 'b' }, { instruction: ' ', input: '', output: '' }];
    const path = file('vi.json', `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]`);
    const { records: kept, report } = await readDataset(path, skip({ format: 'okapi-alpaca' }));
    expect(kept.map((k) => k.record.instruction)).toEqual([ok.instruction]);
    expect(report).toMatchObject({ total: 4, accepted: 1, invalid: 3 });
    const [wrongType, missing, empty] = report.rejected;
    expect(wrongType).toMatchObject({ location: { file: path, index: 1, line: 3 }, issues: [{ field: 'instruction', expected: 'non-empty string', received: 'number 5' }] });
    expect(missing!.issues).toEqual([{ field: 'input', expected: 'string', received: 'missing' }]);
    expect(empty!.issues.map((i) => [i.field, i.received])).toEqual([['instruction', 'whitespace-only string'], ['output', 'empty string']]);
    const side = readFileSync(join(dir, 'rejected.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { index: number; record: unknown });
    expect(side.map((s) => s.index)).toEqual([1, 2, 3]);
    expect(side[0]!.record).toEqual(records[1]);
  });

  it('fails fast by default with an actionable message', async () => {
    const path = file('de.json', JSON.stringify([ok, { ...ok, output: 42 }]));
    await expect(readDataset(path, { adapters })).rejects.toThrow(InvalidRecordError);
    await expect(readDataset(path, { adapters })).rejects.toThrow(`${path} record 1 (line 1): field 'output': expected non-empty string, received number 42`);
  });

  it.each([
    ['empty.json', '', /the file is empty/],
    ['blank.json', '  \n\n ', /the file is empty/],
    ['object.json', '{\n  "data": [1, 2]\n}', /top-level value is a single JSON object/],
    ['string.json', '"hello"', /top-level value is '"/],
    ['truncated.json', '[{"instruction": "a", "input": "", "output": "b"}, {"instr', /ends inside the array/],
  ])('rejects a bad file as a whole (%s)', async (name, content, message) => {
    const error = await readDataset(file(name, content), skip()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetFileError);
    expect((error as Error).message).toMatch(message);
  });

  it('rejects an empty array as having no records', async () => {
    const error = await readDataset(file('none.json', '[]'), skip({ format: 'okapi-alpaca' })).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/holds no records/);
  });

  it('rejects non-UTF-8 bytes in one record, keeping the others', async () => {
    const bad = Buffer.concat([Buffer.from('{"instruction": "caf'), Buffer.from([0xe9]), Buffer.from('", "input": "", "output": "x"}')]);
    const content = Buffer.concat([Buffer.from('['), Buffer.from(JSON.stringify(ok)), Buffer.from(',\n'), bad, Buffer.from(']')]);
    const { records, report } = await readDataset(file('fr.json', content), skip({ format: 'okapi-alpaca' }));
    expect(records).toHaveLength(1);
    expect(report.rejected[0]).toMatchObject({ reason: 'unreadable', location: { index: 1, line: 2 } });
    expect(report.rejected[0]!.message).toMatch(/not valid UTF-8 \(byte 20 of the record\)/);
  });

  it('reads JSON Lines with line numbers, blank lines, a BOM and CRLF endings', async () => {
    const lines = ['\ufeff' + JSON.stringify(ok), '', JSON.stringify({ ...ok, input: '' }), '{"instruction": "x", broken', JSON.stringify({ ...ok, output: 'bye' })];
    const { records, report } = await readDataset(file('es.jsonl', lines.join('\r\n')), skip());
    expect(report.container).toBe('jsonl');
    expect(records.map((r) => r.location.line)).toEqual([1, 3, 5]);
    expect(records.map((r) => r.location.index)).toEqual([0, 1, 3]);
    expect(report.rejected[0]).toMatchObject({ reason: 'unreadable', location: { index: 2, line: 4 } });
  });

  it('counts duplicated records, and drops them into the side file with dedupe', async () => {
    const path = file('it.json', JSON.stringify([ok, { ...ok, output: 'other' }, ok, ok]));
    expect((await readDataset(path, skip())).report).toMatchObject({ duplicates: 2, accepted: 4 });
    const deduped = await readDataset(path, skip({ dedupe: true }));
    expect(deduped.records.map((r) => r.location.index)).toEqual([0, 1]);
    expect(deduped.report.rejected.map((r) => r.message)).toEqual(['duplicate of record 0', 'duplicate of record 0']);
  });

  it('reads okapi-ranking pairs (prefered_output, sic) and rejects identical responses', async () => {
    const pair = { instruction: 'Viết một câu', input: '', prefered_output: 'Câu hay.', rejected_output: 'câu' };
    const path = file('ranking.json', JSON.stringify([pair, { ...pair, rejected_output: pair.prefered_output }]));
    const { records, report } = await readDataset(path, skip());
    expect(report.format).toBe('okapi-ranking');
    expect(records[0]!.record).toEqual({ kind: 'pair', instruction: pair.instruction, input: '', chosen: 'Câu hay.', rejected: 'câu' });
    expect(report.rejected[0]!.issues[0]).toMatchObject({ field: 'rejected_output', received: 'the same text' });
  });

  it('refuses an unknown --format with the installed list and a did-you-mean', async () => {
    const path = file('x.json', JSON.stringify([ok]));
    await expect(readDataset(path, { adapters, format: 'okapi-alpacca' })).rejects.toThrow(/Did you mean 'okapi-alpaca'\?/);
  });

  it('says which formats exist when nothing matches', async () => {
    const path = file('odd.json', JSON.stringify([{ question: 'q', answer: 'a' }]));
    await expect(readDataset(path, { adapters })).rejects.toThrow(/could not recognise the dataset format/);
  });
});
