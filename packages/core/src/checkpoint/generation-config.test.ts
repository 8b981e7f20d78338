import { generationConfigFromModelConfig } from './generation-config';

describe(generationConfigFromModelConfig.name, () => {
  it('keeps the special token ids config.json sets, as transformers GenerationConfig.from_model_config does', () => {
    expect(generationConfigFromModelConfig({ model_type: 'llama', bos_token_id: 1, eos_token_id: [2, 7], pad_token_id: 0, hidden_size: 8 }))
      .toEqual({ bos_token_id: 1, eos_token_id: [2, 7], pad_token_id: 0 });
  });

  it('leaves out ids that are absent or null (HF writes no key for them)', () => {
    expect(generationConfigFromModelConfig({ model_type: 'bloom', bos_token_id: 1, pad_token_id: null })).toEqual({ bos_token_id: 1 });
  });
});
