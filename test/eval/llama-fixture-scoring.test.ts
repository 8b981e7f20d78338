// Fast "must show" checks on the tiny-random-llama-onnx fixture (the fuller run is test/slow/eval/):
// per-item log-likelihoods equal a direct full forward to 1e-4; shared-context path equals naive path.
import { FullForwardScorer, SharedContextScorer, xcopaTask } from '@okapi/core';
import { createLlamaEvalHarness, RecordingScorer, sortedLogprobs, type LlamaEvalHarness } from './llama-eval-harness';

describe('eval scorers on the tiny LLaMA fixture (onnx)', () => {
  let h: LlamaEvalHarness;
  beforeAll(async () => {
    h = await createLlamaEvalHarness();
  }, 30_000);
  afterAll(() => h.dispose());

  it('xcopa_it: shared-context log-likelihoods equal a direct full forward to 1e-4', async () => {
    const shared = new RecordingScorer(new SharedContextScorer(h.model(2048)));
    const [result] = await h.evaluate(shared, [{ task: xcopaTask, lang: 'it' }], { limit: 2 });
    expect(shared.seen).toHaveLength(4);
    // No special tokens: the Llama-2 tokenizer's BOS (<s> = 1) is never prepended to context or continuation.
    for (const { request } of shared.seen) expect([request.context[0], request.continuation[0]]).not.toContain(1);
    for (const { request, result: r } of shared.seen) expect(Math.abs(r.logprob - (await h.directLogprob(request)))).toBeLessThan(1e-4);
    // Items are scored longest context first; the logged samples hold the same numbers in doc order.
    expect(sortedLogprobs(result!.samples!.flatMap((s) => s.loglikelihoods))).toEqual(sortedLogprobs(shared.seen.map((s) => s.result.logprob)));
  }, 60_000);

  it('shared-context (2 contexts per batch) and naive paths agree with left truncation (max length 24)', async () => {
    const runs = [{ task: xcopaTask, lang: 'it' }];
    const [shared] = await h.evaluate(new SharedContextScorer(h.model(24), 2), runs, { limit: 2 });
    const [naive] = await h.evaluate(new FullForwardScorer(h.model(24), 2), runs, { limit: 2 });
    expect(shared!.samples!.some((s) => s.truncated_tokens > 0)).toBe(true);
    const a = shared!.samples!.flatMap((s) => s.loglikelihoods);
    naive!.samples!.flatMap((s) => s.loglikelihoods).forEach((b, i) => expect(Math.abs(a[i]! - b)).toBeLessThan(1e-4));
    expect(shared!.metrics).toEqual(naive!.metrics);
  }, 60_000);
});
