import type { ParameterSpec } from '../model-architecture';
import type { BloomConfig } from './bloom-config';

/** HF parameter names and shapes of `BloomForCausalLM` (Linear weights [out, in]). */
export function bloomParameters(c: BloomConfig): ParameterSpec[] {
  const h = c.hiddenSize;
  const normal = { kind: 'normal', std: c.initializerRange } as const;
  const specs: ParameterSpec[] = [{ name: 'transformer.word_embeddings.weight', shape: [c.vocabSize, h], init: normal }];
  const layerNorm = (name: string): void => {
    specs.push({ name: `${name}.weight`, shape: [h], init: { kind: 'ones' } }, { name: `${name}.bias`, shape: [h], init: { kind: 'zeros' } });
  };
  const linear = (name: string, out: number, inp: number): void => {
    specs.push({ name: `${name}.weight`, shape: [out, inp], init: normal }, { name: `${name}.bias`, shape: [out], init: { kind: 'zeros' } });
  };
  layerNorm('transformer.word_embeddings_layernorm');
  for (let i = 0; i < c.numLayers; i++) {
    const p = `transformer.h.${i}`;
    layerNorm(`${p}.input_layernorm`);
    linear(`${p}.self_attention.query_key_value`, 3 * h, h);
    linear(`${p}.self_attention.dense`, h, h);
    layerNorm(`${p}.post_attention_layernorm`);
    linear(`${p}.mlp.dense_h_to_4h`, 4 * h, h);
    linear(`${p}.mlp.dense_4h_to_h`, h, 4 * h);
  }
  layerNorm('transformer.ln_f');
  if (!c.tieWordEmbeddings) specs.push({ name: 'lm_head.weight', shape: [c.vocabSize, h], init: normal });
  return specs;
}
