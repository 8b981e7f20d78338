import { bloomFamily } from '../../models/bloom/bloom-family';
import { llamaFamily } from '../../models/llama/llama-family';
import { rewardModelParameters, rewardTrainableNames } from './reward-model-graph';

const llama = llamaFamily.architecture({ model_type: 'llama', vocab_size: 20, hidden_size: 8, intermediate_size: 12, num_hidden_layers: 3, num_attention_heads: 2, tie_word_embeddings: false });
const bloom = bloomFamily.architecture({ model_type: 'bloom', vocab_size: 20, hidden_size: 8, n_layer: 3, n_head: 2 });

describe(rewardTrainableNames.name, () => {
  it('a reward model has the trunk and score head but no LM head (as HF saves *ForSequenceClassification)', () => {
    const names = rewardModelParameters(llama).map((s) => s.name);
    expect(names).toContain('score.weight');
    expect(names).not.toContain('lm_head.weight');
    expect(rewardModelParameters(llama).find((s) => s.name === 'score.weight')!.shape).toEqual([1, 8]);
  });

  it("Okapi's RM trains the top N blocks plus embeddings, final norm and score head", () => {
    const names = rewardTrainableNames(llama, 1);
    expect(names.filter((n) => n.startsWith('model.layers.')).every((n) => n.startsWith('model.layers.2.'))).toBe(true);
    expect(names).toEqual(expect.arrayContaining(['model.embed_tokens.weight', 'model.norm.weight', 'score.weight', 'model.layers.2.mlp.up_proj.weight']));
    const bloomNames = rewardTrainableNames(bloom, 2);
    expect(bloomNames.some((n) => n.startsWith('transformer.h.0.'))).toBe(false);
    expect(bloomNames).toEqual(expect.arrayContaining(['transformer.word_embeddings.weight', 'transformer.ln_f.weight', 'transformer.ln_f.bias', 'score.weight', 'transformer.h.1.self_attention.dense.weight']));
  });

  it('null or N ≥ layers trains everything', () => {
    expect(rewardTrainableNames(llama, null)).toEqual(rewardModelParameters(llama).map((s) => s.name));
    expect(rewardTrainableNames(bloom, 12)).toEqual(rewardModelParameters(bloom).map((s) => s.name));
  });
});
