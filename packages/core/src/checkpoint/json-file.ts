import { readFile } from 'node:fs/promises';
import { OkapiError } from '../errors/okapi-error';

/** Line and column (1-based) of a character offset, for JSON error messages. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Reads a JSON object from `path`; `undefined` when the file does not exist. Malformed JSON is an OkapiError. */
export async function readJsonObject(path: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const message = (cause as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineColumn(text, Number(position[1]))}` : '';
    throw new OkapiError(`${path} is not valid JSON${where}: ${message}`, { hint: 'Fix the syntax error or re-save the file.', cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OkapiError(`${path} must hold a JSON object, found ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
  return value as Record<string, unknown>;
}
