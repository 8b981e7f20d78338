import type { Graph } from '../../ir/graph';
import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';
import { linear } from '../graph/linear';
import { mergeHeads, splitHeads } from '../graph/split-heads';
import type { TrunkInputs, WeightLookup } from '../model-architecture';
import type { LlamaConfig } from './llama-config';
import { rotaryTables } from './llama-rotary';

/** `LlamaModel.forward`: embeddings → decoder layers (pre-norm, RoPE, GQA, SwiGLU) → final RMSNorm. */
export function traceLlamaTrunk(_g: Graph, c: LlamaConfig, w: WeightLookup, inputs: TrunkInputs): Value {
  const { cos, sin } = rotaryTables(inputs.positions, c);
  let hidden = ops.gather(w('model.embed_tokens.weight'), inputs.inputIds);
  for (let layer = 0; layer < c.numLayers; layer++) {
    const p = `model.layers.${layer}`;
    const normed = ops.rmsNorm(hidden, w(`${p}.input_layernorm.weight`), c.rmsNormEps);
    hidden = ops.add(hidden, selfAttention(c, w, p, layer, normed, { cos, sin, inputs }));
    const normed2 = ops.rmsNorm(hidden, w(`${p}.post_attention_layernorm.weight`), c.rmsNormEps);
    hidden = ops.add(hidden, mlp(c, w, p, normed2));
  }
  return ops.rmsNorm(hidden, w('model.norm.weight'), c.rmsNormEps);
}

interface LayerContext {
  readonly cos: Value;
  readonly sin: Value;
  readonly inputs: TrunkInputs;
}

function proj(w: WeightLookup, name: string, x: Value, bias: boolean): Value {
  return linear(x, w(`${name}.weight`), bias ? w(`${name}.bias`) : undefined);
}

function selfAttention(c: LlamaConfig, w: WeightLookup, p: string, layer: number, x: Value, ctx: LayerContext): Value {
  const a = `${p}.self_attn`;
  const q = splitHeads(proj(w, `${a}.q_proj`, x, c.attentionBias), c.numHeads, c.headDim);
  const k = splitHeads(proj(w, `${a}.k_proj`, x, c.attentionBias), c.numKvHeads, c.headDim);
  const v = splitHeads(proj(w, `${a}.v_proj`, x, c.attentionBias), c.numKvHeads, c.headDim);
  // rotaryTables builds HF tables; fused inference graphs say so, so backends may use half-table kernels
  const tables = { hfTables: ctx.inputs.attention.fused };
  const qr = ops.rotary(q, ctx.cos, ctx.sin, tables);
  const kr = ops.rotary(k, ctx.cos, ctx.sin, tables);
  const context = ctx.inputs.attention.attend(layer, qr, kr, v);
  return proj(w, `${a}.o_proj`, mergeHeads(context), c.attentionBias);
}

function mlp(c: LlamaConfig, w: WeightLookup, p: string, x: Value): Value {
  const gate = ops.silu(proj(w, `${p}.mlp.gate_proj`, x, c.mlpBias));
  const up = proj(w, `${p}.mlp.up_proj`, x, c.mlpBias);
  return proj(w, `${p}.mlp.down_proj`, ops.mul(gate, up), c.mlpBias);
}
