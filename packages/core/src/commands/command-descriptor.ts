import type { RunScope } from '../di/run-scope';

/** One CLI flag. Unset flags stay `undefined`, so values from the config file win over nothing. */
export interface CliOption {
  /** Commander syntax: '--device <name>', '--greedy', '-n, --max-new-tokens <n>'. */
  readonly flags: string;
  readonly description: string;
  /** Where the value lands in the config ('backend.device'); omitted = a command-only option. */
  readonly configPath?: string;
  readonly parse?: 'string' | 'int' | 'float' | 'boolean' | 'list';
  /** Allowed values, listed in --help and checked before the command runs. */
  readonly choices?: readonly string[];
}

export interface CliArgument {
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  readonly variadic?: boolean;
}

/** Where commands print: results to stdout (tables or JSON), messages to stderr. */
export interface CommandOutput {
  /** A line of result text on stdout. */
  print(text: string): void;
  /** A table on stdout, or JSON rows when `--json` was given. */
  table(rows: readonly Record<string, unknown>[], options?: { columns?: readonly string[]; title?: string }): void;
  json(value: unknown): void;
  /** Human messages on stderr. */
  info(text: string): void;
  warn(text: string): void;
  readonly jsonMode: boolean;
}

export interface CommandContext {
  readonly scope: RunScope;
  readonly out: CommandOutput;
  /** Positional arguments, in the order of `args`. */
  readonly args: readonly (string | readonly string[] | undefined)[];
  /** Options that are not config paths (command-only flags), by camel-cased name. */
  readonly options: Readonly<Record<string, unknown>>;
  readonly signal: AbortSignal;
}

/** A CLI command, contributed by a plugin (the `okapi` commands come from the cli package the same way). */
export interface CommandDescriptor {
  /** 'info', or a space-separated path for subcommands: 'langs show', 'eval compare'. */
  readonly name: string;
  /** One line. */
  readonly summary: string;
  readonly description?: string;
  /** Command lines that work when pasted. */
  readonly examples: readonly string[];
  readonly args?: readonly CliArgument[];
  readonly options?: readonly CliOption[];
  /** Commands like `init` or `langs` can run without a valid config file. */
  readonly needsValidConfig?: boolean;
  run(context: CommandContext): Promise<void>;
}
