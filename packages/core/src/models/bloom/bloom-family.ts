import type { ModelFamilyDescriptor } from '../model-family';
import { BloomArchitecture } from './bloom-architecture';
import { parseBloomConfig } from './bloom-config';
import { bloomTokenizerQuirks } from './bloom-tokenizer-quirks';

/** BLOOM (bigscience/bloom*, bloomz, and the BLOOM-based Okapi models). */
export const bloomFamily: ModelFamilyDescriptor = {
  id: 'bloom',
  summary: 'BLOOM decoder: ALiBi positions, fused QKV, LayerNorm, tanh-GELU MLP, tied LM head',
  matches: (hf) => hf.model_type === 'bloom',
  architecture: (hf, source) => new BloomArchitecture(parseBloomConfig(hf, source)),
  tokenizer: bloomTokenizerQuirks,
};
