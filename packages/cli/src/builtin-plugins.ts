import onnxPlugin from '@okapi/backend-onnx';
import tfjsPlugin from '@okapi/backend-tfjs';
import langPacksPlugin from '@okapi/lang-packs';
import { corePlugin, type OkapiPlugin } from '@okapi/core';
import { cliPlugin } from './cli-plugin';

/** Plugins that ship with the CLI, by package name; always registered, and nameable in config. */
export function builtinPlugins(): ReadonlyMap<string, OkapiPlugin> {
  const plugins = [corePlugin, cliPlugin, onnxPlugin, tfjsPlugin, langPacksPlugin];
  return new Map(plugins.map((p) => [p.meta.name, p]));
}
