import type { CommandOutput } from '@okapi/core';
import { createTestScope, type TestScope } from '@okapi/core/testing';
import langPacksPlugin from '@okapi/lang-packs';
import { langsCommand } from './langs-command';
import { langsShowCommand } from './langs-show-command';

class RecordingOutput implements CommandOutput {
  readonly printed: string[] = [];
  readonly tables: Record<string, unknown>[][] = [];
  jsonValue: unknown;
  constructor(readonly jsonMode = false) {}
  print(text: string): void { this.printed.push(text); }
  table(rows: readonly Record<string, unknown>[]): void { this.tables.push([...rows]); }
  json(value: unknown): void { this.jsonValue = value; }
  info(): void {}
  warn(): void {}
}

describe('langs commands', () => {
  let test: TestScope;

  beforeEach(() => {
    test = createTestScope({ plugins: [langPacksPlugin] });
  });

  afterEach(async () => {
    await test.dispose();
  });

  const run = async (command: typeof langsCommand, out: RecordingOutput, args: string[] = []) => {
    await command.run({ scope: test.scope, out, args, options: {}, signal: new AbortController().signal });
  };

  it('lists every pack with code, names, script, level, Okapi models and eval tasks', async () => {
    const out = new RecordingOutput();
    await run(langsCommand, out);
    const [rows] = out.tables;
    expect(rows).toHaveLength(32);
    expect(rows.find((r) => r.code === 'hr')).toEqual({
      code: 'hr', name: 'Croatian', 'native name': 'Hrvatski', script: 'Latn', level: 'medium',
      'Okapi models': 'bloom, llama', 'eval tasks': 'arc, hellaswag, mmlu',
    });
    expect(rows.find((r) => r.code === 'en')).toMatchObject({ level: '—', 'Okapi models': '—' });
  });

  it('shows both templates for a pack, the native one in its language', async () => {
    const out = new RecordingOutput(true);
    await run(langsShowCommand, out, ['de']);
    const shown = out.jsonValue as { prompts: { okapi: { withInput: string }; native: { withoutInput: string } } };
    expect(shown.prompts.okapi.withInput).toMatch(/^Below is an instruction that describes a task, paired with an input/);
    expect(shown.prompts.native.withoutInput).toMatch(/### Anweisung:\n.*\n\n### Antwort:\n$/);
  });
});
