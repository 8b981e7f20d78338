import { z } from 'zod';
import { configError } from '../parse-hf-config';

const positiveInt = z.number().int().positive();

/** One `rope_scaling` (transformers 4) / `rope_parameters` (transformers 5) object; unknown keys kept. */
export const ropeParametersSchema = z.looseObject({
  type: z.string().optional(),
  rope_type: z.string().optional(),
  rope_theta: z.number().positive().optional(),
  factor: z.number().positive().nullish(),
  low_freq_factor: z.number().positive().optional(),
  high_freq_factor: z.number().positive().optional(),
  original_max_position_embeddings: positiveInt.nullish(),
  attention_factor: z.number().nonnegative().nullish(),
  beta_fast: z.number().nullish(),
  beta_slow: z.number().nullish(),
  mscale: z.number().nullish(),
  mscale_all_dim: z.number().nullish(),
  truncate: z.boolean().optional(),
  short_factor: z.array(z.number()).optional(),
  long_factor: z.array(z.number()).optional(),
  partial_rotary_factor: z.number().positive().optional(),
});

type RopeParameters = z.output<typeof ropeParametersSchema>;

/**
 * How RoPE frequencies are adjusted for long contexts, with transformers' `modeling_rope_utils`
 * semantics. `attentionFactor` multiplies cos and sin (HF `attention_scaling`).
 */
export type RopeScaling =
  | { readonly kind: 'none' }
  | { readonly kind: 'linear'; readonly factor: number }
  | { readonly kind: 'llama3'; readonly factor: number; readonly lowFreqFactor: number; readonly highFreqFactor: number; readonly originalMaxPositions: number }
  /** NTK-aware: the base grows with the sequence length once it passes `maxPositions`. */
  | { readonly kind: 'dynamic'; readonly factor: number; readonly maxPositions: number }
  | {
    readonly kind: 'yarn'; readonly factor: number; readonly originalMaxPositions: number; readonly betaFast: number;
    readonly betaSlow: number; readonly truncate: boolean; readonly attentionFactor: number;
  }
  /** `longFactor` applies when the sequence is longer than `originalMaxPositions`, else `shortFactor`. */
  | {
    readonly kind: 'longrope'; readonly shortFactor: readonly number[]; readonly longFactor: readonly number[];
    readonly originalMaxPositions: number; readonly attentionFactor: number;
  };

/** The config keys RoPE reads (top level of a LLaMA config.json). */
export interface RopeConfigKeys {
  readonly rope_scaling?: RopeParameters | null;
  readonly rope_parameters?: RopeParameters | null;
  readonly rope_theta?: number;
  readonly original_max_position_embeddings?: number;
  readonly max_position_embeddings: number;
}

export interface ParsedRope {
  readonly theta: number;
  readonly scaling: RopeScaling;
}

/**
 * Resolves theta and scaling as transformers 5 does: `rope_scaling` (v4 name) wins over
 * `rope_parameters`; theta from those parameters, else top-level `rope_theta`, else 10000; a top-level
 * `original_max_position_embeddings` wins over the one inside (HF's Phi-3 rule), else max positions.
 */
export function parseRope(c: RopeConfigKeys, headDim: number, source: string): ParsedRope {
  const p = c.rope_scaling ?? c.rope_parameters ?? undefined;
  const theta = p?.rope_theta ?? c.rope_theta ?? 10000;
  const kind = p?.rope_type ?? p?.type ?? 'default';
  if (p === undefined || kind === 'default') return { theta, scaling: { kind: 'none' } };
  if ((p.partial_rotary_factor ?? 1) !== 1) configError('llama', source, `"rope_parameters.partial_rotary_factor" ${p.partial_rotary_factor} is not supported (LLaMA rotates the whole head)`);
  const originalMax = c.original_max_position_embeddings ?? p.original_max_position_embeddings ?? c.max_position_embeddings;
  const need = (): number => p.factor ?? configError('llama', source, `"rope_scaling.factor" is required for rope type "${kind}"`);
  switch (kind) {
    case 'linear': return { theta, scaling: { kind, factor: need() } };
    case 'dynamic': return { theta, scaling: { kind, factor: need(), maxPositions: c.max_position_embeddings } };
    case 'llama3':
      return { theta, scaling: { kind, factor: need(), lowFreqFactor: p.low_freq_factor ?? 1, highFreqFactor: p.high_freq_factor ?? 4, originalMaxPositions: originalMax } };
    case 'yarn': return { theta, scaling: yarnScaling(p, need(), originalMax) }; // HF requires factor for yarn
    case 'longrope': return { theta, scaling: longRopeScaling(p, c.max_position_embeddings, originalMax, headDim, source) };
    default:
      return configError('llama', source, `"rope_scaling" type "${kind}" is not supported (supported: default, linear, dynamic, yarn, longrope, llama3)`);
  }
}

/** YaRN's `get_mscale`: 0.1·m·ln(scale) + 1 for scale > 1, else 1. */
export function yarnMscale(scale: number, m = 1): number {
  return scale <= 1 ? 1 : 0.1 * m * Math.log(scale) + 1;
}

function yarnScaling(p: RopeParameters, factor: number, originalMaxPositions: number): RopeScaling {
  const { mscale, mscale_all_dim: mscaleAllDim } = p;
  // HF tests truthiness: 0 or null mscale values fall back to the plain formula
  const inferred = mscale && mscaleAllDim ? yarnMscale(factor, mscale) / yarnMscale(factor, mscaleAllDim) : yarnMscale(factor);
  return {
    kind: 'yarn', factor, originalMaxPositions,
    betaFast: p.beta_fast || 32, betaSlow: p.beta_slow || 1,
    truncate: p.truncate ?? true, attentionFactor: p.attention_factor ?? inferred,
  };
}

function longRopeScaling(p: RopeParameters, maxPositions: number, originalMaxPositions: number, headDim: number, source: string): RopeScaling {
  const { short_factor: shortFactor, long_factor: longFactor } = p;
  for (const [key, list] of [['short_factor', shortFactor], ['long_factor', longFactor]] as const) {
    if (list?.length !== headDim / 2) {
      configError('llama', source, `"rope_scaling.${key}" must list ${headDim / 2} numbers (head size / 2), found ${list === undefined ? 'none' : list.length}`);
    }
  }
  const factor = p.factor ?? maxPositions / originalMaxPositions;
  const inferred = factor <= 1 ? 1 : Math.sqrt(1 + Math.log(factor) / Math.log(originalMaxPositions));
  return { kind: 'longrope', shortFactor: shortFactor!, longFactor: longFactor!, originalMaxPositions, attentionFactor: p.attention_factor ?? inferred };
}
