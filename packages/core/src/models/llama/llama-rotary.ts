import { hostTensor } from '../../ir/host-tensor';
import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';
import type { RopeScaling } from './llama-config';

/** HF `inv_freq`: 1 / theta^(2i/d), adjusted by `rope_scaling` (linear, llama3). Rounded to float32 as HF keeps it. */
export function ropeInverseFrequencies(headDim: number, theta: number, scaling: RopeScaling): Float32Array {
  const base = Float32Array.from({ length: headDim / 2 }, (_, i) => 1 / theta ** ((2 * i) / headDim));
  if (scaling.kind === 'none') return base;
  if (scaling.kind === 'linear') return base.map((f) => f / scaling.factor);
  const { factor, lowFreqFactor, highFreqFactor, originalMaxPositions } = scaling;
  const lowFreqWavelen = originalMaxPositions / lowFreqFactor;
  const highFreqWavelen = originalMaxPositions / highFreqFactor;
  return base.map((f) => {
    const wavelen = (2 * Math.PI) / f;
    if (wavelen < highFreqWavelen) return f;
    if (wavelen > lowFreqWavelen) return f / factor;
    const smooth = (originalMaxPositions / wavelen - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
    return ((1 - smooth) * f) / factor + smooth * f;
  });
}

/** cos and sin tables [batch, 1, seq, headDim] for int64 positions [batch, seq] (HF LlamaRotaryEmbedding). */
export function rotaryTables(positions: Value, inverseFrequencies: Float32Array): { cos: Value; sin: Value } {
  const g = positions.graph;
  const [batch, seq] = positions.shape;
  const half = inverseFrequencies.length;
  const invFreq = g.constant(hostTensor('float32', [half], inverseFrequencies));
  const freqs = ops.mul(ops.reshape(ops.cast(positions, 'float32'), [batch, seq, 1]), invFreq);
  const angles = ops.reshape(ops.concat([freqs, freqs], -1), [batch, 1, seq, 2 * half]);
  return { cos: ops.cos(angles), sin: ops.sin(angles) };
}
