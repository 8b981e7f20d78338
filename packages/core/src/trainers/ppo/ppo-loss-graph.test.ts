import { ReferenceBackend } from '../../ir/interpret/reference-backend';
import { hostTensor } from '../../ir/host-tensor';
import { graphNames, parametersWithHead } from '../../models/graph/build-graphs';
import { llamaFamily } from '../../models/llama/llama-family';
import { initParameters } from '../../models/parameter-init';
import { Rng } from '../../util/rng';
import { ParameterStore } from '../engine/parameter-store';
import { StepRunner } from '../engine/step-runner';
import { packRollouts, scatterRows } from './ppo-batch';
import { ppoInputs } from './policy-outputs';
import { ppoLossForward } from './ppo-loss-graph';
import { ppoLoss } from './ppo-loss';
import { RolloutScorer } from './rollout-scorer';

const arch = llamaFamily.architecture({
  model_type: 'llama', vocab_size: 23, hidden_size: 16, intermediate_size: 24, num_hidden_layers: 2, num_attention_heads: 2,
  num_key_value_heads: 1, rms_norm_eps: 1e-6, max_position_embeddings: 64, initializer_range: 0.4, tie_word_embeddings: false,
});
const rows = [{ queryIds: [1, 5, 7], responseIds: [9, 3, 2] }, { queryIds: [1, 4, 4, 8, 11], responseIds: [6] }];
const clip = { cliprange: 0.2, cliprangeValue: 0.2, vfCoef: 0.7 };

describe(ppoLossForward.name, () => {
  let backend: ReferenceBackend;
  beforeEach(async () => { backend = new ReferenceBackend(); await backend.init(); });
  afterEach(() => backend.dispose());

  it('equals ppoLoss() on the same numbers (loss and every logged statistic), with clipping on both sides', async () => {
    const specs = parametersWithHead(arch, 'value');
    const weights = initParameters(specs, 11);
    const store = ParameterStore.upload(backend, weights, specs.map((s) => s.name));
    const scorer = new RolloutScorer(backend, arch);
    const packed = packRollouts(rows, 0, 64);
    const current = await scorer.run('policy', packed, store.weightFeeds());
    // rollout-time quantities: the current ones moved by noise large enough that some ratios and values clip
    const rng = Rng.fromSeed(5);
    const noisy = (xs: Float64Array[], scale: number) => xs.map((row) => row.map((x) => x + scale * rng.normal()));
    const old = { logprobs: noisy(current.logprobs, 0.3), values: noisy(current.values!, 0.4) };
    const advantages = current.logprobs.map((row) => row.map(() => rng.normal()));
    const returns = current.logprobs.map((row) => row.map(() => rng.normal()));
    const flat = (xs: Float64Array[]) => xs.flatMap((row) => [...row]);
    const expected = ppoLoss({
      logprobs: flat(current.logprobs), oldLogprobs: flat(old.logprobs), values: flat(current.values!), oldValues: flat(old.values),
      advantages: flat(advantages), returns: flat(returns),
    }, clip);
    expect(expected.policyClipFraction).toBeGreaterThan(0);
    expect(expected.valueClipFraction).toBeGreaterThan(0);

    const f32 = (x: Float32Array) => backend.upload(hostTensor('float32', [packed.batch, packed.seq], x));
    const int64 = (x: number[]) => backend.upload(hostTensor('int64', [packed.batch, packed.seq], BigInt64Array.from(x, BigInt)));
    const feeds = {
      [graphNames.inputIds]: int64(packed.inputIds), [graphNames.attentionMask]: int64(packed.attentionMask), [ppoInputs.targets]: int64(packed.targets),
      [ppoInputs.mask]: f32(packed.mask), [ppoInputs.oldLogprobs]: f32(scatterRows(packed, old.logprobs)), [ppoInputs.oldValues]: f32(scatterRows(packed, old.values)),
      [ppoInputs.advantages]: f32(scatterRows(packed, advantages)), [ppoInputs.returns]: f32(scatterRows(packed, returns)),
    };
    const trainable = new Set(specs.map((s) => s.name));
    const sut = new StepRunner(backend, ppoLossForward(arch, trainable, clip), store, { weightDecay: 0 }, specs.map((s) => ({ name: s.name, dtype: 'float32' as const, shape: s.shape })));
    const result = await sut.step([{ feeds, dims: { batch: packed.batch, seq: packed.seq } }], 1e-3, 1);

    expect(result.loss).toBeCloseTo(expected.loss, 5);
    for (const key of ['policyLoss', 'valueLoss', 'policyClipFraction', 'valueClipFraction', 'approxKl'] as const) {
      expect(result.metrics[key]).toBeCloseTo(expected[key], 5);
    }
    expect(result.gradNorm).toBeGreaterThan(0);
    for (const t of Object.values(feeds)) t.dispose();
    await sut.dispose();
    await scorer.dispose();
    store.dispose();
  });
});

