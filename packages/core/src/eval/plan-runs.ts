import { OkapiError } from '../errors/okapi-error';
import { didYouMean } from '../util/did-you-mean';
import type { EvalTaskDescriptor } from './eval-task';
import type { EvalRun } from './evaluation-types';

export interface PlannedRuns {
  readonly runs: EvalRun[];
  /** Pairs left out because the task does not exist in that language ("xcopa_de"). */
  readonly skipped: string[];
}

function findTask(tasks: readonly EvalTaskDescriptor[], id: string): EvalTaskDescriptor {
  const task = tasks.find((t) => t.id === id);
  if (task !== undefined) return task;
  const ids = tasks.map((t) => t.id);
  throw new OkapiError(`Unknown eval task '${id}'.${didYouMean(id, ids)}`, { hint: `Available tasks: ${ids.join(', ')}.` });
}

/**
 * Crosses the requested tasks and languages. A pair whose task lacks the language is skipped (reported),
 * but a language no requested task has is an error. No languages = every language of each task.
 */
export function planRuns(tasks: readonly EvalTaskDescriptor[], taskIds: readonly string[], langs: readonly string[] | undefined): PlannedRuns {
  if (taskIds.length === 0) throw new OkapiError('No eval tasks given', { hint: `Pass --tasks with some of: ${tasks.map((t) => t.id).join(', ')}.` });
  const chosen = taskIds.map((id) => findTask(tasks, id));
  const runs: EvalRun[] = [];
  const skipped: string[] = [];
  for (const task of chosen) {
    for (const lang of langs ?? task.languages) {
      if (task.languages.includes(lang)) runs.push({ task, lang });
      else skipped.push(`${task.id}_${lang}`);
    }
  }
  const orphan = (langs ?? []).find((lang) => !chosen.some((t) => t.languages.includes(lang)));
  if (orphan !== undefined) {
    const all = [...new Set(chosen.flatMap((t) => t.languages))];
    throw new OkapiError(`Language '${orphan}' is not available in ${taskIds.join(', ')}`, { hint: `Available languages: ${all.join(', ')}.` });
  }
  return { runs, skipped };
}
