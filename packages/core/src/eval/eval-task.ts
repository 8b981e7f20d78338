import type { McDoc } from './mc-doc';

/** The dataset splits a task may score or draw few-shot examples from. */
export type EvalSplit = 'train' | 'validation' | 'test';
export const evalSplits: readonly EvalSplit[] = ['train', 'validation', 'test'];

/** Per-item metrics, named as lm-evaluation-harness names them. */
export type EvalMetric = 'acc' | 'acc_norm';

/**
 * Where few-shot examples come from, as lm-evaluation-harness v0.3 decides: a task with training docs
 * samples k of them; a task without draws k + 1 held-out docs and drops the doc being scored.
 */
export interface FewShotSource {
  readonly split: EvalSplit;
  readonly kind: 'training' | 'held-out';
}

/** Where a raw record sits, for error messages. */
export interface RecordLocation {
  readonly file: string;
  /** 0-based position in the file. */
  readonly index: number;
}

/**
 * One log-likelihood multiple-choice evaluation task (m_ARC, m_HellaSwag, m_MMLU, XCOPA), available in
 * some languages. Data-driven: the harness reads the files, shuffles, builds few-shot contexts and scores.
 */
export interface EvalTaskDescriptor {
  /** 'arc'; the per-language task is `${id}_${lang}` (lm-eval's names: arc_vi, xcopa_it). */
  readonly id: string;
  readonly summary: string;
  /** lm-eval's task VERSION, recorded in results. */
  readonly version: number;
  readonly languages: readonly string[];
  readonly defaultShots: number;
  readonly defaultSplit: EvalSplit;
  readonly fewShot: FewShotSource;
  readonly metrics: readonly EvalMetric[];
  /** Candidate files per split, relative to the data directory; the first that exists is read. */
  dataFiles(lang: string): Partial<Record<EvalSplit, readonly string[]>>;
  /** Turns one raw record into a processed doc; throws OkapiError naming file, record and field. */
  toDoc(record: Readonly<Record<string, unknown>>, where: RecordLocation, lang: string): McDoc;
  /** Where users can obtain the data (shown when files are missing). */
  readonly dataSource: string;
}
