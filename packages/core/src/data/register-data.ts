import type { PluginRegistrar } from '../di/registrar';
import { builtinDatasetAdapters } from './adapters/builtin-adapters';

/** Declares core's built-in dataset adapters; the core plugin calls this from its `register`. */
export function registerDataContributions(r: PluginRegistrar): void {
  for (const adapter of builtinDatasetAdapters) r.datasetAdapter(adapter);
}
