import { z } from 'zod';

/** The config keys core itself owns. Plugins and trainers add their own sections (ConfigSection). */
export const coreConfigSchema = z.object({
  plugins: z.array(z.string()).default([])
    .describe("Extra plugins to load: package names or paths relative to the config file ('./my-plugin.mjs')."),
  backend: z.object({
    name: z.string().default('auto')
      .describe("Tensor backend id ('onnx', 'tfjs') or 'auto' (highest priority that works here)."),
    device: z.string().default('cpu').describe("Device: 'cpu', 'cuda', 'wasm', … (what the backend supports)."),
    threads: z.number().int().positive().optional().describe('Intra-op threads (default: all cores).'),
  }).prefault({}).describe('Which tensor engine runs the graphs.'),
  lang: z.string().default('vi').describe('Target language code (BCP-47, or an Okapi alias such as jp).'),
  prompt: z.enum(['okapi', 'native']).default('okapi')
    .describe("Prompt template: Okapi's English Alpaca template, or the language pack's native one."),
  seed: z.number().int().nonnegative().default(0).describe('Seed for every random choice of a run.'),
  outputDir: z.string().default('runs').describe('Where runs write checkpoints, metrics and reports.'),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info').describe('Least severe message shown.'),
});

/** The validated config: core keys plus one entry per contributed section. */
export type OkapiConfig = Readonly<z.output<typeof coreConfigSchema>> & { readonly [section: string]: unknown };

/** What users write (every key optional). */
export type OkapiUserConfig = z.input<typeof coreConfigSchema> & { [section: string]: unknown };
