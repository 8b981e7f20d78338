import { readTurns } from './read-turns';

async function* linesOf(...lines: string[]) { yield* lines; }

describe(readTurns.name, () => {
  it('joins backslash-continued lines, skips empty lines and prompts before each turn', async () => {
    let prompts = 0;
    const turns: string[] = [];
    for await (const t of readTurns(linesOf('hello', '', 'line one\\', 'line two', '/exit'), () => { prompts++; })) turns.push(t);
    expect(turns).toEqual(['hello', 'line one\nline two', '/exit']);
    expect(prompts).toBe(5);
  });
});
