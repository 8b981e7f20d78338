import pc from 'picocolors';
import { ExitError, OkapiError } from '@okapi/core';

/**
 * Turns an error into what the user sees and the exit code: user mistakes (OkapiError) are one
 * paragraph with a hint and no stack (unless --debug); anything else is an internal error with its stack.
 */
export function reportError(error: unknown, stderr: NodeJS.WritableStream, debug: boolean): number {
  if (error instanceof ExitError) {
    if (error.message !== '') stderr.write(`${error.message}\n`);
    return error.code;
  }
  if (error instanceof OkapiError) {
    stderr.write(`${pc.red('error')} ${error.message}\n`);
    if (error.hint !== undefined) stderr.write(`${pc.cyan('hint')}  ${error.hint}\n`);
    if (debug) stderr.write(`${pc.dim(stackOf(error))}\n`);
    return error.exitCode;
  }
  stderr.write(`${pc.red('internal error')} ${stackOf(error)}\n`);
  stderr.write('This is a bug in Okapi.ts or a plugin; please report it with the command you ran.\n');
  return 1;
}

function stackOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `\ncaused by: ${stackOf(error.cause)}` : '';
  return `${error.stack ?? error.message}${cause}`;
}
