// The same model evaluated on the ONNX and the tfjs (wasm) backend gives the same log-likelihoods and metrics,
// with batching on: the 3 items' contexts share one left-padded prefill and one continuation pass.
import { SharedContextScorer, xcopaTask, type TaskResult } from '@okapi/core';
import { createLlamaEvalHarness, type HarnessBackend } from './llama-eval-harness';

async function evaluateOn(kind: HarnessBackend): Promise<TaskResult> {
  const h = await createLlamaEvalHarness(kind);
  try {
    const [result] = await h.evaluate(new SharedContextScorer(h.model(2048), 3), [{ task: xcopaTask, lang: 'it' }], { limit: 3, batchSize: 3 });
    return result!;
  } finally {
    await h.dispose();
  }
}

describe('eval on ONNX vs tfjs', () => {
  it('xcopa_it, 3 contexts per batch: same per-item log-likelihoods (1e-4) and same metrics', async () => {
    const onnx = await evaluateOn('onnx');
    const tfjs = await evaluateOn('tfjs-wasm');
    const a = onnx.samples!.flatMap((s) => s.loglikelihoods);
    const b = tfjs.samples!.flatMap((s) => s.loglikelihoods);
    expect(a).toHaveLength(6);
    a.forEach((x, i) => expect(Math.abs(x - b[i]!)).toBeLessThan(1e-4));
    expect(tfjs.metrics).toEqual(onnx.metrics);
  }, 120_000);
});
