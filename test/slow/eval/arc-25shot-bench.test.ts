// Slow (npm run test:slow): items/s of 25-shot m_ARC scoring at SmolLM-135M's shape (random weights,
// ONNX on CPU), shared-context (KV cache) path vs naive full forward, in the same run on the same items.
import { resolve } from 'node:path';
import {
  FullForwardScorer, ResidentWeights, SharedContextScorer, arcTask, evalEncoderFor, initParameters, llamaFamily, loadTokenizer, runEvaluation,
  type LogLikelihoodScorer, type TaskResult,
} from '@okapi/core';
import { createTestScope } from '@okapi/core/testing';
import onnxPlugin, { OnnxBackend } from '@okapi/backend-onnx';
import { llamaOnnxFixtureDir } from '../../fixtures-models/onnx-llama-fixture';

const smolLmShape = {
  model_type: 'llama', vocab_size: 49152, hidden_size: 576, intermediate_size: 1536, num_hidden_layers: 30,
  num_attention_heads: 9, num_key_value_heads: 3, max_position_embeddings: 2048, tie_word_embeddings: true,
};
const items = Number(process.env.OKAPI_EVAL_BENCH_ITEMS ?? 3);

describe('25-shot m_ARC at SmolLM-135M shape (onnx, CPU)', () => {
  it('reports items/s for the shared-context and naive paths; both give the same metrics', async () => {
    const t = createTestScope({ plugins: [onnxPlugin], config: { backend: { name: 'onnx' } } });
    const backend = t.scope.resolve(OnnxBackend);
    await backend.init();
    const arch = llamaFamily.architecture(smolLmShape);
    const weights = ResidentWeights.upload(backend, initParameters(arch.parameters(), 0));
    // The fixture's LLaMA tokenizer stands in for SmolLM's (ids < 32000 fit the 49152 vocabulary).
    const encoder = evalEncoderFor(await loadTokenizer(llamaOnnxFixtureDir));
    const model = { backend, arch, weights, maxLength: 2048 };
    const run = (scorer: LogLikelihoodScorer): Promise<TaskResult[]> => runEvaluation({ encoder, scorer }, {
      dataDir: resolve(__dirname, '../../../../shared/fixtures/eval'), runs: [{ task: arcTask, lang: 'vi' }], limit: items, batchSize: 1, logSamples: true,
    });
    const shared = new SharedContextScorer(model);
    const naive = new FullForwardScorer(model, 1);
    // First pass compiles each graph shape (untimed for the comparison); the second pass is steady state.
    const [coldShared] = await run(shared);
    const [coldNaive] = await run(naive);
    const [a] = await run(shared);
    const [b] = await run(naive);
    console.log(`25-shot arc_vi, ${items} items, contexts ${a!.samples!.map((s) => s.context_tokens).join('/')} tokens (truncated to 2048); ` +
      `with compilation: shared-context ${coldShared!.itemsPerSecond.toFixed(3)} items/s, naive ${coldNaive!.itemsPerSecond.toFixed(3)} items/s; ` +
      `compiled: shared-context ${a!.itemsPerSecond.toFixed(3)} items/s, naive ${b!.itemsPerSecond.toFixed(3)} items/s, ` +
      `speed-up ${(a!.itemsPerSecond / b!.itemsPerSecond).toFixed(2)}x`);
    const la = a!.samples!.flatMap((s) => s.loglikelihoods);
    b!.samples!.flatMap((s) => s.loglikelihoods).forEach((x, i) => expect(Math.abs(x - la[i]!)).toBeLessThan(1e-3 * Math.max(1, Math.abs(x))));
    expect(a!.metrics).toEqual(b!.metrics);
    await shared.dispose();
    await naive.dispose();
    weights.dispose();
    await backend.dispose();
    await t.dispose();
  }, 3_000_000);
});
