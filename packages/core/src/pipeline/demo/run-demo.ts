import { existsSync } from 'node:fs';
import path from 'node:path';
import { activateBackend } from '../../backend/activate-backend';
import { checkDemoResponse } from '../../data/demo/check-demo-response';
import { generateDemoData } from '../../data/demo/generate-demo-data';
import { writeDemoData } from '../../data/demo/write-demo-data';
import type { InstructionDataRecord } from '../../data/records';
import type { RunScope } from '../../di/run-scope';
import { FamilyRegistry } from '../../models/family-registry';
import { loadModelDirectory } from '../../models/model-directory';
import { PrompterFactory } from '../../prompting/prompter-factory';
import { MetricsLog, type MetricRecord } from '../../runs/metrics-log';
import { renderHtmlReport } from '../../runs/html-report';
import { writeFileAtomic } from '../../checkpoint/atomic-write';
import { loadTokenizer } from '../../tokenizer/load-tokenizer';
import type { StepMetrics } from '../../trainers/trainer';
import { demoStages } from './demo-stages';
import { resolveUserPath } from '../stage-io';
import { evaluateWithVerifier, type VerifierEvalResult } from '../verifier-eval';
import { createDemoBase } from './create-demo-base';
import { demoOptionsSchema, type DemoOverrides } from './demo-options';
import { demoPresets, type DemoPreset, type DemoSize } from './demo-presets';

export interface DemoRunOptions {
  readonly family: 'llama' | 'bloom';
  readonly size: DemoSize;
  readonly output: string;
  readonly signal: AbortSignal;
  /** A stage starts ('data', 'base', 'eval base', 'sft', …). */
  readonly onStage?: (name: string) => void;
  readonly onStep?: (m: StepMetrics) => void;
}

export interface DemoSummary {
  /** Held-out verifier results per model, in pipeline order. */
  readonly results: readonly { readonly model: string; readonly dir: string; readonly eval: VerifierEvalResult }[];
  readonly report: string;
  readonly finalModel: string;
}

/**
 * The embedded demo: demo data and a tiny model made from nothing, then the Okapi stages, each skipped
 * when its output exists (so an interrupted demo continues), with held-out verifier accuracy before
 * and after, and one HTML report.
 */
export async function runDemo(scope: RunScope, o: DemoRunOptions): Promise<DemoSummary> {
  const out = resolveUserPath(scope, o.output);
  const overrides = Object.fromEntries(Object.entries(demoOptionsSchema.parse(scope.config.demo ?? {})).filter(([, v]) => v !== undefined));
  const preset = { ...demoPresets[o.size], ...overrides } as DemoPreset & DemoOverrides;
  const lang = scope.config.lang;
  o.onStage?.('data');
  const data = generateDemoData({ seed: scope.config.seed, langs: [lang], sizes: preset.data, tasks: preset.tasks, teacherEcho: preset.teacherEcho });
  await writeDemoData(path.join(out, 'data'), data);
  const prompter = scope.resolve(PrompterFactory).create();
  const families = scope.resolve(FamilyRegistry);
  const baseDir = path.join(out, 'base');
  o.onStage?.('base model');
  if (!existsSync(path.join(baseDir, 'model.safetensors'))) await createDemoBase(baseDir, o.family, data, prompter, preset, families, scope.config.seed);
  const backend = await activateBackend(scope);
  const evalRecords = data[0]!.eval.slice(0, preset.evalPrompts);
  const evaluate = async (name: string, dir: string) => {
    o.onStage?.(`evaluate ${name}`);
    const model = await loadModelDirectory(dir, families);
    const tokenizer = await loadTokenizer(dir);
    const check = (r: InstructionDataRecord, response: string) => checkDemoResponse(r, response);
    return { model: name, dir, eval: await evaluateWithVerifier(backend, model, tokenizer, prompter, evalRecords, check, { batchSize: 16, maxNewTokens: preset.maxNewTokens }) };
  };
  const results = [await evaluate('base', baseDir)];
  const stages = demoStages(out, baseDir, preset);
  for (const stage of stages) {
    o.onStage?.(stage.name);
    if (!existsSync(path.join(stage.dir, 'final', 'config.json'))) {
      const { result } = await stage.run(scope, { output: stage.dir, resume: true, signal: o.signal, onStep: o.onStep });
      if (result.interrupted) throw new DemoInterrupted();
    }
    if (stage.evaluate) results.push(await evaluate(stage.name, path.join(stage.dir, 'final')));
  }
  const report = path.join(out, 'report.html');
  await writeDemoReport(report, lang, stages.map((st) => [st.name, st.dir]), results);
  return { results, report, finalModel: results.at(-1)!.dir };
}

/** The demo was stopped (Ctrl-C) after a checkpoint; running it again continues. */
export class DemoInterrupted extends Error {}

async function writeDemoReport(file: string, lang: string, stages: readonly [string, string][], results: DemoSummary['results']): Promise<void> {
  const metrics: MetricRecord[] = stages.flatMap(([, dir]) => new MetricsLog(path.join(dir, 'metrics.jsonl')).read());
  const samples = results[0]!.eval.samples.slice(0, 12).map((s, i) => ({
    prompt: `${s.instruction}\n${s.input}`,
    outputs: Object.fromEntries(results.map((r) => [r.model, `${r.eval.samples[i]!.response}${r.eval.samples[i]!.correct ? ' ✓' : ' ✗'}`])),
  }));
  const html = renderHtmlReport({
    title: `Okapi.ts demo · ${lang}`,
    subtitle: 'Tiny model made from scratch, trained on the built-in verifiable demo tasks; accuracy on held-out prompts.',
    metrics,
    tables: [{ title: 'Held-out verifier results', rows: results.map((r) => ({ model: r.model, n: r.eval.n, accuracy: r.eval.accuracy.toFixed(3), 'mean score': r.eval.meanScore.toFixed(3) })) }],
    samples,
  });
  await writeFileAtomic(file, async (h) => { await h.writeFile(html, 'utf8'); });
}
