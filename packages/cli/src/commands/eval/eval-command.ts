import {
  averageRows, builtinEvalTasks, OkapiError, planRuns, resolveUserPath, resultRows, runEvaluation, toResultsFile, type CliOption, type CommandContext,
  type CommandDescriptor, type EvalSplit, type StderrMethod,
} from '@okapi/core';
import { evalProgress } from './eval-progress';
import { loadEvalModel } from './load-eval-model';
import { writeResultsFile, writeSampleLogs } from './write-eval-outputs';

const options: readonly CliOption[] = [
  { flags: '--model <dir>', description: 'Hugging Face model directory (config.json, weights, tokenizer)' },
  { flags: '--tasks <ids>', description: "comma-separated tasks: arc, hellaswag, mmlu, xcopa (default: arc,hellaswag,mmlu)", parse: 'list' },
  { flags: '--langs <codes>', description: 'comma-separated languages (default: --lang from config, else every language of each task)', parse: 'list' },
  { flags: '--data-dir <dir>', description: 'folder holding m_arc/, m_hellaswag/, m_mmlu/ (Okapi layout) and xcopa/' },
  { flags: '--shots <k>', description: 'few-shot examples per prompt for every task (default: arc 25, mmlu 25, hellaswag 0, xcopa 0)', parse: 'int' },
  { flags: '--limit <n>', description: 'score only the first n docs after the seeded shuffle (a value < 1 is a fraction)', parse: 'float' },
  { flags: '--split <name>', description: 'score this split instead of the task default (the Okapi paper reports ARC on validation)', choices: ['train', 'validation', 'test'] },
  { flags: '--output <file>', description: 'write results JSON (lm-evaluation-harness shape: results, versions, config, n)' },
  { flags: '--log-samples <dir>', description: 'write per-item contexts, log-likelihoods and metrics, one {task}_{lang}.json each' },
  { flags: '--batch-size <n>', description: 'items whose contexts are prefilled together in one left-padded batch, grouped by similar length (default: 1 on cpu/wasm, 4 on other devices)', parse: 'int' },
  { flags: '--max-length <n>', description: "model context for truncation (default: the model config's max_position_embeddings, else 2048)", parse: 'int' },
  { flags: '--stderr <method>', description: "'analytic' (lm-eval v0.3 for acc) or 'bootstrap'", choices: ['analytic', 'bootstrap'] },
  { flags: '--bootstrap-iters <n>', description: 'resamples for --stderr bootstrap (default 100000)', parse: 'int' },
  { flags: '--naive', description: 'score each choice with a full forward pass instead of sharing the context (slower; for checks)' },
];

function required(context: CommandContext, key: 'model' | 'dataDir', flag: string, hint: string): string {
  const value = context.options[key];
  if (typeof value !== 'string' || value === '') throw new OkapiError(`${flag} is required`, { hint });
  return value;
}

/** Numeric flags out of range are refused before the model loads. */
function checkNumbers(o: Readonly<Record<string, unknown>>): void {
  const rules: [string, string, (n: number) => boolean, string][] = [
    ['shots', '--shots', (n) => n >= 0, 'an integer >= 0'],
    ['limit', '--limit', (n) => n > 0, 'a number > 0 (below 1: a fraction of the docs)'],
    ['batchSize', '--batch-size', (n) => n >= 1, 'an integer >= 1'],
    ['maxLength', '--max-length', (n) => n >= 2, 'an integer >= 2'],
    ['bootstrapIters', '--bootstrap-iters', (n) => n >= 1, 'an integer >= 1'],
  ];
  for (const [key, flag, ok, expected] of rules) {
    const value = o[key];
    if (typeof value === 'number' && !ok(value)) throw new OkapiError(`${flag} must be ${expected}, got ${value}`);
  }
}

function langsOf(context: CommandContext): string[] | undefined {
  const langs = context.options.langs as string[] | undefined;
  if (langs !== undefined && langs.length > 0) return langs;
  return context.scope.config.lang !== undefined ? [context.scope.config.lang] : undefined;
}

