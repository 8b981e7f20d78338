import { finiteDifferenceCheck } from '../../ir/check/gradient-check';
import type { OpCase } from '../../ir/check/op-case';
import { seededRandom, uniformValues } from '../../ir/check/seeded-random';
import { createGraph } from '../../ir/create-graph';
import type { Graph } from '../../ir/graph';
import { hostTensor } from '../../ir/host-tensor';
import { ReferenceBackend } from '../../ir/interpret/reference-backend';
import { bloomFamily } from '../../models/bloom';
import { buildCausalLmGraph, graphNames } from '../../models/graph/build-graphs';
import { declareWeights } from '../../models/graph/declare-weights';
import { lmHead } from '../../models/graph/heads';
import { adaptLinear, linear } from '../../models/graph/linear';
import { traceTrunk } from '../../models/graph/trace-model';
import { llamaFamily } from '../../models/llama';
import type { ModelArchitecture } from '../../models/model-architecture';
import { initParameters, type ModelWeights } from '../../models/parameter-init';
import { attachLoraAdapters, loraDelta } from './lora-graph';
import { initLoraWeights } from './lora-init';
import { mergeLoraWeights } from './lora-merge';
import { loraNames, loraParameterSpecs, planLora, type LoraPlan } from './lora-plan';

const llama = llamaFamily.architecture({ model_type: 'llama', vocab_size: 23, hidden_size: 8, intermediate_size: 12, num_hidden_layers: 2, num_attention_heads: 2, num_key_value_heads: 1, tie_word_embeddings: false });
const bloom = bloomFamily.architecture({ model_type: 'bloom', vocab_size: 23, hidden_size: 8, n_layer: 2, n_head: 2 });
const ids = [1, 7, 3, 19, 4, 11];

async function logits(graph: Graph, weights: ReadonlyMap<string, { dtype: 'float32'; shape: readonly number[]; data: Float32Array }>): Promise<number[]> {
  const backend = new ReferenceBackend();
  const session = await backend.compile(graph);
  const feeds = Object.fromEntries([...weights].map(([n, t]) => [n, backend.upload(t)]));
  feeds[graphNames.inputIds] = backend.upload(hostTensor('int64', [1, ids.length], ids));
  feeds[graphNames.attentionMask] = backend.upload(hostTensor('int64', [1, ids.length], ids.map(() => 1)));
  const out = await session.run(feeds);
  return Array.from((await backend.download(out[graphNames.logits]!)).data, Number);
}

/** The causal LM with adapters attached (what SFT trains), logits out. */
function adaptedGraph(arch: ModelArchitecture, plan: LoraPlan): Graph {
  const g = createGraph('adapted');
  const w = declareWeights(g, arch.parameters());
  attachLoraAdapters(g, w, plan);
  const inputIds = g.input(graphNames.inputIds, 'int64', [1, ids.length]);
  const attentionMask = g.input(graphNames.attentionMask, 'int64', [1, ids.length]);
  g.output(graphNames.logits, lmHead(arch, w, traceTrunk(g, arch, w, { inputIds, attentionMask }).hidden));
  return g;
}

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
