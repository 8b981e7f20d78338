// The "must show" checks of the eval harness on the tiny-random-llama-onnx fixture, on the ONNX backend,
// over m_ARC, m_MMLU and XCOPA with real few-shot contexts: per-item log-likelihoods equal a direct
// computation (a plain full forward pass) to 1e-4, and the shared-context path (unbatched and with several
// items' contexts per batch) equals the naive path.
import { FullForwardScorer, SharedContextScorer, arcTask, mmluTask, xcopaTask, type EvalRun } from '@okapi/core';
import { createLlamaEvalHarness, expectSameScores, RecordingScorer, sortedLogprobs, type LlamaEvalHarness } from '../../eval/llama-eval-harness';

describe('eval harness on the tiny LLaMA fixture (onnx), full', () => {
  let h: LlamaEvalHarness;
  beforeAll(async () => {
    h = await createLlamaEvalHarness();
  }, 30_000);
  afterAll(() => h.dispose());

  it.each([
    ['arc_vi, 2-shot, validation', [{ task: arcTask, lang: 'vi' }], { shots: 2, limit: 3, split: 'validation' as const }],
    ['mmlu_de, 1-shot, validation', [{ task: mmluTask, lang: 'de' }], { shots: 1, limit: 2, split: 'validation' as const }],
    ['xcopa_it, 0-shot, test', [{ task: xcopaTask, lang: 'it' }], { limit: 3 }],
  ])('%s: shared-context log-likelihoods equal a direct full forward to 1e-4', async (_name, runs, options) => {
    const shared = new RecordingScorer(new SharedContextScorer(h.model(2048)));
    const [result] = await h.evaluate(shared, runs, options);
    expect(shared.seen.length).toBeGreaterThan(0);
    for (const { request, result: r } of shared.seen) expect(Math.abs(r.logprob - (await h.directLogprob(request)))).toBeLessThan(1e-4);
    // Items are scored longest context first; the logged samples hold the same numbers in doc order.
    expect(sortedLogprobs(result!.samples!.flatMap((s) => s.loglikelihoods))).toEqual(sortedLogprobs(shared.seen.map((s) => s.result.logprob)));
  }, 180_000);

  it('shared-context and naive paths agree per item and in metrics, with left truncation (max length 96)', async () => {
    const runs = [{ task: arcTask, lang: 'vi' }, { task: mmluTask, lang: 'vi' }];
    const options = { shots: 3, limit: 4, split: 'validation' as const };
    const shared = await h.evaluate(new SharedContextScorer(h.model(96)), runs, options);
    const naive = await h.evaluate(new FullForwardScorer(h.model(96), 3), runs, options);
    for (const [k, result] of shared.entries()) {
      expect(result.samples!.some((s) => s.truncated_tokens > 0)).toBe(true);
      const a = result.samples!.flatMap((s) => s.loglikelihoods);
      const b = naive[k]!.samples!.flatMap((s) => s.loglikelihoods);
      a.forEach((x, i) => expect(Math.abs(x - b[i]!)).toBeLessThan(1e-4));
      expect(result.samples!.map((s) => s.is_greedy)).toEqual(naive[k]!.samples!.map((s) => s.is_greedy));
      expect(result.metrics).toEqual(naive[k]!.metrics);
    }
  }, 180_000);

  it.each<[string, EvalRun, { shots?: number; limit: number; split?: 'validation' }]>([
    ['arc_vi, 2-shot, validation', { task: arcTask, lang: 'vi' }, { shots: 2, limit: 4, split: 'validation' }],
    ['mmlu_de, 1-shot, validation', { task: mmluTask, lang: 'de' }, { shots: 1, limit: 4, split: 'validation' }],
    ['xcopa_it, 0-shot, test', { task: xcopaTask, lang: 'it' }, { limit: 4 }],
  ])('%s: batch of 4 items equals the direct forward to 1e-4 and the naive path', async (_name, run, options) => {
    const shared = new RecordingScorer(new SharedContextScorer(h.model(2048), 4));
    const [batched] = await h.evaluate(shared, [run], { ...options, batchSize: 4 });
    for (const { request, result } of shared.seen) expect(Math.abs(result.logprob - (await h.directLogprob(request)))).toBeLessThan(1e-4);
    const [naive] = await h.evaluate(new FullForwardScorer(h.model(2048), 4), [run], { ...options, batchSize: 4 });
    expectSameScores(batched!, naive!);
  }, 60_000);

  it('truncated and untruncated contexts in one batch (max length 100) equal the naive path', async () => {
    const runs = [{ task: arcTask, lang: 'vi' }];
    const options = { shots: 0, limit: 4, split: 'validation' as const, batchSize: 4 };
    const [batched] = await h.evaluate(new SharedContextScorer(h.model(100), 4), runs, options);
    expect(batched!.samples!.some((s) => s.truncated_tokens > 0)).toBe(true);
    expect(batched!.samples!.some((s) => s.truncated_tokens === 0)).toBe(true);
    const [naive] = await h.evaluate(new FullForwardScorer(h.model(100), 4), runs, options);
    expectSameScores(batched!, naive!);
  }, 60_000);
});
