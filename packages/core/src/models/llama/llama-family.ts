import type { ModelFamilyDescriptor } from '../model-family';
import { LlamaArchitecture } from './llama-architecture';
import { parseLlamaConfig } from './llama-config';
import { llamaTokenizerQuirks } from './llama-tokenizer-quirks';

/** LLaMA (1, 2, 3 and derivatives saved as `model_type: "llama"`). */
export const llamaFamily: ModelFamilyDescriptor = {
  id: 'llama',
  summary: 'LLaMA decoder: RMSNorm, rotary positions, grouped-query attention, SwiGLU MLP',
  matches: (hf) => hf.model_type === 'llama',
  architecture: (hf, source) => new LlamaArchitecture(parseLlamaConfig(hf, source)),
  tokenizer: llamaTokenizerQuirks,
};
