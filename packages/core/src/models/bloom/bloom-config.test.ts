import { OkapiError } from '../../errors/okapi-error';
import { parseBloomConfig } from './bloom-config';
import { bloomParameters } from './bloom-parameters';

/** bigscience/bloom-560m's config.json (as published; note `n_embed` and no `hidden_size`). */
const bloom560m = {
  apply_residual_connection_post_layernorm: false, architectures: ['BloomForCausalLM'], attention_dropout: 0,
  attention_softmax_in_fp32: true, bias_dropout_fusion: true, bos_token_id: 1, eos_token_id: 2, hidden_dropout: 0,
  initializer_range: 0.02, layer_norm_epsilon: 1e-5, masked_softmax_fusion: true, model_type: 'bloom', n_embed: 1024,
  n_inner: null, n_layer: 24, num_attention_heads: 16, offset_alibi: 100, pad_token_id: 3, pretraining_tp: 1,
  skip_bias_add: true, skip_bias_add_qkv: false, slow_but_exact: false, unk_token_id: 0, use_cache: true, vocab_size: 250880,
  n_head: 16,
};

const count = (specs: { shape: readonly number[] }[]) => specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);

describe(parseBloomConfig.name, () => {
  it('reads bloom-560m (n_embed spelling) and lists exactly its 559,214,592 parameters', () => {
    const sut = parseBloomConfig(bloom560m);
    expect(sut).toMatchObject({ hiddenSize: 1024, numLayers: 24, numHeads: 16, headDim: 64, tieWordEmbeddings: true, padTokenId: 3 });
    expect(count(bloomParameters(sut))).toBe(559_214_592); // the size HF reports for this checkpoint
  });

  it('uses HF names and [out, in] shapes, fused QKV included', () => {
    const specs = bloomParameters(parseBloomConfig(bloom560m));
    expect(specs.find((s) => s.name === 'transformer.h.0.self_attention.query_key_value.weight')?.shape).toEqual([3072, 1024]);
    expect(specs.find((s) => s.name === 'transformer.h.23.mlp.dense_4h_to_h.weight')?.shape).toEqual([1024, 4096]);
    expect(specs.some((s) => s.name === 'lm_head.weight')).toBe(false); // tied to word_embeddings
  });

  it('prefers n_embed over hidden_size as HF does', () => {
    expect(parseBloomConfig({ ...bloom560m, hidden_size: 64 }).hiddenSize).toBe(1024);
    const { n_embed: _drop, ...modern } = bloom560m;
    expect(parseBloomConfig({ ...modern, hidden_size: 512 }).hiddenSize).toBe(512);
  });

  it.each([
    ['no hidden size at all', (() => { const { n_embed: _d, ...c } = bloom560m; return c; })(), /"hidden_size" \(or "n_embed"\)/],
    ['a missing n_layer', { ...bloom560m, n_layer: undefined }, /"n_layer"/],
    ['heads not dividing the width', { ...bloom560m, n_head: 6 }, /divisible by "n_head" \(6\)/],
    ['a negative epsilon', { ...bloom560m, layer_norm_epsilon: -1 }, /"layer_norm_epsilon"/],
  ])('rejects %s with an OkapiError naming the key', (_label, raw, message) => {
    expect(() => parseBloomConfig(raw)).toThrow(OkapiError);
    expect(() => parseBloomConfig(raw)).toThrow(message);
  });
});
