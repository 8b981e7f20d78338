import type { PluginRegistrar } from '../di/registrar';
import { bloomFamily } from './bloom/bloom-family';
import { llamaFamily } from './llama/llama-family';

/** Core's built-in model families, registered by the core plugin. */
export function registerModelFamilies(r: PluginRegistrar): void {
  r.modelFamily(llamaFamily);
  r.modelFamily(bloomFamily);
}
