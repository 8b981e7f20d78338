import type { DemoTask, DemoTaskId } from './demo-task';
import { addTask } from './tasks/add-task';
import { countTask } from './tasks/count-task';
import { maxTask } from './tasks/max-task';
import { reverseTask } from './tasks/reverse-task';
import { sortTask } from './tasks/sort-task';
import { upperTask } from './tasks/upper-task';

/** The verifiable tasks of the built-in demo data. */
export const DEMO_TASKS: readonly DemoTask[] = [addTask, sortTask, reverseTask, maxTask, countTask, upperTask];

/** The 26 Okapi languages and English: every task is phrased in each. */
export const DEMO_LANGUAGES: readonly string[] = Object.keys(addTask.instructions);

export function demoTask(id: DemoTaskId): DemoTask {
  return DEMO_TASKS.find((t) => t.id === id)!;
}
