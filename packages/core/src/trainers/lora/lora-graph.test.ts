import { finiteDifferenceCheck } from '../../ir/check/gradient-check';
import type { OpCase } from '../../ir/check/op-case';
import { seededRandom, uniformValues } from '../../ir/check/seeded-random';
import { hostTensor } from '../../ir/host-tensor';
import { buildCausalLmGraph } from '../../models/graph/build-graphs';
import { adaptLinear, linear } from '../../models/graph/linear';
import type { ModelArchitecture } from '../../models/model-architecture';
import { initParameters, type ModelWeights } from '../../models/parameter-init';
import { loraDelta } from './lora-graph';
import { adaptedGraph, bloom, ids, llama, logits } from './__tests__/adapted-models';
import { initLoraWeights } from './lora-init';
import { mergeLoraWeights } from './lora-merge';
import { loraNames, loraParameterSpecs, planLora, type LoraPlan } from './lora-plan';


/** W + (alpha/r)·B·A, written out independently of the code under test. */
function handMerged(base: ModelWeights, adapters: ModelWeights, plan: LoraPlan): ModelWeights {
  const merged: ModelWeights = new Map(base);
  for (const t of plan.targets) {
    const [w, a, b] = [base.get(t.weight)!.data, adapters.get(loraNames.a(t))!.data, adapters.get(loraNames.b(t))!.data];
    const out = Float32Array.from(w, (v, index) => {
      const [o, i] = [Math.floor(index / t.inFeatures), index % t.inFeatures];
      let sum = 0;
      for (let k = 0; k < plan.rank; k++) sum += b[o * plan.rank + k]! * a[k * t.inFeatures + i]!;
      return v + (plan.alpha / plan.rank) * sum;
    });
    merged.set(t.weight, { dtype: 'float32', shape: [t.outFeatures, t.inFeatures], data: out });
  }
  return merged;
}

const cases: [string, ModelArchitecture, string[] | undefined][] = [
  ['llama', llama, ['q_proj', 'v_proj', 'down_proj', 'lm_head']],
  ['bloom', bloom, undefined],
];

describe('LoRA adapters in the IR', () => {
  it.each(cases)('%s: at initialisation (B = 0) the adapted logits equal the base logits exactly', async (_, arch, targetModules) => {
    const plan = planLora(arch, { rank: 4, alpha: 8, dropout: 0, mergeOnSave: true, targetModules });
    const base = initParameters(arch.parameters(), 5);
    const adapted = await logits(adaptedGraph(arch, plan), new Map([...base, ...initLoraWeights(plan, 0)]));
    expect(adapted).toEqual(await logits(buildCausalLmGraph(arch, { batch: 1, seq: ids.length }), base));
  });

  it.each(cases)('%s: with random A and B, logits equal a plain forward of W + (alpha/r)·B·A (1e-5)', async (_, arch, targetModules) => {
    const plan = planLora(arch, { rank: 3, alpha: 5, dropout: 0, mergeOnSave: true, targetModules });
    const base = initParameters(arch.parameters(), 5);
    const random = seededRandom(9);
    const adapters: ModelWeights = new Map(loraParameterSpecs(plan).map((s) => [s.name, hostTensor('float32', [...s.shape], uniformValues(random, s.shape[0]! * s.shape[1]!, -0.5, 0.5))]));
    const expected = await logits(buildCausalLmGraph(arch, { batch: 1, seq: ids.length }), handMerged(base, adapters, plan));
    const adapted = await logits(adaptedGraph(arch, plan), new Map([...base, ...adapters]));
    adapted.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(1e-5));
    const merged = mergeLoraWeights(base, adapters, plan);
    for (const [name, t] of handMerged(base, adapters, plan)) t.data.forEach((v, i) => expect(Math.abs(merged.get(name)!.data[i]! - v)).toBeLessThan(1e-6));
  });

  it('gradients of A and B (and x) match central finite differences, with and without a dropout mask', () => {
    const mask = [0, 2, 2, 0, 2, 2, 2, 0, 2, 0, 2, 2, 2, 2, 0, 2, 0, 2, 2, 2, 2, 0, 2, 2];
    for (const masked of [false, true]) {
      const c: OpCase = {
        name: `lora-linear${masked ? '-dropout' : ''}`, op: 'MatMul',
        inputs: [
          { name: 'x', dtype: 'float32', shape: [2, 3, 4] },
          { name: 'w', dtype: 'float32', shape: [5, 4], differentiable: false },
          { name: 'bias', dtype: 'float32', shape: [5], differentiable: false },
          { name: 'a', dtype: 'float32', shape: [2, 4] },
          { name: 'b', dtype: 'float32', shape: [5, 2] },
          { name: 'mask', dtype: 'float32', shape: [2, 3, 4], values: mask, differentiable: false },
        ],
        build: ([x, w, bias, a, b, m]) => {
          adaptLinear(w!, (v) => loraDelta(v, a!, b!, 1.5, masked ? m : undefined));
          return linear(x!, w!, bias);
        },
      };
      expect(finiteDifferenceCheck(c)).toEqual([]);
    }
  });
});