describe('PPO at a sampling temperature', () => {
  let backend: ReferenceBackend;
  beforeEach(async () => { backend = new ReferenceBackend(); await backend.init(); });
  afterEach(() => backend.dispose());

  // one query, two different one-token responses: the logprob gap between them is a gap of logits,
  // so at temperature T it is exactly the gap at temperature 1 divided by T
  const twoAnswers = [{ queryIds: [1, 5, 7], responseIds: [9] }, { queryIds: [1, 5, 7], responseIds: [3] }];

  it('the rollout logprobs are those of logits / temperature (gaps scale by 1 / T)', async () => {
    const specs = parametersWithHead(arch, 'value');
    const store = ParameterStore.upload(backend, initParameters(specs, 11), specs.map((s) => s.name));
    const packed = packRollouts(twoAnswers, 0, 64);
    const gap = async (temperature: number) => {
      const scorer = new RolloutScorer(backend, arch, temperature);
      const [policy, reference] = [await scorer.run('policy', packed, store.weightFeeds()), await scorer.run('reference', packed, store.weightFeeds())];
      await scorer.dispose();
      return [policy.logprobs[0]![0]! - policy.logprobs[1]![0]!, reference.logprobs[0]![0]! - reference.logprobs[1]![0]!];
    };
    const [atOne, atHalf, atFour] = [await gap(1), await gap(0.5), await gap(4)];
    expect(Math.abs(atOne[0]!)).toBeGreaterThan(1e-3);
    for (const k of [0, 1]) {
      expect(atHalf[k]).toBeCloseTo(atOne[k]! / 0.5, 4);
      expect(atFour[k]).toBeCloseTo(atOne[k]! / 4, 4);
    }
    store.dispose();
  });

  it('the loss graph uses the same tempered distribution: unchanged weights give ratio 1 (approx KL 0, no clipping)', async () => {
    const specs = parametersWithHead(arch, 'value');
    const store = ParameterStore.upload(backend, initParameters(specs, 11), specs.map((s) => s.name));
    const packed = packRollouts(rows, 0, 64);
    const temperature = 0.5;
    const scorer = new RolloutScorer(backend, arch, temperature);
    const old = await scorer.run('policy', packed, store.weightFeeds());
    const f32 = (x: Float32Array) => backend.upload(hostTensor('float32', [packed.batch, packed.seq], x));
    const int64 = (x: number[]) => backend.upload(hostTensor('int64', [packed.batch, packed.seq], BigInt64Array.from(x, BigInt)));
    const ones = old.logprobs.map((row) => row.map(() => 1));
    const feeds = {
      [graphNames.inputIds]: int64(packed.inputIds), [graphNames.attentionMask]: int64(packed.attentionMask), [ppoInputs.targets]: int64(packed.targets),
      [ppoInputs.mask]: f32(packed.mask), [ppoInputs.oldLogprobs]: f32(scatterRows(packed, old.logprobs)), [ppoInputs.oldValues]: f32(scatterRows(packed, old.values!)),
      [ppoInputs.advantages]: f32(scatterRows(packed, ones)), [ppoInputs.returns]: f32(scatterRows(packed, old.values!)),
    };
    const sut = new StepRunner(backend, ppoLossForward(arch, new Set(specs.map((s) => s.name)), { ...clip, temperature }), store, { weightDecay: 0 },
      specs.map((s) => ({ name: s.name, dtype: 'float32' as const, shape: s.shape })));
    const result = await sut.step([{ feeds, dims: { batch: packed.batch, seq: packed.seq } }], 1e-3, 1);
    // policy loss = mean(−A · ratio) with A = 1 and ratio = 1
    expect(result.metrics.policyLoss).toBeCloseTo(-1, 5);
    expect(result.metrics.approxKl).toBeCloseTo(0, 8);
    expect(result.metrics.policyClipFraction).toBe(0);
    for (const t of Object.values(feeds)) t.dispose();
    await sut.dispose();
    await scorer.dispose();
    store.dispose();
  });
});
