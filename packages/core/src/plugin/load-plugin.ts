import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OkapiError } from '../errors/okapi-error';
import { didYouMean } from '../util/did-you-mean';
import { isOkapiPlugin, type OkapiPlugin } from './plugin';

export interface PluginSource {
  readonly plugin: OkapiPlugin;
  /** 'built-in', the package name, or the absolute file path. */
  readonly source: string;
}

const isPath = (spec: string): boolean => spec.startsWith('.') || path.isAbsolute(spec);

/**
 * Loads a plugin named in config: a built-in by name, a package resolved from `baseDir`, or a file
 * relative to `baseDir` (the config file's directory). Its default export (or `plugin` export) must be
 * an OkapiPlugin.
 */
export async function loadPlugin(
  spec: string,
  baseDir: string,
  builtins: ReadonlyMap<string, OkapiPlugin>,
): Promise<PluginSource> {
  const builtin = builtins.get(spec);
  if (builtin !== undefined) return { plugin: builtin, source: 'built-in' };
  const target = isPath(spec) ? path.resolve(baseDir, spec) : resolvePackage(spec, baseDir, builtins);
  if (isPath(spec) && !existsSync(target)) {
    throw new OkapiError(`Plugin file '${spec}' not found (looked for ${target}).`, {
      hint: 'Plugin paths are relative to the config file that names them; check the path.',
    });
  }
  let module: Record<string, unknown>;
  try {
    module = await import(pathToFileURL(target).href) as Record<string, unknown>;
  } catch (error) {
    throw new OkapiError(`Plugin '${spec}' failed to load: ${(error as Error).message}`, {
      cause: error,
      hint: `Check that ${target} runs with plain node (\`node ${target}\`) and that its imports are installed.`,
    });
  }
  const plugin = pickPlugin(module);
  if (plugin === undefined) {
    throw new OkapiError(`'${spec}' is not an Okapi.ts plugin: its default export has no meta {name, version} and register().`, {
      hint: "Export the plugin as the default export: `export default definePlugin({ meta: { name, version }, register(r) { … } })`.",
    });
  }
  return { plugin, source: isPath(spec) ? target : spec };
}

function pickPlugin(module: Record<string, unknown>): OkapiPlugin | undefined {
  const candidates = [module.default, (module.default as Record<string, unknown> | undefined)?.default, module.plugin];
  return candidates.find(isOkapiPlugin);
}

function resolvePackage(spec: string, baseDir: string, builtins: ReadonlyMap<string, OkapiPlugin>): string {
  try {
    return createRequire(path.join(baseDir, 'noop.js')).resolve(spec);
  } catch (error) {
    const names = [...builtins.keys()];
    throw new OkapiError(`Plugin '${spec}' is not installed.${didYouMean(spec, names)} Built-in plugins: ${names.join(', ')}.`, {
      cause: error,
      hint: `Install it with \`npm install ${spec}\` in your project, or give a path such as './my-plugin.mjs'.`,
    });
  }
}
