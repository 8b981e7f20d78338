import { GrowingPastRunner, buildDecoderGraph, type PaddedPrompts } from '@okapi/core';
import { onnx } from 'onnx-proto';
import { tinyBloomConfig, tinyLlamaConfig, tinyModel } from '../fixtures-models/tiny-models';
import { createOnnxTestBackend, type OnnxTestBackend } from './onnx-test-backend';

let t: OnnxTestBackend;
beforeAll(async () => { t = await createOnnxTestBackend(); }, 30_000);
afterAll(async () => { await t.dispose(); });

// head size 8: onnxruntime's GroupQueryAttention takes multiples of 8 only
const families = [
  ['llama (4 query heads over 2 KV heads, RoPE)', tinyLlamaConfig(), ['GroupQueryAttention', 'RotaryEmbedding']],
  ['bloom (6 heads, ALiBi)', tinyBloomConfig({ hidden_size: 48 }), ['GroupQueryAttention']],
] as const;

/** Left-padded prompts of 7, 3 and 5 tokens. */
const prompts: PaddedPrompts = {
  inputIds: [[5, 6, 7, 8, 9, 10, 11], [0, 0, 0, 0, 12, 13, 14], [0, 0, 15, 16, 17, 18, 19]],
  attentionMask: [[1, 1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 1, 1]],
};

/** Logits of a prefill and 4 decode steps, then of a one-token prompt (prefill of length 1) and 2 steps. */
async function trace(runner: GrowingPastRunner): Promise<Float32Array[][]> {
  const steps = [await runner.prefill(prompts, 5)];
  for (let i = 0; i < 4; i++) steps.push(await runner.decode([20 + i, 30 + i, 40 + i]));
  steps.push(await runner.prefill({ inputIds: [[9]], attentionMask: [[1]] }, 3));
  for (let i = 0; i < 2; i++) steps.push(await runner.decode([11 + i]));
  runner.end();
  return steps;
}

describe.each(families)('GrowingPastRunner with fused attention: %s', (_label, config, contribOps) => {
  it('lowers each layer to the fused contrib ops', () => {
    const model = tinyModel(config, 2);
    const graph = buildDecoderGraph(model.arch, undefined, { fusedAttention: true });
    const dims = { batch_size: 2, sequence_length: 3, past_sequence_length: 2 };
    const types = onnx.ModelProto.decode(t.backend.lower(graph, dims)).graph!.node.map((n) => n.opType);
    for (const op of contribOps) expect(types.filter((type) => type === op)).toHaveLength(op === 'RotaryEmbedding' ? 4 : 2);
    expect(types).not.toContain('Softmax');
  });

  it('gives the decomposed runner\'s logits (1e-4) on a left-padded batch and on a one-token prompt', async () => {
    const model = tinyModel(config, 2);
    const fused = GrowingPastRunner.create(t.backend, model.arch, model.weights, { maxLength: 32 });
    const plain = GrowingPastRunner.create(t.backend, model.arch, model.weights, { maxLength: 32, fusedAttention: false });
    const [got, want] = [await trace(fused), await trace(plain)];
    await fused.dispose();
    await plain.dispose();
    want.forEach((step, s) => step.forEach((row, r) => row.forEach((w, i) => {
      expect(Math.abs(got[s][r][i] - w)).toBeLessThan(1e-4 * (1 + Math.abs(w)));
    })));
  }, 60_000);
});
