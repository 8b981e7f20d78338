import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { OkapiError } from '../errors/okapi-error';
import type { EvalSplit, EvalTaskDescriptor } from './eval-task';
import type { McDoc } from './mc-doc';
import { readRecords } from './read-records';

/** What one (task, language) evaluation needs from disk. */
export interface TaskDataPlan {
  readonly task: EvalTaskDescriptor;
  readonly lang: string;
  readonly split: EvalSplit;
  /** Whether few-shot examples are drawn (shots > 0). */
  readonly needsFewShot: boolean;
}

export interface ResolvedFiles {
  readonly scored: string;
  readonly fewShot?: string;
}

export interface TaskData {
  readonly docs: McDoc[];
  readonly fewShotDocs?: McDoc[];
  readonly files: ResolvedFiles;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

async function findFile(dataDir: string, candidates: readonly string[] | undefined): Promise<string | undefined> {
  for (const candidate of candidates ?? []) {
    const path = join(dataDir, candidate);
    if (await exists(path)) return path;
  }
  return undefined;
}

function neededSplits(plan: TaskDataPlan): EvalSplit[] {
  return plan.needsFewShot && plan.task.fewShot.split !== plan.split ? [plan.split, plan.task.fewShot.split] : [plan.split];
}

/**
 * Finds every file the plans need before anything is scored, so one error lists all that are missing
 * (per task, the candidates tried and where the data can be obtained).
 */
export async function resolveDataFiles(dataDir: string, plans: readonly TaskDataPlan[]): Promise<ResolvedFiles[]> {
  const missing: string[] = [];
  const sources = new Set<string>();
  const resolved: ResolvedFiles[] = [];
  for (const plan of plans) {
    const candidates = plan.task.dataFiles(plan.lang);
    const found: Partial<Record<EvalSplit, string>> = {};
    for (const split of neededSplits(plan)) {
      const path = await findFile(dataDir, candidates[split]);
      if (path !== undefined) found[split] = path;
      else {
        const tried = candidates[split] ?? [];
        missing.push(`  ${plan.task.id}_${plan.lang} (${split}): ${tried.length > 0 ? tried.join(' or ') : `the task has no ${split} split`}`);
        sources.add(plan.task.dataSource);
      }
    }
    const fewShotPath = plan.needsFewShot ? found[plan.task.fewShot.split] : undefined;
    resolved.push({ scored: found[plan.split] ?? '', ...(fewShotPath !== undefined ? { fewShot: fewShotPath } : {}) });
  }
  if (missing.length > 0) {
    throw new OkapiError(`Missing evaluation data in ${dataDir}:\n${missing.join('\n')}`, { hint: [...sources].join('\n') });
  }
  return resolved;
}

async function readDocs(task: EvalTaskDescriptor, lang: string, file: string): Promise<McDoc[]> {
  const records = await readRecords(file);
  return records.map((record, index) => task.toDoc(record, { file, index }, lang));
}

/** Reads and preprocesses the docs of one plan from its resolved files. */
export async function loadTaskData(plan: TaskDataPlan, files: ResolvedFiles): Promise<TaskData> {
  const docs = await readDocs(plan.task, plan.lang, files.scored);
  if (files.fewShot === undefined) return { docs, files };
  const fewShotDocs = files.fewShot === files.scored ? docs : await readDocs(plan.task, plan.lang, files.fewShot);
  return { docs, fewShotDocs, files };
}
