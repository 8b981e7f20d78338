// The model shapes of the inference bench: published configs of HuggingFaceTB/SmolLM-135M and
// bigscience/bloom-560m (random weights), and tiny stand-ins for --smoke.

const smolLm135m = {
  model_type: 'llama', architectures: ['LlamaForCausalLM'], hidden_size: 576, intermediate_size: 1536, num_hidden_layers: 30,
  num_attention_heads: 9, num_key_value_heads: 3, vocab_size: 49152, rms_norm_eps: 1e-5, rope_theta: 10000,
  max_position_embeddings: 2048, initializer_range: 0.02, bos_token_id: 1, eos_token_id: 2, tie_word_embeddings: true,
};

const bloom560m = {
  model_type: 'bloom', architectures: ['BloomForCausalLM'], hidden_size: 1024, n_layer: 24, n_head: 16, vocab_size: 250880,
  layer_norm_epsilon: 1e-5, initializer_range: 0.02, bos_token_id: 1, eos_token_id: 2, pad_token_id: 3,
  apply_residual_connection_post_layernorm: false, tie_word_embeddings: true,
};

/** name → HF config.json of the model to create. */
export const fullShapes = { 'SmolLM-135M': smolLm135m, 'bloom-560m': bloom560m };

export const smokeShapes = {
  'tiny-llama': { ...smolLm135m, hidden_size: 64, intermediate_size: 128, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2, vocab_size: 512 },
  'tiny-bloom': { ...bloom560m, hidden_size: 64, n_layer: 2, n_head: 4, vocab_size: 512 },
};
