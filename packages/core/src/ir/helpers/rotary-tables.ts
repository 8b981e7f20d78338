import type { DType } from '../dtype';
import { hostTensor } from '../host-tensor';
import { cast } from '../ops/cast';
import { concat } from '../ops/concat';
import { cos } from '../ops/cos';
import { mul } from '../ops/mul';
import { unsqueeze } from '../ops/reshape';
import { sin } from '../ops/sin';
import type { Value } from '../value';

/** HF inverse frequencies: 1 / theta^(2i/d) for i < d/2. */
export function rotaryInverseFrequencies(headDim: number, theta = 10000): number[] {
  return Array.from({ length: headDim / 2 }, (_, i) => 1 / theta ** ((2 * i) / headDim));
}

/**
 * cos/sin tables for `ops.rotary` from position ids [b, s] (HF LlamaRotaryEmbedding: emb =
 * cat(freqs, freqs)); both [b, 1, s, headDim], broadcasting over heads.
 */
export function rotaryCosSin(positions: Value, headDim: number, theta = 10000, dtype: DType = 'float32'): { cos: Value; sin: Value } {
  const inv = positions.graph.constant(hostTensor(dtype, [headDim / 2], rotaryInverseFrequencies(headDim, theta)));
  const freqs = mul(unsqueeze(cast(positions, dtype), -1), inv);
  const emb = unsqueeze(concat([freqs, freqs], -1), 1);
  return { cos: cos(emb), sin: sin(emb) };
}
