import { CommanderError } from 'commander';
import { resolveAllTokens, CommandContribution } from '@okapi/core';
import { buildProgram } from './build-program';
import { builtinPlugins } from './builtin-plugins';
import { compose } from './composition-root';
import { preScan } from './global-options';
import { reportError } from './output/report-error';
import { cliVersion } from './package-version';
import { runCommand } from './run-command';

export interface MainOptions {
  readonly cwd?: string;
  readonly stdout?: NodeJS.WritableStream;
  readonly stderr?: NodeJS.WritableStream;
  /** Aborted on Ctrl-C by bin.ts; long commands checkpoint and stop. */
  readonly signal?: AbortSignal;
}

/**
 * The `okapi` CLI as a function: parses argv, loads config and plugins, dispatches, and returns the
 * exit code (0 ok, 1 internal error, 2 usage or config error). It never calls process.exit.
 */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const streams = { stdout: options.stdout ?? process.stdout, stderr: options.stderr ?? process.stderr };
  const pre = preScan(argv);
  try {
    const composition = await compose({ cwd: options.cwd ?? process.cwd(), configPath: pre.configPath, builtins: builtinPlugins() });
    const descriptors = resolveAllTokens(composition.root, CommandContribution);
    const signal = options.signal ?? new AbortController().signal;
    const program = buildProgram(
      descriptors,
      cliVersion,
      { writeOut: (t) => streams.stdout.write(t), writeErr: (t) => streams.stderr.write(t) },
      (descriptor, args, parsed) => runCommand(composition, streams, signal, descriptor, args, parsed),
    );
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExitCode(error);
    return reportError(error, streams.stderr, pre.debug);
  }
}

/** Help and version are successes; every other commander error is a usage error (already printed). */
function commanderExitCode(error: CommanderError): number {
  const ok = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
  return ok.includes(error.code) ? 0 : 2;
}
