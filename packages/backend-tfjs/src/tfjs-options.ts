import type { ConfigSection, OkapiConfig } from '@okapi/core';
import { z } from 'zod';

/** The `tfjs` config section: which tfjs engine runs (the device itself lives in `backend`). */
export const tfjsOptionsSchema = z.object({
  engine: z.enum(['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']).default('auto')
    .describe("tfjs engine: 'auto' = best for the device (cuda: tfjs-node-gpu; cpu: tfjs-node, else wasm, else pure JS), or pin one."),
}).prefault({});

export type TfjsOptions = z.output<typeof tfjsOptionsSchema>;

export const tfjsConfigSection: ConfigSection = {
  key: 'tfjs',
  summary: 'TensorFlow.js backend options (engine choice).',
  schema: tfjsOptionsSchema,
};

/** The `tfjs` section of a validated config, with defaults when the section was never registered. */
export function tfjsOptionsFrom(config: OkapiConfig): TfjsOptions {
  return tfjsOptionsSchema.parse(config.tfjs ?? {});
}
