// Test-only: the tiny-random-llama-onnx fixture on the ONNX backend, wired for eval-harness checks.
import { resolve } from 'node:path';
import {
  ResidentWeights, evalEncoderFor, llamaFamily, loadTokenizer, runEvaluation, type EvalRun, type EvalTextEncoder,
  type EvaluationOptions, type LogLikelihoodRequest, type LogLikelihoodResult, type LogLikelihoodScorer, type ScoringModel, type TaskResult, type TensorBackend,
} from '@okapi/core';
import { createTestScope, type TestScope } from '@okapi/core/testing';
import onnxPlugin, { OnnxBackend } from '@okapi/backend-onnx';
import tfjsPlugin, { tfjsDescriptor } from '@okapi/backend-tfjs';
import { directLogprob } from './direct-logprob';
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

/** Numbers in ascending order, to compare logs written in different orders. */
export const sortedLogprobs = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);

/** Same per-item log-likelihoods (1e-4), greedy flags and metrics. */
export function expectSameScores(a: TaskResult, b: TaskResult): void {
  const x = a.samples!.flatMap((s) => s.loglikelihoods);
  const y = b.samples!.flatMap((s) => s.loglikelihoods);
  expect(x).toHaveLength(y.length);
  x.forEach((v, i) => expect(Math.abs(v - y[i]!)).toBeLessThan(1e-4));
  expect(a.samples!.map((s) => s.is_greedy)).toEqual(b.samples!.map((s) => s.is_greedy));
  expect(a.metrics).toEqual(b.metrics);
}

export interface LlamaEvalHarness {
  readonly encoder: EvalTextEncoder;
  model(maxLength: number): ScoringModel;
  /** Sum of log-softmax(logits)[token] over the continuation, from one unpadded full forward pass (float64 here). */
  directLogprob(request: LogLikelihoodRequest): Promise<number>;
  evaluate(scorer: LogLikelihoodScorer, runs: EvalRun[], options: Partial<EvaluationOptions>): Promise<TaskResult[]>;
  dispose(): Promise<void>;
}

export type HarnessBackend = 'onnx' | 'tfjs-wasm';

export function backendScope(kind: HarnessBackend): { t: TestScope; backend: TensorBackend } {
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
    encoder: evalEncoderFor(tokenizer),
    model: (maxLength) => ({ backend, arch, weights, maxLength }),
    directLogprob: (request) => directLogprob(backend, arch, weights, request),
    evaluate: (scorer, runs, options) =>
      runEvaluation({ encoder: evalEncoderFor(tokenizer), scorer }, { dataDir: evalData, runs, logSamples: true, batchSize: 2, ...options }),
    async dispose() {
      weights.dispose();
      await backend.dispose();
      await t.dispose();
    },
  };
}
