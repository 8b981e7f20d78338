import type { ConfigSection, OkapiConfig } from '@okapi/core';
import { z } from 'zod';

/** The `onnx` config section: knobs only this backend has (device and threads live in `backend`). */
export const onnxOptionsSchema = z.object({
  graphOptimizationLevel: z.enum(['disabled', 'basic', 'extended', 'all']).default('all')
    .describe("onnxruntime graph optimizations ('all' fuses the most; 'disabled' helps when debugging a lowering)."),
  fusedKernels: z.union([z.boolean(), z.array(z.string())]).default(true)
    .describe('Use contributed fused kernels (onnxruntime contrib ops): true = all, false = none, or a list of IR op names.'),
  sessionCacheSize: z.number().int().positive().default(32)
    .describe('Compiled sessions kept per backend (one per graph and shape bucket); least recently used go first.'),
  maxBakedConstantBytes: z.number().int().nonnegative().default(2 ** 30)
    .describe('compile({ constants }) bakes constants into the model up to this many bytes (protobuf caps models at 2 GiB); above, the session feeds them.'),
  profileFilePrefix: z.string().optional()
    .describe("Write onnxruntime's per-node profile (Chrome trace JSON) of every session to files with this prefix."),
  interOpThreads: z.number().int().positive().default(1)
    .describe('Threads running independent nodes in parallel (1 = sequential execution).'),
}).prefault({});

export type OnnxOptions = z.output<typeof onnxOptionsSchema>;

export const onnxConfigSection: ConfigSection = {
  key: 'onnx',
  summary: 'onnxruntime backend options (graph optimizations, fused kernels, session cache).',
  schema: onnxOptionsSchema,
};

/** The `onnx` section of a validated config, with defaults when the section was never registered. */
export function onnxOptionsFrom(config: OkapiConfig): OnnxOptions {
  return onnxOptionsSchema.parse(config.onnx ?? {});
}

export const defaultOnnxOptions: OnnxOptions = onnxOptionsSchema.parse({});
