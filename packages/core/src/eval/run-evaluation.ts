import { buildEvalItems } from './build-items';
import type { EvalMetric } from './eval-task';
import type { EvalRun, EvaluationHooks, EvaluationOptions, SampleLog, TaskResult } from './evaluation-types';
import type { EvalTextEncoder, LogLikelihoodScorer } from './loglikelihood-scorer';
import { bootstrapStderr, itemMetrics, mean, meanStderr } from './metrics';
import { scoreItems, type ScoredItem } from './score-items';
import { loadTaskData, resolveDataFiles, type ResolvedFiles, type TaskDataPlan } from './task-data';

/** The model side of an evaluation. */
export interface EvalModel {
  readonly encoder: EvalTextEncoder;
  readonly scorer: LogLikelihoodScorer;
}

function planFor(run: EvalRun, options: EvaluationOptions): TaskDataPlan & { shots: number } {
  const shots = options.shots ?? run.task.defaultShots;
  return { task: run.task, lang: run.lang, split: options.split ?? run.task.defaultSplit, needsFewShot: shots > 0, shots };
}

function aggregate(perItem: readonly Partial<Record<EvalMetric, number>>[], metrics: readonly EvalMetric[], options: EvaluationOptions): Record<string, number> {
  const out: Record<string, number> = {};
  for (const metric of metrics) {
    const values = perItem.map((m) => m[metric]!);
    out[metric] = mean(values);
    out[`${metric}_stderr`] = options.stderr === 'bootstrap' ? bootstrapStderr(values, options.bootstrapIters ?? 100000) : meanStderr(values);
  }
  return out;
}

function sampleLog(s: ScoredItem, metrics: Partial<Record<EvalMetric, number>>): SampleLog {
  const id = s.item.doc.id ?? s.item.doc.sourceId;
  return {
    doc_id: s.item.docId,
    ...(id !== undefined ? { id } : {}),
    context: s.item.context,
    continuations: s.item.continuations,
    gold: s.item.doc.gold,
    loglikelihoods: s.results.map((r) => r.logprob),
    is_greedy: s.results.map((r) => r.greedy),
    metrics,
    context_tokens: s.contextTokens,
    truncated_tokens: s.truncatedTokens,
  };
}

async function evaluateOne(plan: ReturnType<typeof planFor>, files: ResolvedFiles, model: EvalModel, options: EvaluationOptions, hooks: EvaluationHooks, signal?: AbortSignal): Promise<TaskResult> {
  const name = `${plan.task.id}_${plan.lang}`;
  const data = await loadTaskData(plan, files);
  const items = buildEvalItems(data.docs, {
    shots: plan.shots,
    limit: options.limit,
    ...(data.fewShotDocs !== undefined ? { fewShot: { source: plan.task.fewShot, docs: data.fewShotDocs } } : {}),
  });
  hooks.onTaskStart?.(name, items.length);
  const started = performance.now();
  const scored = await scoreItems(items, model.encoder, model.scorer, {
    batchSize: options.batchSize, signal, onProgress: (done, total) => hooks.onProgress?.(name, done, total),
  });
  const seconds = (performance.now() - started) / 1000;
  const perItem = scored.map((s) => itemMetrics(s.item.doc, s.results.map((r) => r.logprob), plan.task.metrics));
  return {
    name, task: plan.task.id, lang: plan.lang, version: plan.task.version, split: plan.split, shots: plan.shots, n: items.length,
    metrics: items.length > 0 ? aggregate(perItem, plan.task.metrics, options) : {},
    seconds, itemsPerSecond: seconds > 0 ? items.length / seconds : 0, files,
    ...(options.logSamples ? { samples: scored.map((s, i) => sampleLog(s, perItem[i]!)) } : {}),
  };
}

/**
 * Evaluates every (task, language) pair: checks all data files first (one error lists every missing
 * file), then per pair loads, shuffles, builds few-shot contexts, scores and aggregates.
 */
export async function runEvaluation(model: EvalModel, options: EvaluationOptions, hooks: EvaluationHooks = {}, signal?: AbortSignal): Promise<TaskResult[]> {
  const plans = options.runs.map((run) => planFor(run, options));
  const files = await resolveDataFiles(options.dataDir, plans);
  const results: TaskResult[] = [];
  for (let i = 0; i < plans.length; i++) {
    signal?.throwIfAborted();
    const result = await evaluateOne(plans[i]!, files[i]!, model, options, hooks, signal);
    hooks.onTaskEnd?.(result);
    results.push(result);
  }
  return results;
}
