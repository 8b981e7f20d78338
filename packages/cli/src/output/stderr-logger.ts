import pc from 'picocolors';
import type { Logger } from '@okapi/core';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/** Logs to stderr at or above `level`, so stdout stays clean for results and --json. */
export class StderrLogger implements Logger {
  constructor(private readonly stderr: NodeJS.WritableStream, private readonly level: Level = 'info') {}

  debug(message: string): void { this.write('debug', pc.dim(message)); }
  info(message: string): void { this.write('info', message); }
  warn(message: string): void { this.write('warn', `${pc.yellow('warning')} ${message}`); }
  error(message: string): void { this.write('error', `${pc.red('error')} ${message}`); }

  private write(level: Level, text: string): void {
    if (LEVELS.indexOf(level) >= LEVELS.indexOf(this.level)) this.stderr.write(`${text}\n`);
  }
}
