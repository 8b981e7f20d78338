// `okapi eval` and `okapi eval compare` end to end on the tiny LLaMA fixture (ONNX backend), called through
// their CommandDescriptors with a recording output (the CLI owner registers them in the command list).
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corePlugin, llamaFamily, saveModelDirectory, type CommandContext, type CommandOutput } from '@okapi/core';
import { createTestScope, type TestScope } from '@okapi/core/testing';
import onnxPlugin from '@okapi/backend-onnx';
import { evalCommand, evalCompareCommand } from '../../packages/cli/src/commands/eval';
import { llamaOnnxFixtureConfig, llamaOnnxFixtureDir, loadLlamaOnnxFixtureWeights } from '../fixtures-models/onnx-llama-fixture';
import { makeTempDir } from '../helpers/temp-dir';
import { evalData } from './llama-eval-harness';

class RecordingOutput implements CommandOutput {
  readonly printed: string[] = [];
  readonly tables: { rows: readonly Record<string, unknown>[]; title?: string }[] = [];
  readonly messages: string[] = [];
  constructor(readonly jsonMode = false) {}
  print(text: string): void { this.printed.push(text); }
  table(rows: readonly Record<string, unknown>[], options?: { title?: string }): void { this.tables.push({ rows, title: options?.title }); }
  json(value: unknown): void { this.printed.push(JSON.stringify(value)); }
  info(text: string): void { this.messages.push(text); }
  warn(text: string): void { this.messages.push(`warning: ${text}`); }
}

describe('okapi eval commands', () => {
  const tmp = makeTempDir('eval-cmd');
  const modelDir = join(tmp.dir, 'model');
  let t: TestScope;

  beforeAll(async () => {
    await saveModelDirectory(modelDir, llamaFamily.architecture(llamaOnnxFixtureConfig, 'fixture'), loadLlamaOnnxFixtureWeights());
    for (const f of ['tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json']) copyFileSync(join(llamaOnnxFixtureDir, f), join(modelDir, f));
    t = createTestScope({ plugins: [corePlugin, onnxPlugin], config: { backend: { name: 'onnx', threads: 1 } } });
  }, 30_000);
  afterAll(async () => {
    await t.dispose();
    tmp.remove();
  });

  const context = (out: CommandOutput, options: Record<string, unknown>, args: string[] = []): CommandContext =>
    ({ scope: t.scope, out, args, options, signal: new AbortController().signal });

  it('evaluates, writes lm-eval-shaped results and sample logs; batched shared-context and naive paths give the same metrics', async () => {
    const base = { model: modelDir, dataDir: evalData, tasks: ['xcopa'], langs: ['et', 'vi'], limit: 3, shots: 1, split: 'validation' };
    const out = new RecordingOutput();
    await evalCommand.run(context(out, { ...base, output: join(tmp.dir, 'a.json'), logSamples: join(tmp.dir, 'samples'), batchSize: 4 }));
    await evalCommand.run(context(new RecordingOutput(), { ...base, output: join(tmp.dir, 'b.json'), naive: true }));
    const a = JSON.parse(readFileSync(join(tmp.dir, 'a.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(tmp.dir, 'b.json'), 'utf8'));
    expect(Object.keys(a.results).sort()).toEqual(['xcopa_et', 'xcopa_vi']);
    expect(a.versions).toEqual({ xcopa_et: 0, xcopa_vi: 0 });
    expect(a.n).toEqual({ xcopa_et: 3, xcopa_vi: 3 });
    expect(a.config).toMatchObject({ num_fewshot: { xcopa_et: 1, xcopa_vi: 1 }, split: { xcopa_vi: 'validation' }, limit: 3, backend: 'onnx', max_length: 2048, batch_size: 4 });
    expect(b.config.batch_size).toBe(1); // the default on cpu
    for (const task of ['xcopa_et', 'xcopa_vi']) {
      for (const [metric, value] of Object.entries(a.results[task] as Record<string, number>)) expect(b.results[task][metric]).toBeCloseTo(value, 12);
    }
    const samples = JSON.parse(readFileSync(join(tmp.dir, 'samples', 'xcopa_vi.json'), 'utf8'));
    expect(samples).toHaveLength(3);
    const meanAcc = samples.reduce((s: number, x: { metrics: { acc: number } }) => s + x.metrics.acc, 0) / 3;
    expect(a.results.xcopa_vi.acc).toBeCloseTo(meanAcc, 12);
    expect(out.messages.some((m) => m.startsWith('[2/2] xcopa_vi: acc '))).toBe(true);
    expect(out.tables[0]!.rows.map((r) => `${r.task}_${r.lang}`)).toEqual(['xcopa_et', 'xcopa_vi']);

    const cmp = new RecordingOutput();
    await evalCompareCommand.run(context(cmp, {}, [join(tmp.dir, 'a.json'), join(tmp.dir, 'b.json')]));
    expect(cmp.tables[0]!.rows.every((r) => r.significant === 'no')).toBe(true);
  }, 120_000);

  it('says which data files are missing and where to get them', async () => {
    const run = evalCommand.run(context(new RecordingOutput(), { model: modelDir, dataDir: evalData, tasks: ['hellaswag'], langs: ['vi'] }));
    await expect(run).rejects.toThrow(/Missing evaluation data in .*\n {2}hellaswag_vi \(validation\): m_hellaswag\/vi_validation\.json/);
  }, 60_000);

  it('refuses out-of-range numbers before loading the model', async () => {
    await expect(evalCommand.run(context(new RecordingOutput(), { model: modelDir, dataDir: evalData, shots: -1 }))).rejects.toThrow('--shots must be an integer >= 0, got -1');
  });

  it('requires --model and --data-dir', async () => {
    await expect(evalCommand.run(context(new RecordingOutput(), { dataDir: evalData }))).rejects.toThrow('--model is required');
    await expect(evalCommand.run(context(new RecordingOutput(), { model: modelDir }))).rejects.toThrow('--data-dir is required');
  });
});
