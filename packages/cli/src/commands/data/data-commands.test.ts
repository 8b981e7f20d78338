import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { definePlugin, ExitError, registerDataContributions, type CommandContext, type CommandDescriptor, type CommandOutput } from '@okapi/core';
import { createTestScope, type TestScope } from '@okapi/core/testing';
import { dataCommands, dataConvertCommand, dataDemoCommand, dataSampleCommand, dataSplitCommand, dataStatsCommand, dataValidateCommand } from '.';

// Fixture reads are I/O bound; the 2-core machine is shared, so allow for load.
jest.setTimeout(30_000);
const fixtures = resolve(__dirname, '../../../../../../shared/fixtures');
const dataPlugin = definePlugin({ meta: { name: 'data-test', version: '0' }, register: registerDataContributions });

/** Captures what a command prints. */
class RecordingOutput implements CommandOutput {
  readonly lines: string[] = [];
  readonly errors: string[] = [];
  readonly tables: { rows: readonly Record<string, unknown>[]; title?: string }[] = [];
  readonly values: unknown[] = [];
  constructor(readonly jsonMode = false) {}
  print(text: string): void { this.lines.push(text); }
  table(rows: readonly Record<string, unknown>[], options?: { title?: string }): void { this.tables.push({ rows, title: options?.title }); }
  json(value: unknown): void { this.values.push(JSON.parse(JSON.stringify(value))); }
  info(text: string): void { this.errors.push(text); }
  warn(text: string): void { this.errors.push(text); }
}

describe('okapi data commands', () => {
  let dir: string;
  let test: TestScope;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'okapi-cli-data-'));
    test = createTestScope({ plugins: [dataPlugin], config: { seed: 0, lang: 'vi' } });
  });
  afterEach(async () => {
    await test.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  const run = async (cmd: CommandDescriptor, args: CommandContext['args'], options: Record<string, unknown> = {}, json = false) => {
    const out = new RecordingOutput(json);
    await cmd.run({ scope: test.scope, out, args, options, signal: new AbortController().signal });
    return out;
  };

  it('exports one descriptor per data subcommand, each with examples', () => {
    expect(dataCommands.map((c) => c.name)).toEqual(['data validate', 'data stats', 'data convert', 'data split', 'data sample', 'data demo']);
    for (const c of dataCommands) expect(c.examples.length).toBeGreaterThan(0);
  });

  it('validate: lists each bad record and exits 1; a clean file passes', async () => {
    const bad = join(dir, 'vi.json');
    writeFileSync(bad, JSON.stringify([{ instruction: 'a', input: '', output: 'b' }, { instruction: 'a', input: 3, output: 'b' }]));
    const out = new RecordingOutput();
    const error = await dataValidateCommand.run({ scope: test.scope, out, args: [bad], options: {}, signal: new AbortController().signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExitError);
    expect((error as ExitError).code).toBe(1);
    expect(out.lines[0]).toBe(`${bad} record 1 (line 1): invalid: field 'input': expected string, received number 3`);
    const clean = await run(dataValidateCommand, [join(fixtures, 'preference/pairs_zh_300.json')]);
    expect(clean.lines.at(-1)).toBe('OK: 300 valid records (sharegpt-pairs).');
  });

  it('validate: finds {lang}.json through --data-dir and the configured language', async () => {
    writeFileSync(join(dir, 'vi.json'), JSON.stringify([{ instruction: 'a', input: '', output: 'b' }]));
    const out = await run(dataValidateCommand, [], { dataDir: dir }, true);
    expect(out.values[0]).toMatchObject({ file: join(dir, 'vi.json'), accepted: 1, format: 'okapi-alpaca' });
  });

  it('stats: counts and length summaries as JSON', async () => {
    const out = await run(dataStatsCommand, [join(fixtures, 'instruct/alpaca_zh_1000.json')], {}, true);
    const stats = out.values[0] as { kinds: Record<string, number>; chars: { response: { count: number } } };
    expect(stats.kinds).toEqual({ instruction: 1000 });
    expect(stats.chars.response.count).toBe(1000);
  });

  it('convert, split and sample write the files they report', async () => {
    const converted = join(dir, 'pairs.jsonl');
    await run(dataConvertCommand, [join(fixtures, 'preference/pairs_en_300.json'), converted], { to: 'okapi-ranking' });
    expect(readFileSync(converted, 'utf8').trim().split('\n')).toHaveLength(300);
    const outs = [join(dir, 'train.json'), join(dir, 'val.json')];
    const split = await run(dataSplitCommand, [converted, outs], { fractions: ['0.9', '0.1'] });
    expect(split.tables[0]!.rows.map((r) => r.records)).toEqual([270, 30]);
    const sample = join(dir, 'sample.json');
    await run(dataSampleCommand, [outs[0]!, sample], { size: 25 });
    expect(JSON.parse(readFileSync(sample, 'utf8'))).toHaveLength(25);
  });

  it('demo: writes the Okapi layout for the languages asked', async () => {
    const out = await run(dataDemoCommand, [dir], { langs: ['vi', 'ta'], sft: 10, rm: 4, ppo: 3, eval: 2 }, true);
    expect((out.values[0] as { files: string[] }).files).toHaveLength(10);
    expect(JSON.parse(readFileSync(join(dir, 'sft/ta.json'), 'utf8'))).toHaveLength(10);
    expect(JSON.parse(readFileSync(join(dir, 'rm-pairs/vi.json'), 'utf8'))).toHaveLength(4 * 6);
  });
});
