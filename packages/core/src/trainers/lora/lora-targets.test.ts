import { bloomFamily } from '../../models/bloom';
import { llamaFamily } from '../../models/llama';
import { OkapiError } from '../../errors/okapi-error';
import { linearModules, resolveLoraTargets } from './lora-targets';

const llama = llamaFamily.architecture({ model_type: 'llama', vocab_size: 20, hidden_size: 8, intermediate_size: 12, num_hidden_layers: 2, num_attention_heads: 2, tie_word_embeddings: false });
const bloom = bloomFamily.architecture({ model_type: 'bloom', vocab_size: 20, hidden_size: 8, n_layer: 2, n_head: 2 });

describe(resolveLoraTargets.name, () => {
  it("defaults to PEFT's per-family targets: q_proj,v_proj (LLaMA), query_key_value (BLOOM)", () => {
    expect(resolveLoraTargets(llama).map((t) => t.module)).toEqual([
      'model.layers.0.self_attn.q_proj', 'model.layers.0.self_attn.v_proj', 'model.layers.1.self_attn.q_proj', 'model.layers.1.self_attn.v_proj',
    ]);
    expect(resolveLoraTargets(bloom).map((t) => [t.module, t.outFeatures, t.inFeatures])).toEqual([
      ['transformer.h.0.self_attention.query_key_value', 24, 8], ['transformer.h.1.self_attention.query_key_value', 24, 8],
    ]);
  });

  it('selects by name suffix or full path, with HF [out, in] sizes', () => {
    const targets = resolveLoraTargets(llama, ['down_proj', 'model.layers.1.mlp.up_proj']);
    expect(targets.map((t) => [t.module, t.weight, t.outFeatures, t.inFeatures])).toEqual([
      ['model.layers.0.mlp.down_proj', 'model.layers.0.mlp.down_proj.weight', 8, 12],
      ['model.layers.1.mlp.up_proj', 'model.layers.1.mlp.up_proj.weight', 12, 8],
      ['model.layers.1.mlp.down_proj', 'model.layers.1.mlp.down_proj.weight', 8, 12],
    ]);
  });

  it('lists linear layers only: no embeddings or norms; an untied lm_head is one', () => {
    const names = linearModules(llama).map((m) => m.module);
    expect(names).toContain('lm_head');
    expect(names.filter((n) => /embed|norm/.test(n))).toEqual([]);
    expect(linearModules(bloom).map((m) => m.module.split('.').at(-1))).toEqual(expect.arrayContaining(['query_key_value', 'dense', 'dense_h_to_4h', 'dense_4h_to_h']));
  });

  it('rejects an unknown module with did-you-mean and the list of linear modules', () => {
    const attempt = () => resolveLoraTargets(llama, ['q_proj', 'v_prj']);
    expect(attempt).toThrow(OkapiError);
    expect(attempt).toThrow("'v_prj' matches no linear module of this llama model. Did you mean 'v_proj'?");
    try { attempt(); } catch (e) {
      expect((e as OkapiError).hint).toContain('q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj, down_proj, lm_head');
    }
    expect(() => resolveLoraTargets(bloom, ['q_proj'])).toThrow(/Did you mean 'dense'\?|matches no linear module/);
  });
});
