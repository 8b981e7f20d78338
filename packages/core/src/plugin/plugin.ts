import type { PluginRegistrar } from '../di/registrar';

export interface PluginMeta {
  /** The package name ('@okapi/backend-onnx') or, for a local file, a name of the author's choice. */
  readonly name: string;
  readonly version: string;
}

/**
 * An Okapi.ts plugin: an ESLint/rollup-shaped object. `register` only declares contributions; it must
 * not resolve anything or do I/O. Nothing registers on import: the CLI (or a program) calls it.
 */
export interface OkapiPlugin {
  readonly meta: PluginMeta;
  register(registrar: PluginRegistrar): void;
}

/** Identity helper for type inference, like `defineConfig`. */
export function definePlugin(plugin: OkapiPlugin): OkapiPlugin {
  return plugin;
}

export function isOkapiPlugin(value: unknown): value is OkapiPlugin {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<OkapiPlugin>;
  return typeof candidate.register === 'function'
    && typeof candidate.meta?.name === 'string'
    && typeof candidate.meta?.version === 'string';
}
