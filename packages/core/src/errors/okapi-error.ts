/**
 * An error caused by what the user asked for (bad config, unknown id, missing file). The CLI prints
 * `message` and `hint` as one paragraph, without a stack trace, and exits with `exitCode` (2).
 */
export class OkapiError extends Error {
  readonly hint?: string;
  readonly exitCode: number;

  constructor(message: string, options: { hint?: string; cause?: unknown; exitCode?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 2;
  }
}

/** Thrown by commands to end with a given exit code; `message` (if any) is printed as is. */
export class ExitError extends Error {
  constructor(readonly code: number, message = '') {
    super(message);
    this.name = 'ExitError';
  }
}
