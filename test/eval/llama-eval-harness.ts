// Test-only: the tiny-random-llama-onnx fixture on the ONNX backend, wired for eval-harness checks.
import { resolve } from 'node:path';
import {
  ResidentWeights, buildCausalLmGraph, evalEncoderFor, hostTensor, llamaFamily, loadTokenizer, runEvaluation, type EvalRun,
  type EvaluationOptions, type LogLikelihoodRequest, type LogLikelihoodResult, type LogLikelihoodScorer, type ScoringModel, type TaskResult, type TensorBackend,
} from '@okapi/core';
import { createTestScope, type TestScope } from '@okapi/core/testing';
import onnxPlugin, { OnnxBackend } from '@okapi/backend-onnx';
import tfjsPlugin, { tfjsDescriptor } from '@okapi/backend-tfjs';
import { llamaOnnxFixtureConfig, llamaOnnxFixtureDir, loadLlamaOnnxFixtureWeights } from '../fixtures-models/onnx-llama-fixture';

export const evalData = resolve(__dirname, '../../../shared/fixtures/eval');

/** Records what the harness asked and what the scorer answered. */
export class RecordingScorer implements LogLikelihoodScorer {
  readonly seen: { request: LogLikelihoodRequest; result: LogLikelihoodResult }[] = [];
  constructor(private readonly inner: LogLikelihoodScorer) {}
  get maxLength(): number { return this.inner.maxLength; }
  async loglikelihood(requests: readonly LogLikelihoodRequest[]): Promise<LogLikelihoodResult[]> {
    const results = await this.inner.loglikelihood(requests);
    requests.forEach((request, i) => this.seen.push({ request, result: results[i]! }));
    return results;
  }
}

export interface LlamaEvalHarness {
  model(maxLength: number): ScoringModel;
  /** Sum of log-softmax(logits)[token] over the continuation, from one unpadded full forward pass (float64 here). */
  directLogprob(request: LogLikelihoodRequest): Promise<number>;
  evaluate(scorer: LogLikelihoodScorer, runs: EvalRun[], options: Partial<EvaluationOptions>): Promise<TaskResult[]>;
  dispose(): Promise<void>;
}

export type HarnessBackend = 'onnx' | 'tfjs-wasm';

function backendScope(kind: HarnessBackend): { t: TestScope; backend: TensorBackend } {
  if (kind === 'onnx') {
    const t = createTestScope({ plugins: [onnxPlugin], config: { backend: { name: 'onnx', threads: 1 } } });
    return { t, backend: t.scope.resolve(OnnxBackend) };
  }
  const t = createTestScope({ plugins: [tfjsPlugin], config: { backend: { name: 'tfjs', device: 'wasm' }, tfjs: { engine: 'wasm' } } });
  return { t, backend: t.scope.resolve(tfjsDescriptor.useClass) };
}

export async function createLlamaEvalHarness(kind: HarnessBackend = 'onnx'): Promise<LlamaEvalHarness> {
  const arch = llamaFamily.architecture(llamaOnnxFixtureConfig, 'fixture config');
  const { t, backend } = backendScope(kind);
  await backend.init();
  const weights = ResidentWeights.upload(backend, loadLlamaOnnxFixtureWeights());
  const tokenizer = await loadTokenizer(llamaOnnxFixtureDir);
  return {
    model: (maxLength) => ({ backend, arch, weights, maxLength }),
    async directLogprob(request) {
      const tokens = [...request.context, ...request.continuation];
      const seq = tokens.length - 1;
      const session = await backend.compile(buildCausalLmGraph(arch, { batch: 1, seq }));
      const ids = backend.upload(hostTensor('int64', [1, seq], tokens.slice(0, -1)));
      const mask = backend.upload(hostTensor('int64', [1, seq], new Array(seq).fill(1)));
      const out = await session.run({ ...weights.tensors, input_ids: ids, attention_mask: mask });
      const logits = (await backend.download(out.logits)).data as Float32Array;
      [ids, mask, out.logits].forEach((x) => x.dispose());
      await session.dispose();
      const vocab = arch.config.vocabSize;
      let total = 0;
      request.continuation.forEach((token, i) => {
        const row = logits.subarray((request.context.length - 1 + i) * vocab, (request.context.length + i) * vocab);
        let max = -Infinity;
        for (const x of row) max = Math.max(max, x);
        let sum = 0;
        for (const x of row) sum += Math.exp(x - max);
        total += row[token]! - max - Math.log(sum);
      });
      return total;
    },
    evaluate: (scorer, runs, options) =>
      runEvaluation({ encoder: evalEncoderFor(tokenizer), scorer }, { dataDir: evalData, runs, logSamples: true, batchSize: 2, ...options }),
    async dispose() {
      weights.dispose();
      await backend.dispose();
      await t.dispose();
    },
  };
}
