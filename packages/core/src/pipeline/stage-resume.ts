import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { OkapiConfig } from '../config/core-schema';
import { mergeFlags } from '../config/merge-flags';
import { validateConfig } from '../config/validate-config';
import { RunOriginToken } from '../di/run-tokens';
import { RunScope } from '../di/run-scope';
import { OkapiError } from '../errors/okapi-error';
import { resolveUserPath } from './stage-io';

type StageName = 'sft' | 'rm' | 'ppo' | 'dpo';

/** The file in a run directory holding the config the run was started with (written by RunDirectory). */
const RUN_CONFIG = 'config.json';

/**
 * The config a stage records in its run directory: the run's config with the stage's own options as
 * it ran them, paths made absolute so `--resume` finds them from any directory.
 */
export function stageRunConfig(scope: RunScope, stage: StageName, options: object, paths: { model: string; data?: string }): OkapiConfig {
  const data = paths.data === undefined ? {} : { data: resolveUserPath(scope, paths.data) };
  return { ...scope.config, [stage]: { ...options, model: resolveUserPath(scope, paths.model), ...data } };
}

/**
 * `--resume` without repeating the flags: the run's recorded config, with the flags given on this
 * command line on top (they win), validated again, in a scope of its own (dispose it after the stage).
 * Undefined when the run directory has no recorded config (nothing to resume: the flags must say all).
 * The config file is not consulted: a resumed run continues as it was started (a file value that
 * differs from the recorded one is named in a warning). A `--model` other than the recorded one is an
 * error: the model is the run's base (and, for PPO and DPO, its frozen reference).
 */
export function resumeStageScope(scope: RunScope, stage: StageName, output: string): RunScope | undefined {
  const file = path.join(resolveUserPath(scope, output), RUN_CONFIG);
  if (!existsSync(file)) return undefined;
  const recorded = readRecorded(file);
  const flags = explicitFlags(scope);
  checkModel(scope, stage, recorded, flags, file);
  const sections = scope.contributions('configSection');
  const { config, warnings } = validateConfig(mergeFlags(recorded, flags), sections, `${file} + command-line flags`);
  for (const warning of warnings) scope.logger.warn(warning);
  const defaults = validateConfig({}, sections, 'defaults').config;
  const same = (a: unknown, b: unknown) => sameValue(a, b) || (typeof a === 'string' && typeof b === 'string' && resolveUserPath(scope, a) === resolveUserPath(scope, b));
  const ignored = fileValuesIgnored({ current: scope.config, defaults, recorded }, flags, same);
  if (ignored.length > 0) {
    scope.logger.warn(`Resuming ${output} with the config it recorded; the config file's ${ignored.join(', ')} differ and are not used (pass them as flags to change them).`);
  }
  const overridden = Object.keys(flags).filter((key) => !sameValue(valueAt(recorded, key), flags[key]));
  if (overridden.length > 0) scope.logger.info(`Resuming ${output}; from the command line: ${overridden.join(', ')}`);
  return new RunScope(scope.container, config, scope.logger);
}

function readRecorded(file: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch { /* reported below */ }
  throw new OkapiError(`${file} is not a run's recorded config (a JSON object).`, {
    hint: 'Point --output at a run directory written by okapi, or pass --model and --data to start from them.',
  });
}

/** Config values given as command-line flags on this invocation, by dotted path. */
function explicitFlags(scope: RunScope): Record<string, unknown> {
  if (!scope.container.isRegistered(RunOriginToken, true)) return {};
  return Object.fromEntries(Object.entries(scope.resolve(RunOriginToken).flags).filter(([, value]) => value !== undefined));
}

function checkModel(scope: RunScope, stage: StageName, recorded: Record<string, unknown>, flags: Record<string, unknown>, file: string): void {
  const given = flags[`${stage}.model`];
  const before = valueAt(recorded, `${stage}.model`);
  if (typeof given !== 'string' || typeof before !== 'string') return;
  const [now, then] = [resolveUserPath(scope, given), resolveUserPath(scope, before)];
  if (now === then) return;
  if (!existsSync(then)) {
    scope.logger.warn(`The run's model ${then} no longer exists; resuming with --model ${now}.`);
    return;
  }
  throw new OkapiError(`--model ${given} is not the model this run started from (${then}, recorded in ${file}).`, {
    hint: 'A resumed run keeps its base model (for PPO and DPO also the frozen reference): drop --model to continue it, or start a new run with another --output (or without --resume).',
  });
}

interface ConfigLayers { readonly current: unknown; readonly defaults: unknown; readonly recorded: unknown }

/**
 * Dotted paths the config file set (the value differs from the default and no flag gave it) where the
 * recorded value differs: `same` compares values (paths by where they point).
 */
function fileValuesIgnored(at: ConfigLayers, flags: Record<string, unknown>, same: (a: unknown, b: unknown) => boolean, prefix = ''): string[] {
  const { current, defaults, recorded } = at;
  if (isPlainObject(current) && isPlainObject(defaults)) {
    return Object.keys(current).flatMap((key) => fileValuesIgnored(
      { current: current[key], defaults: defaults[key], recorded: isPlainObject(recorded) ? recorded[key] : undefined },
      flags, same, prefix === '' ? key : `${prefix}.${key}`,
    ));
  }
  const fromFile = !sameValue(current, defaults) && !(prefix in flags);
  return fromFile && !same(current, recorded) ? [prefix] : [];
}

function valueAt(root: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, key) => (isPlainObject(node) ? node[key] : undefined), root);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
