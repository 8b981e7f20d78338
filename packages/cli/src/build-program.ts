import { Command, Option } from 'commander';
import type { CliOption, CommandDescriptor } from '@okapi/core';
import { globalOptions } from './global-options';
import { optionParser } from './parse-option';

export type CommandInvoker = (
  descriptor: CommandDescriptor,
  args: readonly (string | string[] | undefined)[],
  options: Record<string, unknown>,
) => Promise<void>;

export interface ProgramIo {
  readonly writeOut: (text: string) => void;
  readonly writeErr: (text: string) => void;
}

/** The commander program for every contributed command ('langs show' becomes `langs` → `show`). */
export function buildProgram(descriptors: readonly CommandDescriptor[], version: string, io: ProgramIo, invoke: CommandInvoker): Command {
  const program = configure(new Command('okapi'), io)
    .description('Okapi.ts: instruction-tune LLMs in many languages with RLHF (SFT → reward model → PPO), from Node.')
    .version(version, '-V, --version', 'print the version')
    .showSuggestionAfterError(true);
  const byPath = new Map<string, Command>([['', program]]);
  const sorted = [...descriptors].sort((a, b) => depth(a.name) - depth(b.name) || a.name.localeCompare(b.name));
  for (const descriptor of sorted) {
    const parts = descriptor.name.split(' ');
    const parent = ensureParents(byPath, parts.slice(0, -1), io);
    const command = configure(parent.command(parts[parts.length - 1]!), io);
    describe(command, descriptor, invoke);
    byPath.set(descriptor.name, command);
  }
  describeGroups(byPath, descriptors);
  return program;
}

const depth = (name: string): number => name.split(' ').length;

/** A group with no command of its own ('data') is summarised by the subcommands it holds. */
function describeGroups(byPath: ReadonlyMap<string, Command>, descriptors: readonly CommandDescriptor[]): void {
  for (const [key, command] of byPath) {
    if (key === '' || descriptors.some((d) => d.name === key)) continue;
    const children = descriptors.filter((d) => d.name.startsWith(`${key} `)).map((d) => d.name.slice(key.length + 1));
    command.summary(`${children.join(', ')} (see okapi ${key} <command> --help)`);
  }
}

function configure(command: Command, io: ProgramIo): Command {
  return command
    .configureOutput({ writeOut: io.writeOut, writeErr: io.writeErr })
    .exitOverride()
    .helpOption('-h, --help', 'show help for this command');
}

function ensureParents(byPath: Map<string, Command>, parts: readonly string[], io: ProgramIo): Command {
  let current = byPath.get('')!;
  for (let i = 0; i < parts.length; i++) {
    const key = parts.slice(0, i + 1).join(' ');
    let next = byPath.get(key);
    if (next === undefined) {
      next = configure(current.command(parts[i]!), io).description(`${key} commands`);
      byPath.set(key, next);
    }
    current = next;
  }
  return current;
}

function describe(command: Command, descriptor: CommandDescriptor, invoke: CommandInvoker): void {
  command.summary(descriptor.summary).description(descriptor.description ?? descriptor.summary);
  for (const arg of descriptor.args ?? []) {
    const name = `${arg.name}${arg.variadic === true ? '...' : ''}`;
    command.argument(arg.required === true ? `<${name}>` : `[${name}]`, arg.description);
  }
  for (const option of [...(descriptor.options ?? []), ...globalOptions]) command.addOption(toOption(option));
  if (descriptor.examples.length > 0) {
    command.addHelpText('after', `\nExamples:\n${descriptor.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
  }
  command.action(async (...params: unknown[]) => {
    const cmd = params[params.length - 1] as Command;
    const positional = params.slice(0, (descriptor.args ?? []).length) as (string | string[] | undefined)[];
    await invoke(descriptor, positional, cmd.opts());
  });
}

function toOption(option: CliOption): Option {
  const result = new Option(option.flags, option.description);
  if (option.choices !== undefined) result.choices(option.choices);
  const parser = optionParser(option);
  if (parser !== undefined) result.argParser(parser);
  return result;
}
