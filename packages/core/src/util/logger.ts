/** Minimal logging contract; the CLI supplies a coloured stderr logger, tests a recording one. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger that keeps messages in memory (tests, and programmatic runs that want them). */
export class MemoryLogger implements Logger {
  readonly messages: { level: 'debug' | 'info' | 'warn' | 'error'; message: string }[] = [];
  debug(message: string): void { this.messages.push({ level: 'debug', message }); }
  info(message: string): void { this.messages.push({ level: 'info', message }); }
  warn(message: string): void { this.messages.push({ level: 'warn', message }); }
  error(message: string): void { this.messages.push({ level: 'error', message }); }
}
