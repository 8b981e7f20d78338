import type { EvalTaskDescriptor } from '../eval-task';
import { arcTask } from './arc-task';
import { hellaswagTask } from './hellaswag-task';
import { mmluTask } from './mmlu-task';
import { xcopaTask } from './xcopa-task';

/** Core's built-in evaluation tasks, listed explicitly. */
export const builtinEvalTasks: readonly EvalTaskDescriptor[] = [arcTask, hellaswagTask, mmluTask, xcopaTask];
