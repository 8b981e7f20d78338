// The batched shared-context path (several items' contexts left-padded into one prefill, all their choices
// in one continuation pass) against independent truth on the tiny-random-llama-onnx fixture (onnx):
// a plain unpadded full forward per request, and the naive full-forward scorer.
import { FullForwardScorer, SharedContextScorer, xcopaTask, type LogLikelihoodRequest } from '@okapi/core';
import { createLlamaEvalHarness, expectSameScores, RecordingScorer, type LlamaEvalHarness } from './llama-eval-harness';

describe('batched shared-context scoring on the tiny LLaMA fixture (onnx)', () => {
  let h: LlamaEvalHarness;
  beforeAll(async () => {
    h = await createLlamaEvalHarness();
  }, 30_000);
  afterAll(() => h.dispose());

  it('one batch of contexts of 1 to 150+ tokens equals a direct unpadded forward per request to 1e-4', async () => {
    const premise = "L'uomo aprì il rubinetto. Il bagno si riempì d'acqua. ";
    const texts = ['Il', premise, premise.repeat(8)];
    const contexts = await Promise.all(texts.map((t) => h.encoder.encode(t)));
    const choices = await Promise.all([' sì', ' perché la pioggia cadeva forte sul tetto', ' quindi'].map((c) => h.encoder.encode(c)));
    expect(contexts[0]!.length).toBeLessThan(3);
    expect(contexts[2]!.length).toBeGreaterThan(150);
    const requests: LogLikelihoodRequest[] = contexts.flatMap((context) => choices.map((continuation) => ({ context, continuation })));
    const sut = new SharedContextScorer(h.model(2048), 3);
    const batched = await sut.loglikelihood(requests);
    const naive = await new FullForwardScorer(h.model(2048), 9).loglikelihood(requests);
    for (const [i, r] of requests.entries()) {
      expect(Math.abs(batched[i]!.logprob - (await h.directLogprob(r)))).toBeLessThan(1e-4);
      expect(batched[i]!.greedy).toBe(naive[i]!.greedy);
    }
    await sut.dispose();
  }, 60_000);

  it('xcopa_it: a batch of 3 items equals the direct forward to 1e-4 and the naive path', async () => {
    const run = { task: xcopaTask, lang: 'it' };
    const shared = new RecordingScorer(new SharedContextScorer(h.model(2048), 3));
    const [batched] = await h.evaluate(shared, [run], { limit: 3, batchSize: 3 });
    expect(shared.seen).toHaveLength(6);
    for (const { request, result } of shared.seen) expect(Math.abs(result.logprob - (await h.directLogprob(request)))).toBeLessThan(1e-4);
    const [naive] = await h.evaluate(new FullForwardScorer(h.model(2048), 4), [run], { limit: 3, batchSize: 3 });
    expectSameScores(batched!, naive!);
  }, 60_000);
});
