import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';
import { linear } from '../graph/linear';
import { mergeHeads } from '../graph/split-heads';
import type { TrunkInputs, WeightLookup } from '../model-architecture';
import type { BloomConfig } from './bloom-config';

/**
 * `BloomModel.forward`: embeddings → word_embeddings_layernorm → blocks (fused QKV laid out per head
 * as [q, k, v], ALiBi, tanh GELU) → ln_f. Positions come only from ALiBi over the key mask.
 */
export function traceBloomTrunk(c: BloomConfig, w: WeightLookup, inputs: TrunkInputs): Value {
  const norm = (name: string, x: Value) => ops.layerNorm(x, w(`${name}.weight`), w(`${name}.bias`), c.layerNormEps);
  const dense = (name: string, x: Value) => linear(x, w(`${name}.weight`), w(`${name}.bias`));
  const alibi = ops.alibiBias(inputs.attention.keyMask, c.numHeads);
  let hidden = norm('transformer.word_embeddings_layernorm', ops.gather(w('transformer.word_embeddings.weight'), inputs.inputIds));
  for (let layer = 0; layer < c.numLayers; layer++) {
    const p = `transformer.h.${layer}`;
    const normed = norm(`${p}.input_layernorm`, hidden);
    const attnResidual = c.residualPostLayerNorm ? normed : hidden;
    const [q, k, v] = splitFusedQkv(dense(`${p}.self_attention.query_key_value`, normed), c);
    const context = inputs.attention.attend(layer, q, k, v, alibi);
    const attnOut = ops.add(dense(`${p}.self_attention.dense`, mergeHeads(context)), attnResidual);
    const normed2 = norm(`${p}.post_attention_layernorm`, attnOut);
    const mlpResidual = c.residualPostLayerNorm ? normed2 : attnOut;
    const mlp = dense(`${p}.mlp.dense_4h_to_h`, ops.gelu(dense(`${p}.mlp.dense_h_to_4h`, normed2)));
    hidden = ops.add(mlp, mlpResidual);
  }
  return norm('transformer.ln_f', hidden);
}

/** [batch, seq, 3h] viewed as [batch, seq, heads, 3, d] (HF `_split_heads`) → three [batch, heads, seq, d]. */
function splitFusedQkv(fused: Value, c: BloomConfig): [Value, Value, Value] {
  const [batch, seq] = fused.shape;
  const perHead = ops.reshape(fused, [batch, seq, c.numHeads, 3, c.headDim]);
  const part = (i: number) => ops.transpose(ops.reshape(ops.slice(perHead, [i], [i + 1], [3]), [batch, seq, c.numHeads, c.headDim]), [0, 2, 1, 3]);
  return [part(0), part(1), part(2)];
}
