import { OkapiError } from '../errors/okapi-error';

/** Where in a dataset something is: file, 0-based record index, 1-based line. */
export interface DatasetLocation {
  readonly file: string;
  readonly index: number;
  readonly line?: number;
}

export function formatLocation(at: DatasetLocation): string {
  return `${at.file} record ${at.index}${at.line !== undefined ? ` (line ${at.line})` : ''}`;
}

/** The file as a whole cannot be read as a dataset (empty, wrong top-level type, broken JSON). */
export class DatasetFileError extends OkapiError {
  constructor(readonly file: string, problem: string, hint: string, readonly line?: number) {
    super(`${file}${line !== undefined ? ` line ${line}` : ''}: ${problem}`, { hint });
  }
}
