import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { container } from 'tsyringe';
import { CommandContribution, ContributionLedger, resolveAllTokens, type CommandDescriptor } from '@okapi/core';
import { builtinPlugins } from '@okapi/cli';
import { runCliInProcess, type CliResult } from './run-cli';
import { repoRoot } from './temp-dir';

/** One line of a command's `--help` examples, split into words as a shell would. */
export interface HelpExample {
  readonly command: string;
  readonly line: string;
  /** The words after `okapi`. */
  readonly argv: readonly string[];
  /** `> file` / `>> file`: where the shell would write stdout (the test checks stdout instead). */
  readonly redirect?: string;
}

/** What a test does to an example that cannot run as written, and why (never a silent skip). */
export interface ExampleAdjustment {
  readonly reason: string;
  /** Words replaced (e.g. a device this machine lacks). */
  readonly replace?: readonly [string, string];
  /** Words appended (e.g. a flag that keeps a long run short). */
  readonly append?: readonly string[];
  /** Text sent to stdin (interactive commands); the example then runs in a real process. */
  readonly stdin?: string;
}

/**
 * The order the example tests run commands in (a later example may use what an earlier one wrote):
 * `quick` in test/e2e/cli-help-examples.test.ts, `training` (minutes even at tiny sizes) in
 * test/slow/cli-help-examples-training.test.ts. A new command must be placed in one of them.
 */
export const exampleOrder = {
  quick: [
    'info', 'doctor', 'completion', 'langs', 'langs show', 'init lang-pack',
    'data demo', 'data validate', 'data stats', 'data convert', 'data split', 'data sample',
    'generate', 'chat', 'export', 'eval', 'eval compare',
    'init', // last: the okapi.config.ts it writes would replace the project's config for the examples after it
  ],
  training: ['demo', 'sft', 'rm', 'dpo', 'ppo', 'pipeline'],
} as const;

/** Examples that cannot run exactly as written in a test, and why. */
export const exampleAdjustments: Readonly<Record<string, ExampleAdjustment>> = {
  'okapi chat --model runs/demo-vi/sft/final --lang vi': { reason: 'chat reads the terminal: one message, then /exit, on stdin', stdin: 'Cộng hai số sau: 2 3\n/exit\n' },
  'okapi chat --model ./okapi-vi-bloom --lang vi --greedy': { reason: 'chat reads the terminal: one message, then /exit, on stdin', stdin: 'Xin chào\n/exit\n' },
  'okapi eval --model runs/demo-de/ppo/final --tasks arc --langs de --data-dir ./datasets --split validation --shots 25 --backend onnx --device cuda': {
    reason: 'CI has no GPU: the same run on the CPU', replace: ['cuda', 'cpu'],
  },
};

/** The commands the built-in plugins register, as `okapi --help` lists them. */
export function registeredCommands(): CommandDescriptor[] {
  const root = container.createChildContainer();
  const ledger = new ContributionLedger(root);
  for (const plugin of builtinPlugins().values()) ledger.registerPlugin(plugin, 'built-in');
  return resolveAllTokens(root, CommandContribution);
}

/** POSIX-shell words of a line: single and double quotes, backslash escapes; no expansion. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + (c === '\\' && i + 1 < line.length ? line[++i] : c);
    }
  }
  if (quote !== undefined) throw new Error(`unbalanced ${quote} in: ${line}`);
  if (word !== undefined) words.push(word);
  return words;
}

/** Every example of every registered command, parsed. */
export function helpExamples(commands = registeredCommands()): HelpExample[] {
  return commands.flatMap((c) => c.examples.map((line) => {
    const words = shellWords(line);
    if (words[0] !== 'okapi') throw new Error(`okapi ${c.name}: the example does not start with 'okapi': ${line}`);
    const at = words.findIndex((w) => w === '>' || w === '>>');
    return { command: c.name, line, argv: words.slice(1, at < 0 ? undefined : at), ...(at < 0 ? {} : { redirect: words[at + 1] }) };
  }));
}

/** Runs an example in `cwd` (in-process; in a real process when it reads stdin), adjusted as listed. */
export async function runExample(example: HelpExample, cwd: string, adjustment?: ExampleAdjustment): Promise<CliResult> {
  let argv = [...example.argv];
  if (adjustment?.replace !== undefined) {
    const [from, to] = adjustment.replace;
    const at = argv.indexOf(from);
    if (at < 0) throw new Error(`adjustment for '${example.line}' replaces '${from}', which the example no longer has`);
    argv[at] = to;
  }
  argv = [...argv, ...(adjustment?.append ?? [])];
  if (adjustment?.stdin === undefined) return runCliInProcess(argv, cwd);
  const bin = path.join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');
  const result = spawnSync(process.execPath, [bin, ...argv], { cwd, input: adjustment.stdin, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A failure message that shows what was run and what it said. */
export const describeFailure = (example: HelpExample, result: CliResult): string =>
  `okapi ${example.command}: '${example.line}' exited ${result.code}\n${result.stderr}${result.stdout}`.slice(0, 4000);
