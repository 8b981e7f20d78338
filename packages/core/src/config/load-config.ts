import path from 'node:path';
import { cosmiconfig, type Loader } from 'cosmiconfig';
import { TypeScriptLoader } from 'cosmiconfig-typescript-loader';
import { OkapiError } from '../errors/okapi-error';

/** A config as read from disk, before flags are merged and before validation. */
export interface RawConfig {
  readonly values: Record<string, unknown>;
  /** The file it came from; undefined when none was found (defaults only). */
  readonly filepath?: string;
}

const MODULE = 'okapi';

/** Every place searched, in order, in each directory from the cwd up to the project root. */
export const CONFIG_SEARCH_PLACES = [
  'package.json',
  `.${MODULE}rc`, `.${MODULE}rc.json`, `.${MODULE}rc.yaml`, `.${MODULE}rc.yml`,
  `.${MODULE}rc.js`, `.${MODULE}rc.cjs`, `.${MODULE}rc.mjs`, `.${MODULE}rc.ts`,
  `${MODULE}.config.ts`, `${MODULE}.config.mts`, `${MODULE}.config.mjs`, `${MODULE}.config.js`, `${MODULE}.config.cjs`,
  `${MODULE}.config.json`, `${MODULE}.config.yaml`, `${MODULE}.config.yml`,
];

function explorer() {
  const ts = TypeScriptLoader() as Loader;
  return cosmiconfig(MODULE, {
    searchStrategy: 'project',
    searchPlaces: CONFIG_SEARCH_PLACES,
    loaders: { '.ts': ts, '.mts': ts },
    cache: false,
  });
}

/**
 * Finds and reads the config: `explicitPath` if given (must exist), else a search from `cwd` up to the
 * directory holding the nearest package.json.
 */
export async function loadConfigFile(options: { cwd: string; explicitPath?: string }): Promise<RawConfig> {
  try {
    const result = options.explicitPath !== undefined
      ? await explorer().load(path.resolve(options.cwd, options.explicitPath))
      : await explorer().search(options.cwd);
    if (result === null || result.isEmpty === true) return { values: {}, filepath: result?.filepath };
    return { values: asObject(result.config, result.filepath), filepath: result.filepath };
  } catch (error) {
    if (error instanceof OkapiError) throw error;
    const where = options.explicitPath ?? `the config found from ${options.cwd}`;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new OkapiError(`Config file '${where}' does not exist.`, { hint: 'Check the --config path, or run `okapi init` to write one.' });
    }
    throw new OkapiError(`Could not read ${where}: ${(error as Error).message}`, {
      cause: error,
      hint: 'Fix the syntax error in the config file (run it with node, or check the JSON/YAML) and try again.',
    });
  }
}

function asObject(value: unknown, filepath: string): Record<string, unknown> {
  const config = (value as { default?: unknown } | null)?.default ?? value;
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new OkapiError(`Config file '${filepath}' must export an object; it exports ${Array.isArray(config) ? 'an array' : typeof config}.`, {
      hint: 'Export the config object, e.g. `export default defineConfig({ lang: "vi" })`.',
    });
  }
  return config as Record<string, unknown>;
}
