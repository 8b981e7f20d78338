// Batched shared-context scoring on a tiny random BLOOM (ALiBi with 6 heads): left-padded contexts of very
// different lengths in one prefill must score as an unpadded full forward (ALiBi counts real tokens only).
import { FullForwardScorer, ResidentWeights, SharedContextScorer, runEvaluation, xcopaTask, type EvalTextEncoder, type LogLikelihoodRequest, type TensorBackend } from '@okapi/core';
import type { TestScope } from '@okapi/core/testing';
import { tinyBloomConfig, tinyModel } from '../fixtures-models/tiny-models';
import { directLogprob } from './direct-logprob';
import { backendScope, evalData, expectSameScores } from './llama-eval-harness';

const model = tinyModel(tinyBloomConfig(), 7);
const vocab = model.arch.config.vocabSize;

/** Deterministic ids in [4, vocab): a linear congruential sequence, no special tokens. */
function ids(length: number, seed: number): number[] {
  let x = seed;
  return Array.from({ length }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return 4 + (x % (vocab - 4));
  });
}

/** One token per code point, folded into the tiny vocabulary (ids ≥ 4). */
const foldedEncoder: EvalTextEncoder = { encode: async (text) => Array.from(text, (c) => 4 + (c.codePointAt(0)! % (vocab - 4))), endOfTextId: 2 };

describe('batched shared-context scoring on a tiny BLOOM (onnx)', () => {
  let t: TestScope;
  let backend: TensorBackend;
  let weights: ResidentWeights;
  beforeAll(async () => {
    ({ t, backend } = backendScope('onnx'));
    await backend.init();
    weights = ResidentWeights.upload(backend, model.weights);
  });
  afterAll(async () => {
    weights.dispose();
    await backend.dispose();
    await t.dispose();
  });
  const scoringModel = (maxLength: number) => ({ backend, arch: model.arch, weights, maxLength });

  it.each([1, 2, 5])('contexts of 1 to 57 tokens, %i per batch, equal a direct unpadded forward to 1e-4', async (batchSize) => {
    const contexts = [1, 23, 4, 57, 9].map((length, k) => ids(length, 11 + k));
    const requests: LogLikelihoodRequest[] = contexts.flatMap((context, k) => [1, 2, 6].map((length, c) => ({ context, continuation: ids(length, 100 * k + c) })));
    const sut = new SharedContextScorer(scoringModel(64), batchSize);
    const batched = await sut.loglikelihood(requests);
    const naive = await new FullForwardScorer(scoringModel(64), 15).loglikelihood(requests);
    for (const [i, r] of requests.entries()) {
      expect(Math.abs(batched[i]!.logprob - (await directLogprob(backend, model.arch, weights, r)))).toBeLessThan(1e-4);
      expect(batched[i]!.greedy).toBe(naive[i]!.greedy);
    }
    await sut.dispose();
  }, 60_000);

  it('xcopa_it with left truncation (max length 90): batched equals naive and unbatched', async () => {
    const options = { dataDir: evalData, runs: [{ task: xcopaTask, lang: 'it' }], limit: 8, batchSize: 8, logSamples: true };
    const [batched] = await runEvaluation({ encoder: foldedEncoder, scorer: new SharedContextScorer(scoringModel(90), 8) }, options);
    expect(batched!.samples!.some((s) => s.truncated_tokens > 0)).toBe(true);
    expect(batched!.samples!.some((s) => s.truncated_tokens === 0)).toBe(true);
    const [naive] = await runEvaluation({ encoder: foldedEncoder, scorer: new FullForwardScorer(scoringModel(90), 4) }, options);
    const [unbatched] = await runEvaluation({ encoder: foldedEncoder, scorer: new SharedContextScorer(scoringModel(90)) }, options);
    expectSameScores(batched!, naive!);
    expectSameScores(batched!, unbatched!);
  }, 60_000);
});
