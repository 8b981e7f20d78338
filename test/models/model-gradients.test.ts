import {
  ReferenceBackend, createGraph, declareWeights, grad, hostTensor, lmHead, ops, parametersWithHead, sequenceScores, traceTrunk,
  type HostTensor, type ModelWeights,
} from '@okapi/core';
import { tinyBloomConfig, tinyLlamaConfig, tinyModel } from '../fixtures-models/tiny-models';

// Trainers differentiate these graphs; check the composed model's gradients against central finite
// differences on the float64 reference backend.
const ids = [[4, 5, 6, 7, 8], [0, 0, 9, 10, 11]];
const mask = [[1, 1, 1, 1, 1], [0, 0, 1, 1, 1]];

describe.each([
  ['llama', tinyLlamaConfig({ hidden_size: 8, intermediate_size: 12, num_attention_heads: 2, num_key_value_heads: 1, num_hidden_layers: 1, vocab_size: 13 }),
    ['model.embed_tokens.weight', 'model.layers.0.self_attn.k_proj.weight', 'model.layers.0.input_layernorm.weight', 'lm_head.weight', 'score.weight']],
  ['bloom', tinyBloomConfig({ hidden_size: 8, n_head: 2, n_layer: 1, vocab_size: 13 }),
    ['transformer.word_embeddings.weight', 'transformer.h.0.self_attention.query_key_value.bias', 'transformer.h.0.post_attention_layernorm.bias', 'score.weight']],
] as const)('%s model gradients', (_label, config, names) => {
  const model = tinyModel(config as Record<string, unknown>, 21, 'score');
  const g = createGraph('loss');
  const w = declareWeights(g, parametersWithHead(model.arch, 'score'));
  const batch = { inputIds: g.input('input_ids', 'int64', [2, 5]), attentionMask: g.input('attention_mask', 'int64', [2, 5]) };
  const { hidden } = traceTrunk(g, model.arch, w, batch);
  const vocab = model.arch.config.vocabSize;
  const weightsOfLogits = g.constant(hostTensor('float32', [2, 5, vocab], Array.from({ length: 10 * vocab }, (_, i) => Math.sin(i * 1.7))));
  const loss = ops.add(ops.reduceSum(ops.mul(lmHead(model.arch, w, hidden), weightsOfLogits), [], false),
    ops.reduceSum(sequenceScores(w, hidden, batch.attentionMask), [], false));
  g.output('loss', loss);
  grad(loss, names.map((n) => w(n))).forEach((d, i) => g.output(`grad:${names[i]}`, d));

  const backend = new ReferenceBackend();
  async function run(weights: ModelWeights): Promise<Record<string, HostTensor>> {
    const session = await backend.compile(g);
    const feeds = {
      ...Object.fromEntries([...weights].map(([n, t]) => [n, backend.upload(t)])),
      input_ids: backend.upload(hostTensor('int64', [2, 5], ids.flat())),
      attention_mask: backend.upload(hostTensor('int64', [2, 5], mask.flat())),
    };
    const out = await session.run(feeds);
    const host: Record<string, HostTensor> = {};
    for (const [n, t] of Object.entries(out)) host[n] = await backend.download(t);
    [...Object.values(feeds), ...Object.values(out)].forEach((t) => t.dispose());
    await session.dispose();
    return host;
  }

  it.each(names)('d loss / d %s matches central differences', async (name) => {
    const analytic = (await run(model.weights))[`grad:${name}`].data as Float32Array;
    const size = analytic.length;
    const eps = 1e-3;
    let largest = 0;
    for (const index of [0, Math.floor(size / 3), size - 1]) {
      const probe = (delta: number) => {
        const t = model.weights.get(name)!;
        const data = Float32Array.from(t.data);
        data[index] += delta;
        return run(new Map(model.weights).set(name, { ...t, data })).then((r) => (r.loss.data as Float32Array)[0]);
      };
      const numeric = ((await probe(eps)) - (await probe(-eps))) / (2 * eps);
      expect(Math.abs(analytic[index] - numeric)).toBeLessThan(2e-3 * Math.max(1, Math.abs(numeric)));
      largest = Math.max(largest, Math.abs(numeric));
    }
    expect(largest).toBeGreaterThan(1e-3); // the probes are not all in a flat spot
  }, 60_000);
});
