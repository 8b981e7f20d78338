// Slow (npm run test:slow): items/s of 25-shot m_ARC scoring at SmolLM-135M's shape (random weights, ONNX on
// CPU): shared-context batched (several items' contexts per prefill) vs shared-context unbatched (one
// context per prefill) vs naive full forward (one pass per choice), in the same run on the same items.
// OKAPI_EVAL_BENCH_ITEMS (default 4) = --limit; OKAPI_EVAL_BENCH_BATCH (default 4) = contexts per batch;
// OKAPI_EVAL_BENCH_LANG (default de: 25-shot contexts of 1,300-1,900 tokens fit the 2,048 context; vi's
// 2,600-3,400 do not, and a left-truncated context differs per choice length, so there is nothing to share).
import { resolve } from 'node:path';
import {
  FullForwardScorer, ResidentWeights, SharedContextScorer, arcTask, evalEncoderFor, initParameters, llamaFamily, loadTokenizer, runEvaluation,
  type EvalTextEncoder, type LogLikelihoodScorer, type ScoringModel, type TaskResult, type TensorBackend,
} from '@okapi/core';
import { createTestScope } from '@okapi/core/testing';
import onnxPlugin, { OnnxBackend } from '@okapi/backend-onnx';
import { llamaOnnxFixtureDir } from '../../fixtures-models/onnx-llama-fixture';

const smolLmShape = {
  model_type: 'llama', vocab_size: 49152, hidden_size: 576, intermediate_size: 1536, num_hidden_layers: 30,
  num_attention_heads: 9, num_key_value_heads: 3, max_position_embeddings: 2048, tie_word_embeddings: true,
};
const items = Number(process.env.OKAPI_EVAL_BENCH_ITEMS ?? 4);
const batch = Number(process.env.OKAPI_EVAL_BENCH_BATCH ?? 4);
const lang = process.env.OKAPI_EVAL_BENCH_LANG ?? 'de';
const dataDir = resolve(__dirname, '../../../../shared/fixtures/eval');

interface BenchPath {
  readonly name: string;
  readonly scorer: LogLikelihoodScorer & { dispose(): Promise<void> };
  /** Items per scorer call. */
  readonly batchSize: number;
}

interface Timing {
  readonly path: BenchPath;
  readonly result: TaskResult;
  /** Wall time of the pass, and the part spent compiling graph shapes (excluded from items/s). */
  readonly seconds: number;
  readonly compileSeconds: number;
  readonly itemsPerSecond: number;
}

/** The backend with `compile` timed, so the pass can be measured without graph compilation. */
function timedCompiles(backend: TensorBackend): { backend: TensorBackend; seconds: () => number; reset: () => void } {
  let seconds = 0;
  const timed = new Proxy(backend, {
    get(target, key, receiver) {
      if (key !== 'compile') return Reflect.get(target, key, receiver) as unknown;
      return async (...args: Parameters<TensorBackend['compile']>) => {
        const started = performance.now();
        const session = await target.compile(...args);
        seconds += (performance.now() - started) / 1000;
        return session;
      };
    },
  });
  return { backend: timed, seconds: () => seconds, reset: () => (seconds = 0) };
}

function paths(model: ScoringModel): BenchPath[] {
  return [
    { name: `shared-context, batched (${batch} contexts per prefill)`, scorer: new SharedContextScorer(model, batch), batchSize: batch },
    { name: 'shared-context, unbatched (1 context per prefill)', scorer: new SharedContextScorer(model, 1), batchSize: 1 },
    { name: 'naive full forward (1 pass per choice)', scorer: new FullForwardScorer(model, 1), batchSize: 1 },
  ];
}

/** Markdown table: items/s per path and its ratio to the naive and the unbatched path of the same run. */
function table(timings: readonly Timing[]): string {
  const naive = timings[2]!.itemsPerSecond;
  const unbatched = timings[1]!.itemsPerSecond;
  const rows = timings.map((t) => `| ${t.path.name} | ${t.result.n} | ${t.seconds.toFixed(1)} | ${t.compileSeconds.toFixed(1)} | ${t.itemsPerSecond.toFixed(4)} | ` +
    `${(t.itemsPerSecond / naive).toFixed(2)}x | ${(t.itemsPerSecond / unbatched).toFixed(2)}x |`);
  return ['| path | items | seconds | of which compiling | items/s (without compiling) | vs naive | vs unbatched |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

describe('25-shot m_ARC at SmolLM-135M shape (onnx, CPU)', () => {
  it('reports items/s for batched / unbatched shared-context and naive paths; all give the same scores', async () => {
    const t = createTestScope({ plugins: [onnxPlugin], config: { backend: { name: 'onnx' } } });
    const onnx = t.scope.resolve(OnnxBackend);
    await onnx.init();
    const compiles = timedCompiles(onnx);
    const backend = compiles.backend;
    const arch = llamaFamily.architecture(smolLmShape);
    const weights = ResidentWeights.upload(backend, initParameters(arch.parameters(), 0));
    // The fixture's LLaMA tokenizer stands in for SmolLM's (ids < 32000 fit the 49152 vocabulary).
    const encoder: EvalTextEncoder = evalEncoderFor(await loadTokenizer(llamaOnnxFixtureDir));
    const run = async (path: BenchPath, limit: number): Promise<TaskResult> => (await runEvaluation({ encoder, scorer: path.scorer }, {
      dataDir, runs: [{ task: arcTask, lang }], limit, batchSize: path.batchSize, logSamples: true,
    }))[0]!;
    const timings: Timing[] = [];
    for (const path of paths({ backend, arch, weights, maxLength: 2048 })) {
      // One pass per path (a warm-up pass would double the bench); compile time is measured and taken out.
      compiles.reset();
      const started = performance.now();
      const result = await run(path, items);
      const seconds = (performance.now() - started) / 1000;
      timings.push({ path, result, seconds, compileSeconds: compiles.seconds(), itemsPerSecond: result.n / (seconds - compiles.seconds()) });
      await path.scorer.dispose();
    }
    const contexts = timings[0]!.result.samples!.map((s) => s.context_tokens);
    console.log(`25-shot arc_${lang} (test split), ${items} items, contexts ${contexts.join('/')} tokens (max length 2048):\n${table(timings)}`);
    const reference = timings[2]!.result.samples!.flatMap((s) => s.loglikelihoods);
    for (const { result } of timings.slice(0, 2)) {
      result.samples!.flatMap((s) => s.loglikelihoods).forEach((x, i) => expect(Math.abs(x - reference[i]!)).toBeLessThan(1e-3 * Math.max(1, Math.abs(x))));
      expect(result.metrics).toEqual(timings[2]!.result.metrics);
    }
    weights.dispose();
    await onnx.dispose();
    await t.dispose();
  }, 3_000_000);
});