/** `okapi eval`: log-likelihood multiple-choice evaluation (m_ARC, m_HellaSwag, m_MMLU, XCOPA) with lm-eval v0.3 semantics. */
export const evalCommand: CommandDescriptor = {
  name: 'eval',
  summary: 'Evaluate a model on multilingual ARC / HellaSwag / MMLU (Okapi protocol) and XCOPA',
  description: 'Scores every choice by log-likelihood after the (few-shot) context, as lm-evaluation-harness v0.3 does, and reports acc / acc_norm ± stderr per task and language. In the examples, ./datasets holds the Okapi eval data (m_arc/, m_hellaswag/, m_mmlu/, xcopa/data/) and runs/demo-vi is what `okapi demo` writes.',
  examples: [
    'okapi eval --model ./okapi-vi-bloom --tasks arc,hellaswag,mmlu --langs vi --data-dir ./datasets --output results/okapi-vi.json',
    'okapi eval --model runs/demo-vi/ppo/final --tasks arc,hellaswag,mmlu --langs vi --data-dir ./datasets --limit 100 --output results/demo-vi.json',
    'okapi eval --model runs/demo-vi/ppo/final --tasks xcopa --langs vi --data-dir ./datasets --limit 100 --log-samples results/samples',
    'okapi eval --model runs/demo-de/ppo/final --tasks arc --langs de --data-dir ./datasets --split validation --shots 25 --backend onnx --device cuda',
  ],
  options,
  async run(context) {
    const o = context.options;
    checkNumbers(o);
    const modelDir = required(context, 'model', '--model', 'Pass the model directory: okapi eval --model ./okapi-vi-bloom …');
    const dataDir = required(context, 'dataDir', '--data-dir', 'Point --data-dir at the Okapi eval data (m_arc/, m_hellaswag/, m_mmlu/); see docs/evaluation.md.');
    const tasks = context.scope.contributions('evalTask');
    const planned = planRuns(tasks.length > 0 ? tasks : builtinEvalTasks, (o.tasks as string[] | undefined) ?? ['arc', 'hellaswag', 'mmlu'], langsOf(context));
    if (planned.skipped.length > 0) context.out.warn(`Skipped (task not available in that language): ${planned.skipped.join(', ')}`);
    // paths as typed go into the results file; reads and writes are relative to the cwd okapi ran in
    const at = (p: string) => resolveUserPath(context.scope, p);
    const model = await loadEvalModel(context.scope, at(modelDir), { maxLength: o.maxLength as number | undefined, naive: o.naive === true, batchSize: o.batchSize as number | undefined });
    const batchSize = model.batchSize;
    const progress = evalProgress(context.out, planned.runs.length);
    const stderr = (o.stderr as StderrMethod | undefined) ?? 'analytic';
    const bootstrapIters = (o.bootstrapIters as number | undefined) ?? 100000;
    try {
      const results = await runEvaluation(model, {
        dataDir: at(dataDir), runs: planned.runs, shots: o.shots as number | undefined, limit: o.limit as number | undefined, split: o.split as EvalSplit | undefined,
        batchSize, stderr, bootstrapIters, logSamples: typeof o.logSamples === 'string',
      }, progress, context.signal);
      const file = toResultsFile(results, {
        model: modelDir, model_args: null, batch_size: batchSize, device: model.device, backend: model.backend,
        limit: (o.limit as number | undefined) ?? null, bootstrap_iters: bootstrapIters, stderr, description_dict: {}, seed: 42,
        max_length: model.maxLength, data_dir: dataDir, okapi_version: '0.1.0', date: new Date().toISOString(),
      });
      if (typeof o.output === 'string') {
        await writeResultsFile(at(o.output), file);
        context.out.info(`Results written to ${o.output}`);
      }
      if (typeof o.logSamples === 'string') context.out.info(`Samples written: ${(await writeSampleLogs(at(o.logSamples), results)).join(', ')}`);
      if (context.out.jsonMode) context.out.json(file);
      else {
        context.out.table(resultRows(results), { title: 'Results (%, ± stderr)' });
        if (results.length > 1) context.out.table(averageRows(results), { title: 'Average over languages (%)' });
      }
    } finally {
      progress.stop();
      await model.dispose();
    }
  },
};
