import type { PluginRegistrar } from '../di/registrar';
import { builtinEvalTasks } from './tasks/builtin-eval-tasks';

/** Declares core's built-in eval tasks; the core plugin calls this from its `register`. */
export function registerEvalContributions(r: PluginRegistrar): void {
  for (const task of builtinEvalTasks) r.evalTask(task);
}
