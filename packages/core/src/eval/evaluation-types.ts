import type { EvalMetric, EvalSplit, EvalTaskDescriptor } from './eval-task';

/** One (task, language) pair to evaluate. */
export interface EvalRun {
  readonly task: EvalTaskDescriptor;
  readonly lang: string;
}

export type StderrMethod = 'analytic' | 'bootstrap';

export interface EvaluationOptions {
  /** The folder holding m_arc/, m_hellaswag/, m_mmlu/, xcopa/. */
  readonly dataDir: string;
  readonly runs: readonly EvalRun[];
  /** Overrides every task's shot count. */
  readonly shots?: number;
  /** Docs per task after shuffling (a fraction < 1 means that share), as lm-eval's --limit. */
  readonly limit?: number;
  /** Overrides the scored split (e.g. 'validation', as the Okapi paper reports ARC). */
  readonly split?: EvalSplit;
  /** Items per scorer call. @defaultValue 8 */
  readonly batchSize?: number;
  /** 'analytic' is lm-eval v0.3's stderr for mean metrics; 'bootstrap' resamples. @defaultValue 'analytic' */
  readonly stderr?: StderrMethod;
  /** @defaultValue 100000 (lm-eval's default) */
  readonly bootstrapIters?: number;
  /** Keep per-item log-likelihoods in the results. */
  readonly logSamples?: boolean;
}

/** A scored doc, as written by --log-samples. */
export interface SampleLog {
  readonly doc_id: number;
  readonly id?: string;
  readonly context: string;
  readonly continuations: readonly string[];
  readonly gold: number;
  readonly loglikelihoods: readonly number[];
  readonly is_greedy: readonly boolean[];
  readonly metrics: Partial<Record<EvalMetric, number>>;
  readonly context_tokens: number;
  readonly truncated_tokens: number;
}

/** The outcome of one (task, language) pair. */
export interface TaskResult {
  /** lm-eval's task name: arc_vi. */
  readonly name: string;
  readonly task: string;
  readonly lang: string;
  readonly version: number;
  readonly split: EvalSplit;
  readonly shots: number;
  readonly n: number;
  /** acc, acc_stderr, acc_norm, acc_norm_stderr. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly seconds: number;
  readonly itemsPerSecond: number;
  readonly files: { readonly scored: string; readonly fewShot?: string };
  readonly samples?: readonly SampleLog[];
}

export interface EvaluationHooks {
  onTaskStart?(name: string, items: number): void;
  onProgress?(name: string, done: number, total: number): void;
  onTaskEnd?(result: TaskResult): void;
}
