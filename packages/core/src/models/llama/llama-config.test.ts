import { OkapiError } from '../../errors/okapi-error';
import { parseLlamaConfig } from './llama-config';
import { llamaParameters } from './llama-parameters';

/** HuggingFaceTB/SmolLM-135M's config.json (as published). */
const smolLm135m = {
  architectures: ['LlamaForCausalLM'], attention_bias: false, attention_dropout: 0, bos_token_id: 0, eos_token_id: 0,
  hidden_act: 'silu', hidden_size: 576, initializer_range: 0.02, intermediate_size: 1536, max_position_embeddings: 2048,
  model_type: 'llama', num_attention_heads: 9, num_hidden_layers: 30, num_key_value_heads: 3, pretraining_tp: 1,
  rms_norm_eps: 1e-5, rope_scaling: null, rope_theta: 10000, tie_word_embeddings: true, torch_dtype: 'float32', vocab_size: 49152,
};

/** meta-llama/Llama-2-7b-hf's config.json (as published). */
const llama2_7b = {
  architectures: ['LlamaForCausalLM'], bos_token_id: 1, eos_token_id: 2, hidden_act: 'silu', hidden_size: 4096,
  initializer_range: 0.02, intermediate_size: 11008, max_position_embeddings: 4096, model_type: 'llama',
  num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 32, pretraining_tp: 1, rms_norm_eps: 1e-5,
  rope_scaling: null, tie_word_embeddings: false, torch_dtype: 'float16', vocab_size: 32000,
};

const count = (specs: { shape: readonly number[] }[]) => specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);

describe(parseLlamaConfig.name, () => {
  it('reads SmolLM-135M (GQA 9/3, tied) and lists exactly its 134,515,008 parameters', () => {
    const sut = parseLlamaConfig(smolLm135m);
    expect(sut).toMatchObject({ numHeads: 9, numKvHeads: 3, headDim: 64, rmsNormEps: 1e-5, tieWordEmbeddings: true, eosTokenId: [0] });
    expect(count(llamaParameters(sut))).toBe(134_515_008); // the size HF reports for this checkpoint
  });

  it('reads Llama-2-7B with its 6,738,415,616 parameters and HF names/shapes', () => {
    const specs = llamaParameters(parseLlamaConfig(llama2_7b));
    expect(count(specs)).toBe(6_738_415_616);
    expect(specs.find((s) => s.name === 'model.layers.0.self_attn.q_proj.weight')?.shape).toEqual([4096, 4096]);
    expect(specs.find((s) => s.name === 'model.layers.31.mlp.down_proj.weight')?.shape).toEqual([4096, 11008]);
    expect(specs.find((s) => s.name === 'lm_head.weight')?.shape).toEqual([32000, 4096]);
  });

  it('applies HF defaults for keys old configs omit (kv heads = heads, theta 10000, eps 1e-6)', () => {
    const { num_key_value_heads: _a, rms_norm_eps: _b, rope_theta: _c, ...old } = llama2_7b;
    const sut = parseLlamaConfig(old);
    expect(sut).toMatchObject({ numKvHeads: 32, ropeTheta: 10000, rmsNormEps: 1e-6, ropeScaling: { kind: 'none' } });
  });

  it('reads llama3 rope scaling and a list of EOS ids', () => {
    const sut = parseLlamaConfig({ ...llama2_7b, eos_token_id: [128001, 128009], rope_scaling: { rope_type: 'llama3', factor: 8, low_freq_factor: 1, high_freq_factor: 4, original_max_position_embeddings: 8192 } });
    expect(sut.eosTokenId).toEqual([128001, 128009]);
    expect(sut.ropeScaling).toEqual({ kind: 'llama3', factor: 8, lowFreqFactor: 1, highFreqFactor: 4, originalMaxPositions: 8192 });
  });

  it.each([
    ['a missing key', { ...llama2_7b, hidden_size: undefined }, /"hidden_size"/],
    ['a wrong type', { ...llama2_7b, num_hidden_layers: '32' }, /"num_hidden_layers".*found "32"/],
    ['heads not a multiple of kv heads', { ...llama2_7b, num_key_value_heads: 5 }, /multiple of "num_key_value_heads" \(5\)/],
    ['an unsupported activation', { ...llama2_7b, hidden_act: 'gelu' }, /"hidden_act".*silu/],
    ['an unsupported rope type', { ...llama2_7b, rope_scaling: { type: 'su', factor: 2 } }, /"su" is not supported/],
  ])('rejects %s with an OkapiError naming the key', (_label, raw, message) => {
    expect(() => parseLlamaConfig(raw, 'm/config.json')).toThrow(OkapiError);
    expect(() => parseLlamaConfig(raw, 'm/config.json')).toThrow(message);
    expect(() => parseLlamaConfig(raw, 'm/config.json')).toThrow(/m\/config\.json/);
  });
});
