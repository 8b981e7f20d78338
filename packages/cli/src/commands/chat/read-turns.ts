import type { Interface } from 'node:readline';

/**
 * User turns from a line reader: a line ending in a backslash continues on the next line (multi-line
 * messages); empty lines are skipped. `prompt` is called before each new turn.
 */
export async function* readTurns(lines: Interface | AsyncIterable<string>, prompt: () => void): AsyncGenerator<string> {
  let pending: string[] = [];
  prompt();
  for await (const line of lines) {
    if (line.endsWith('\\')) {
      pending.push(line.slice(0, -1));
      continue;
    }
    const turn = [...pending, line].join('\n').trim();
    pending = [];
    if (turn !== '') yield turn;
    prompt();
  }
  const rest = pending.join('\n').trim();
  if (rest !== '') yield rest;
}
