import { tinyBloomConfig } from '../fixtures-models/tiny-models';
import { describeFamilyAgainstTorch } from './torch-reference';

describeFamilyAgainstTorch({
  family: 'bloom',
  title: 'BLOOM family against an independent torch reference of HF BloomForCausalLM',
  script: 'bloom_reference.py',
  makeConfig: tinyBloomConfig,
  seed: 7,
  batch: {
    input_ids: [[5, 6, 7, 8, 9, 10, 11], [3, 3, 40, 41, 42, 43, 60]],
    attention_mask: [[1, 1, 1, 1, 1, 1, 1], [0, 0, 1, 1, 1, 1, 1]],
  },
  cases: [
    ['pre-layernorm residuals', {}],
    ['apply_residual_connection_post_layernorm', { apply_residual_connection_post_layernorm: true }],
    ['untied lm_head, n_embed spelling', { tie_word_embeddings: false, n_embed: 24, hidden_size: undefined }],
  ],
});
