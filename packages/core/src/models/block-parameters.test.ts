import { bloomFamily } from './bloom/bloom-family';
import { blockIndexOf, partialTrainingNames } from './block-parameters';
import { parametersWithHead } from './graph/build-graphs';
import { llamaFamily } from './llama/llama-family';

const llama = llamaFamily.architecture({ model_type: 'llama', vocab_size: 10, hidden_size: 8, intermediate_size: 8, num_hidden_layers: 12, num_attention_heads: 2 });
const bloom = bloomFamily.architecture({ model_type: 'bloom', vocab_size: 10, hidden_size: 8, n_layer: 3, n_head: 2 });

describe(partialTrainingNames.name, () => {
  it('does not confuse layer 1 with layers 10 and 11', () => {
    expect(blockIndexOf(llama, 'model.layers.1.mlp.up_proj.weight')).toBe(1);
    expect(blockIndexOf(llama, 'model.layers.11.mlp.up_proj.weight')).toBe(11);
    expect(blockIndexOf(llama, 'model.norm.weight')).toBeUndefined();
  });

  it('selects the top blocks plus the kept non-block parameters (PPO: top 2 blocks + value head)', () => {
    const names = partialTrainingNames(bloom, parametersWithHead(bloom, 'value'), 2, (n) => n.startsWith('v_head.'));
    expect(names.some((n) => n.startsWith('transformer.h.0.'))).toBe(false);
    expect(names.filter((n) => n.startsWith('transformer.h.1.'))).toHaveLength(12);
    expect(names.filter((n) => n.startsWith('transformer.h.2.'))).toHaveLength(12);
    expect(names.filter((n) => !n.startsWith('transformer.h.'))).toEqual(['v_head.summary.weight', 'v_head.summary.bias']);
  });
});
