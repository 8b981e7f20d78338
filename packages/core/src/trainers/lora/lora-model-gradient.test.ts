import { grad } from '../../ir/autodiff/grad';
import { seededRandom, uniformValues } from '../../ir/check/seeded-random';
import { createGraph } from '../../ir/create-graph';
import { hostTensor } from '../../ir/host-tensor';
import { fromHost, type RefTensor } from '../../ir/interpret/ref-tensor';
import { ReferenceProgram } from '../../ir/interpret/reference-program';
import { graphNames } from '../../models/graph/build-graphs';
import { llamaFamily } from '../../models/llama';
import { initParameters } from '../../models/parameter-init';
import { causalLmLoss, LABELS } from '../sft/causal-lm-loss';
import { loraParameterSpecs, planLora } from './lora-plan';

// The SFT loss of a whole tiny LLaMA with adapters on q_proj and down_proj: the gradient the optimizer
// gets for A and B equals central differences of the loss (float64 reference interpreter).
describe('LoRA gradients through a tiny model', () => {
  const arch = llamaFamily.architecture({ model_type: 'llama', vocab_size: 17, hidden_size: 8, intermediate_size: 12, num_hidden_layers: 2, num_attention_heads: 2, num_key_value_heads: 1 });
  const plan = planLora(arch, { rank: 2, alpha: 3, dropout: 0, mergeOnSave: true, targetModules: ['q_proj', 'down_proj'] });
  const specs = loraParameterSpecs(plan);

  it('d loss / d A and d loss / d B match central differences (rtol 1e-5)', () => {
    const g = createGraph('lora-fd');
    const { loss, params } = causalLmLoss(arch, new Set(specs.map((s) => s.name)), { plan, dropoutMasks: false })(g);
    expect(params.map((p) => p.name)).toEqual(specs.map((s) => s.name));
    g.output('loss', loss);
    grad(loss, params.map((p) => p.value)).forEach((d, i) => g.output(`grad:${params[i]!.name}`, d));
    const random = seededRandom(3);
    const feeds: Record<string, RefTensor> = {};
    for (const [name, t] of initParameters(arch.parameters(), 1)) feeds[name] = fromHost(t);
    // B ≠ 0 so that A has a gradient too
    for (const s of specs) feeds[s.name] = fromHost(hostTensor('float32', [...s.shape], uniformValues(random, s.shape[0]! * s.shape[1]!, -0.5, 0.5)));
    const ids = [[1, 4, 9, 2, 7], [3, 3, 11, 5, 0]];
    feeds[graphNames.inputIds] = fromHost(hostTensor('int64', [2, 5], ids.flat()));
    feeds[graphNames.attentionMask] = fromHost(hostTensor('int64', [2, 5], [1, 1, 1, 1, 1, 1, 1, 1, 1, 0]));
    feeds[LABELS] = fromHost(hostTensor('int64', [2, 5], [4, 9, 2, 7, -100, 3, 11, 5, -100, -100]));
    const program = new ReferenceProgram(g, { batch: 2, seq: 5 });
    const analytic = program.run(feeds);
    const step = 1e-6;
    let checked = 0;
    let largest = 0;
    for (const s of specs) {
      const data = feeds[s.name]!.data;
      for (let k = 0; k < data.length; k += 3) {
        const saved = data[k]!;
        data[k] = saved + step;
        const plus = program.run(feeds).loss!.data[0]!;
        data[k] = saved - step;
        const minus = program.run(feeds).loss!.data[0]!;
        data[k] = saved;
        const numeric = (plus - minus) / (2 * step);
        expect(Math.abs(analytic[`grad:${s.name}`]!.data[k]! - numeric)).toBeLessThanOrEqual(1e-7 + 1e-5 * Math.abs(numeric));
        checked++;
        largest = Math.max(largest, Math.abs(numeric));
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(largest).toBeGreaterThan(1e-3);
  });
});
