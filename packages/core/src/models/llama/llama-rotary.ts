import { hostTensor } from '../../ir/host-tensor';
import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';
import { ropeAttentionFactor, ropeInverseFrequencies } from './llama-rope-frequencies';
import type { RopeScaling } from './llama-rope-scaling';

export { ropeAttentionFactor, ropeInverseFrequencies } from './llama-rope-frequencies';

export interface RotarySettings {
  readonly headDim: number;
  readonly ropeTheta: number;
  readonly ropeScaling: RopeScaling;
}

/**
 * cos and sin tables [batch, 1, seq, headDim] for int64 positions [batch, seq] (HF LlamaRotaryEmbedding),
 * times the attention factor. Dynamic NTK and longrope depend on the sequence length, which HF takes
 * as max(position_ids) + 1 over the whole call; it is computed the same way inside the graph, so one
 * compiled graph (a prefill bucket, the decode step) follows every length it runs at.
 */
export function rotaryTables(positions: Value, rope: RotarySettings): { cos: Value; sin: Value } {
  const { headDim, ropeTheta, ropeScaling } = rope;
  const invFreq = ropeScaling.kind === 'dynamic' || ropeScaling.kind === 'longrope'
    ? lengthDependentFrequencies(positions, rope)
    : constantFrequencies(positions, ropeInverseFrequencies(headDim, ropeTheta, ropeScaling));
  const [batch, seq] = positions.shape;
  const half = headDim / 2;
  const freqs = ops.mul(ops.reshape(ops.cast(positions, 'float32'), [batch, seq, 1]), invFreq);
  const angles = ops.reshape(ops.concat([freqs, freqs], -1), [batch, 1, seq, 2 * half]);
  const factor = ropeAttentionFactor(ropeScaling);
  if (factor === 1) return { cos: ops.cos(angles), sin: ops.sin(angles) };
  return { cos: ops.mul(ops.cos(angles), factor), sin: ops.mul(ops.sin(angles), factor) };
}

function constantFrequencies(like: Value, invFreq: Float32Array): Value {
  return like.graph.constant(hostTensor('float32', [1, 1, invFreq.length], invFreq));
}

/** HF's seq_len for a call: max(position_ids) + 1, as float32 [1, 1, 1]. */
function callLength(positions: Value): Value {
  const last = ops.reduceMax(ops.cast(positions, 'float32'), undefined, true);
  return ops.reshape(ops.add(last, 1), [1, 1, 1]);
}

/** inv_freq [1, 1, headDim/2] chosen or computed from this call's length (dynamic NTK, longrope). */
function lengthDependentFrequencies(positions: Value, rope: RotarySettings): Value {
  const { headDim, ropeTheta, ropeScaling: s } = rope;
  const length = callLength(positions);
  if (s.kind === 'longrope') {
    const short = constantFrequencies(positions, ropeInverseFrequencies(headDim, ropeTheta, s, s.originalMaxPositions));
    const long = constantFrequencies(positions, ropeInverseFrequencies(headDim, ropeTheta, s, s.originalMaxPositions + 1));
    return ops.where(ops.greater(length, s.originalMaxPositions), long, short);
  }
  if (s.kind !== 'dynamic') throw new Error(`rope type ${s.kind} does not depend on the sequence length`);
  // base' = theta·(factor·L/max − (factor − 1))^(d/(d−2)), L = max(length, max positions): as dynamicNtkBase, in the graph
  const clamped = ops.max(length, s.maxPositions);
  const stretch = ops.sub(ops.mul(clamped, s.factor / s.maxPositions), s.factor - 1);
  const base = ops.mul(ops.pow(stretch, headDim / (headDim - 2)), ropeTheta);
  const exponents = Float32Array.from({ length: headDim / 2 }, (_, i) => -(2 * i) / headDim);
  return ops.pow(base, constantFrequencies(positions, exponents));
}
