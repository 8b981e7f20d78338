import { usesWeightDecay } from './trainable-parameters';

describe(usesWeightDecay.name, () => {
  it.each([
    ['model.layers.0.self_attn.q_proj.weight', true],
    ['model.embed_tokens.weight', true],
    ['transformer.h.3.mlp.dense_h_to_4h.bias', false],
    ['model.layers.0.input_layernorm.weight', false],
    ['model.norm.weight', false],
    ['transformer.word_embeddings_layernorm.weight', false],
    ['transformer.ln_f.weight', false],
    ['transformer.h.0.post_attention_layernorm.weight', false],
    ['score.weight', true],
  ])('%s → %s', (name, decays) => {
    expect(usesWeightDecay(name)).toBe(decays);
  });
});
