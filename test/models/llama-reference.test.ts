import { tinyLlamaConfig } from '../fixtures-models/tiny-models';
import { describeFamilyAgainstTorch } from './torch-reference';

// The ONNX fixture has one attention head; this covers multi-head RoPE, GQA, biases and rope scaling.
describeFamilyAgainstTorch({
  family: 'llama',
  title: 'LLaMA family against an independent torch reference of HF LlamaForCausalLM',
  script: 'llama_reference.py',
  makeConfig: tinyLlamaConfig,
  seed: 5,
  batch: {
    input_ids: [[5, 6, 7, 8, 9, 10, 11], [0, 0, 0, 41, 42, 43, 50]],
    attention_mask: [[1, 1, 1, 1, 1, 1, 1], [0, 0, 0, 1, 1, 1, 1]],
  },
  cases: [
    ['GQA 4 heads over 2 KV heads', {}],
    ['multi-head attention, tied embeddings, attention_bias', { num_key_value_heads: 4, tie_word_embeddings: true, attention_bias: true }],
    ['linear rope scaling, theta 500000', { rope_theta: 500000, rope_scaling: { type: 'linear', factor: 4 } }],
    ['llama3 rope scaling', { rope_scaling: { rope_type: 'llama3', factor: 8, low_freq_factor: 1, high_freq_factor: 4, original_max_position_embeddings: 16 } }],
  ],
});
