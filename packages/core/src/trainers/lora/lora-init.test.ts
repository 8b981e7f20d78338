import { ReferenceBackend } from '../../ir/interpret/reference-backend';
import { llamaFamily } from '../../models/llama';
import { loraDropoutFeeds } from './lora-dropout';
import { initLoraWeights } from './lora-init';
import { loraNames, planLora } from './lora-plan';

const arch = llamaFamily.architecture({ model_type: 'llama', vocab_size: 20, hidden_size: 48, intermediate_size: 64, num_hidden_layers: 1, num_attention_heads: 2 });

describe(initLoraWeights.name, () => {
  const plan = planLora(arch, { rank: 8, alpha: 16, dropout: 0, mergeOnSave: true, targetModules: ['q_proj', 'down_proj'] });

  it('draws A from kaiming_uniform(a=√5) = U(±1/√in) and sets B to zero, per seed', () => {
    const weights = initLoraWeights(plan, 3);
    for (const t of plan.targets) {
      const a = Array.from(weights.get(loraNames.a(t))!.data);
      const bound = 1 / Math.sqrt(t.inFeatures);
      expect(Math.max(...a.map(Math.abs))).toBeLessThanOrEqual(bound);
      // variance of U(−c, c) is c²/3; 8·in samples
      const variance = a.reduce((s, v) => s + v * v, 0) / a.length;
      expect(variance).toBeGreaterThan(0.8 * bound * bound / 3);
      expect(variance).toBeLessThan(1.2 * bound * bound / 3);
      expect(weights.get(loraNames.b(t))!.data.every((v) => v === 0)).toBe(true);
    }
    expect(initLoraWeights(plan, 3)).toEqual(weights);
    expect(initLoraWeights(plan, 4).get(loraNames.a(plan.targets[0]!))).not.toEqual(weights.get(loraNames.a(plan.targets[0]!)));
  });
});

describe(loraDropoutFeeds.name, () => {
  it('keeps each input with probability 1 − p, scaled by 1/(1 − p); same masks for the same micro-batch index', async () => {
    const backend = new ReferenceBackend();
    const plan = planLora(arch, { rank: 2, alpha: 2, dropout: 0.25, mergeOnSave: true, targetModules: ['q_proj'] });
    const draw = async (index: number) => {
      const feeds = loraDropoutFeeds(backend, plan, { batch: 4, seq: 16 }, 0, index);
      const values = await Promise.all(Object.values(feeds).map(async (t) => Array.from((await backend.download(t)).data, Number)));
      return { names: Object.keys(feeds), values: values.flat() };
    };
    const first = await draw(7);
    expect(first.names).toEqual(['lora_dropout_mask:model.layers.0.self_attn.q_proj']);
    expect(first.values.every((v) => v === 0 || Math.abs(v - 4 / 3) < 1e-6)).toBe(true);
    const dropped = first.values.filter((v) => v === 0).length / first.values.length;
    expect(dropped).toBeGreaterThan(0.2);
    expect(dropped).toBeLessThan(0.3);
    expect((await draw(7)).values).toEqual(first.values);
    expect((await draw(8)).values).not.toEqual(first.values);
    expect(loraDropoutFeeds(backend, { ...plan, dropout: 0 }, { batch: 1, seq: 1 }, 0, 0)).toEqual({});
  });
});
