import type { ParameterSpec } from '../model-architecture';
import type { LlamaConfig } from './llama-config';

/** HF parameter names and shapes of `LlamaForCausalLM` (Linear weights [out, in]). */
export function llamaParameters(c: LlamaConfig): ParameterSpec[] {
  const normal = { kind: 'normal', std: c.initializerRange } as const;
  const zeros = { kind: 'zeros' } as const;
  const ones = { kind: 'ones' } as const;
  const qSize = c.numHeads * c.headDim;
  const kvSize = c.numKvHeads * c.headDim;
  const specs: ParameterSpec[] = [
    { name: 'model.embed_tokens.weight', shape: [c.vocabSize, c.hiddenSize], init: { ...normal, zeroRow: c.padTokenId } },
  ];
  const linear = (name: string, out: number, inp: number, bias: boolean): void => {
    specs.push({ name: `${name}.weight`, shape: [out, inp], init: normal });
    if (bias) specs.push({ name: `${name}.bias`, shape: [out], init: zeros });
  };
  for (let i = 0; i < c.numLayers; i++) {
    const p = `model.layers.${i}`;
    specs.push({ name: `${p}.input_layernorm.weight`, shape: [c.hiddenSize], init: ones });
    linear(`${p}.self_attn.q_proj`, qSize, c.hiddenSize, c.attentionBias);
    linear(`${p}.self_attn.k_proj`, kvSize, c.hiddenSize, c.attentionBias);
    linear(`${p}.self_attn.v_proj`, kvSize, c.hiddenSize, c.attentionBias);
    linear(`${p}.self_attn.o_proj`, c.hiddenSize, qSize, c.attentionBias);
    specs.push({ name: `${p}.post_attention_layernorm.weight`, shape: [c.hiddenSize], init: ones });
    linear(`${p}.mlp.gate_proj`, c.intermediateSize, c.hiddenSize, c.mlpBias);
    linear(`${p}.mlp.up_proj`, c.intermediateSize, c.hiddenSize, c.mlpBias);
    linear(`${p}.mlp.down_proj`, c.hiddenSize, c.intermediateSize, c.mlpBias);
  }
  specs.push({ name: 'model.norm.weight', shape: [c.hiddenSize], init: ones });
  if (!c.tieWordEmbeddings) specs.push({ name: 'lm_head.weight', shape: [c.vocabSize, c.hiddenSize], init: normal });
  return specs;
}
