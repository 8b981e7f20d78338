import {
  ConfigSectionContribution, mergeFlags, resolveAllTokens, RunOriginToken, RunScope, validateConfig, type CommandDescriptor, type OkapiConfig,
} from '@okapi/core';
import type { Composition } from './composition-root';
import { globalOptions } from './global-options';
import { StderrLogger } from './output/stderr-logger';
import { TerminalOutput, type OutputStreams } from './output/terminal-output';
import { optionKey } from './parse-option';

/**
 * Runs one command: flags with a config path go on top of the file config, the result is validated
 * (core schema + every contributed section), and the command gets a fresh run scope, disposed after.
 */
export async function runCommand(
  composition: Composition,
  streams: OutputStreams,
  signal: AbortSignal,
  descriptor: CommandDescriptor,
  args: readonly (string | string[] | undefined)[],
  parsed: Record<string, unknown>,
): Promise<void> {
  const { flags, options } = splitOptions(descriptor, parsed);
  const debug = parsed.debug === true;
  const bootLogger = new StderrLogger(streams.stderr, debug ? 'debug' : 'info');
  const config = resolveConfig(composition, descriptor, flags, bootLogger);
  const logger = new StderrLogger(streams.stderr, debug ? 'debug' : config.logLevel);
  const scope = new RunScope(composition.root, config, logger);
  scope.provide(RunOriginToken, {
    configFile: composition.raw.filepath, plugins: composition.ledger.plugins, flags, cwd: composition.cwd,
  });
  try {
    const out = new TerminalOutput(streams, parsed.json === true);
    await descriptor.run({ scope, out, args, options, signal });
  } finally {
    await scope.dispose();
  }
}

function splitOptions(descriptor: CommandDescriptor, parsed: Record<string, unknown>) {
  const flags: Record<string, unknown> = {};
  const options: Record<string, unknown> = {};
  for (const option of [...(descriptor.options ?? []), ...globalOptions]) {
    const value = parsed[optionKey(option)];
    if (option.configPath !== undefined) flags[option.configPath] = value;
    else options[optionKey(option)] = value;
  }
  return { flags, options };
}

function resolveConfig(composition: Composition, descriptor: CommandDescriptor, flags: Record<string, unknown>, logger: StderrLogger): OkapiConfig {
  const sections = resolveAllTokens(composition.root, ConfigSectionContribution);
  const source = `${composition.raw.filepath ?? 'no config file'} + command-line flags`;
  const merged = mergeFlags(composition.raw.values, flags);
  try {
    const { config, warnings } = validateConfig(merged, sections, source);
    for (const warning of warnings) logger.warn(warning);
    return config;
  } catch (error) {
    if (descriptor.needsValidConfig !== false) throw error;
    logger.warn(`${(error as Error).message}\n(ignored by '${descriptor.name}', which runs on defaults)`);
    return validateConfig(mergeFlags({}, flags), sections, 'command-line flags').config;
  }
}
