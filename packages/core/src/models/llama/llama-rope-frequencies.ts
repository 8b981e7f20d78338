import type { RopeScaling } from './llama-rope-scaling';

/** theta^(2i/d) for i < d/2: the wavelength divisors of plain RoPE. */
function baseDivisors(headDim: number, theta: number): number[] {
  return Array.from({ length: headDim / 2 }, (_, i) => theta ** ((2 * i) / headDim));
}

/**
 * HF `inv_freq` for one rope type, rounded to float32 as HF keeps it. `seqLength` is the length HF
 * would see (max position id + 1): dynamic NTK grows its base past max positions, longrope picks its
 * long factors past the original max positions; the other types ignore it.
 */
export function ropeInverseFrequencies(headDim: number, theta: number, scaling: RopeScaling, seqLength?: number): Float32Array {
  switch (scaling.kind) {
    case 'none': return Float32Array.from(baseDivisors(headDim, theta), (d) => 1 / d);
    case 'linear': return Float32Array.from(baseDivisors(headDim, theta), (d) => 1 / d / scaling.factor);
    case 'llama3': return llama3Frequencies(headDim, theta, scaling);
    case 'dynamic': return Float32Array.from(baseDivisors(headDim, dynamicNtkBase(theta, headDim, scaling, seqLength)), (d) => 1 / d);
    case 'yarn': return yarnFrequencies(headDim, theta, scaling);
    case 'longrope': {
      const factors = seqLength !== undefined && seqLength > scaling.originalMaxPositions ? scaling.longFactor : scaling.shortFactor;
      return Float32Array.from(baseDivisors(headDim, theta), (d, i) => 1 / (factors[i] * d));
    }
  }
}

/** HF `attention_scaling`: the factor cos and sin are multiplied by (yarn, longrope; else 1). */
export function ropeAttentionFactor(scaling: RopeScaling): number {
  return scaling.kind === 'yarn' || scaling.kind === 'longrope' ? scaling.attentionFactor : 1;
}

/** Dynamic NTK: base·(factor·L/max − (factor − 1))^(d/(d−2)) with L = max(seqLength, max positions). */
export function dynamicNtkBase(theta: number, headDim: number, scaling: { readonly factor: number; readonly maxPositions: number }, seqLength?: number): number {
  const length = Math.max(seqLength ?? scaling.maxPositions, scaling.maxPositions);
  const { factor, maxPositions } = scaling;
  return theta * ((factor * length) / maxPositions - (factor - 1)) ** (headDim / (headDim - 2));
}

function llama3Frequencies(headDim: number, theta: number, s: Extract<RopeScaling, { kind: 'llama3' }>): Float32Array {
  const lowFreqWavelen = s.originalMaxPositions / s.lowFreqFactor;
  const highFreqWavelen = s.originalMaxPositions / s.highFreqFactor;
  return Float32Array.from(baseDivisors(headDim, theta), (d) => {
    const f = 1 / d;
    const wavelen = (2 * Math.PI) / f;
    if (wavelen < highFreqWavelen) return f;
    if (wavelen > lowFreqWavelen) return f / s.factor;
    const smooth = (s.originalMaxPositions / wavelen - s.lowFreqFactor) / (s.highFreqFactor - s.lowFreqFactor);
    return ((1 - smooth) * f) / s.factor + smooth * f;
  });
}

/** YaRN's dimension whose wavelength makes `rotations` turns over `maxPositions` tokens. */
function correctionDim(rotations: number, headDim: number, theta: number, maxPositions: number): number {
  return (headDim * Math.log(maxPositions / (rotations * 2 * Math.PI))) / (2 * Math.log(theta));
}

/** The [low, high] dimension range YaRN blends over (floored / ceiled when `truncate`). */
export function yarnCorrectionRange(headDim: number, theta: number, s: Extract<RopeScaling, { kind: 'yarn' }>): [number, number] {
  let low = correctionDim(s.betaFast, headDim, theta, s.originalMaxPositions);
  let high = correctionDim(s.betaSlow, headDim, theta, s.originalMaxPositions);
  if (s.truncate) [low, high] = [Math.floor(low), Math.ceil(high)];
  return [Math.max(low, 0), Math.min(high, headDim - 1)];
}

/** YaRN: high-frequency dims keep plain RoPE, low-frequency ones are divided by factor, a linear ramp between. */
function yarnFrequencies(headDim: number, theta: number, s: Extract<RopeScaling, { kind: 'yarn' }>): Float32Array {
  const [low, high] = yarnCorrectionRange(headDim, theta, s);
  const span = low === high ? 0.001 : high - low; // HF's guard against a zero-width ramp
  return Float32Array.from(baseDivisors(headDim, theta), (d, i) => {
    const ramp = Math.min(Math.max((i - low) / span, 0), 1);
    const extrapolation = 1 - ramp;
    return (1 / (s.factor * d)) * (1 - extrapolation) + (1 / d) * extrapolation;
  });
}
