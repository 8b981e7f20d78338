import type { CliOption } from '@okapi/core';

/** Flags every command accepts; those with a configPath override the config file. */
export const globalOptions: readonly CliOption[] = [
  { flags: '-c, --config <path>', description: 'config file to use (default: search okapi.config.* / .okapirc* / package.json#okapi up to the project root)' },
  { flags: '--backend <name>', description: "tensor backend: 'auto', 'onnx', 'tfjs'", configPath: 'backend.name' },
  { flags: '--device <name>', description: "device: 'cpu', 'cuda', … (see `okapi info`)", configPath: 'backend.device' },
  { flags: '--threads <n>', description: 'intra-op threads', configPath: 'backend.threads', parse: 'int' },
  { flags: '--lang <code>', description: 'target language (see `okapi langs`)', configPath: 'lang' },
  { flags: '--seed <n>', description: 'random seed', configPath: 'seed', parse: 'int' },
  { flags: '--json', description: 'print results as JSON instead of tables' },
  { flags: '--debug', description: 'show stack traces and debug logs' },
];

/** Reads `--config` / `--debug` before commands exist (plugins named in config add commands). */
export function preScan(argv: readonly string[]): { configPath?: string; debug: boolean } {
  let configPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--config' || arg === '-c') configPath = argv[i + 1];
    else if (arg.startsWith('--config=')) configPath = arg.slice('--config='.length);
  }
  return { configPath, debug: argv.includes('--debug') };
}
