import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bloomFamily, buildDecoderGraph, hostTensor, initParameters, llamaFamily, type ModelWeights,
} from '@okapi/core';
import { createTestScope, referenceCausalLmLogits, type TestScope } from '@okapi/core/testing';
import { OnnxBackend } from '../onnx-backend';
import { loadOrt } from '../ort/load-ort';
import onnxPlugin from '../plugin';
import { greedyWithExportedDecoder } from './exported-decoder';

// The exported growing-past decoder, run step by step in plain onnxruntime, must give the logits of
// the float64 reference full forward over the whole (prompt + generated) sequence.
describe('exported decoder with a growing past', () => {
  let t: TestScope;
  let backend: OnnxBackend;
  let dir: string;

  beforeAll(async () => {
    t = createTestScope({ plugins: [onnxPlugin], config: { backend: { threads: 1 } } });
    backend = t.scope.resolve(OnnxBackend);
    dir = await mkdtemp(join(tmpdir(), 'okapi-decoder-export-'));
  });
  afterAll(async () => {
    await backend.dispose();
    await t.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  const families = [
    ['llama (GQA: 4 heads, 2 KV heads)', llamaFamily.architecture({
      model_type: 'llama', vocab_size: 60, hidden_size: 16, intermediate_size: 32, num_hidden_layers: 2,
      num_attention_heads: 4, num_key_value_heads: 2, max_position_embeddings: 64,
    })],
    ['bloom (ALiBi, 3 heads)', bloomFamily.architecture({ model_type: 'bloom', vocab_size: 60, hidden_size: 18, n_layer: 2, n_head: 3 })],
  ] as const;

  it.each(families)('%s: prefill of a left-padded batch then 4 decode steps match the full forward (1e-4)', async (_name, arch) => {
    const weights = spreadWeights(initParameters(arch.parameters(), 11));
    const path = join(dir, `${arch.family}.onnx`);
    await backend.exportModel(buildDecoderGraph(arch), { path, weights: Object.fromEntries(weights) });
    const session = await loadOrt().InferenceSession.create(path);
    const c = arch.config;
    expect(session.inputNames).toEqual([
      'input_ids', 'attention_mask', ...(arch.family === 'llama' ? ['position_ids'] : []),
      ...Array.from({ length: c.numLayers }, (_, l) => [`past_key_values.${l}.key`, `past_key_values.${l}.value`]).flat(),
    ]);
    const pastMeta = session.inputMetadata.find((m) => m.name === 'past_key_values.0.key');
    expect(pastMeta?.isTensor && pastMeta.shape).toEqual(['batch_size', c.numKvHeads, 'past_sequence_length', c.headDim]);

    const prompts = { ids: [[5, 9, 13, 2, 44], [0, 0, 7, 8, 31]], mask: [[1, 1, 1, 1, 1], [0, 0, 1, 1, 1]] };
    const steps = 4;
    const run = await greedyWithExportedDecoder(session, prompts, steps);
    expect(run.logits[0].dims).toEqual([2, 5, c.vocabSize]);
    expect(run.logits[steps].dims).toEqual([2, 1, c.vocabSize]);

    const expected = Array.from(await referenceCausalLmLogits(arch, weights, run.ids, run.mask));
    const total = 5 + steps;
    let worst = 0;
    run.logits.forEach((tensor, call) => {
      const [, seq] = tensor.dims;
      const start = call === 0 ? 0 : 5 + call - 1;
      const got = tensor.data as Float32Array;
      for (let row = 0; row < 2; row++) {
        for (let s = 0; s < seq; s++) {
          if (run.mask[row][start + s] === 0) continue; // pads attend to nothing: meaningless in any runtime
          for (let v = 0; v < c.vocabSize; v++) {
            const want = expected[((row * total) + start + s) * c.vocabSize + v];
            worst = Math.max(worst, Math.abs(got[(row * seq + s) * c.vocabSize + v] - want));
          }
        }
      }
    });
    expect(worst).toBeLessThan(1e-4);
    expect(Math.max(...expected.map(Math.abs))).toBeGreaterThan(1); // logits large enough for 1e-4 to mean something
    await session.release();
  }, 60_000);

  /** HF init (std 0.02) gives near-zero logits; larger random weights make every path visible in them. */
  function spreadWeights(weights: ModelWeights): ModelWeights {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
    return new Map([...weights].map(([name, w]) => [name, hostTensor('float32', w.shape, Float32Array.from(w.data as Float32Array, (x) => x + next()))]));
  }

  it('with num_logits_to_keep: 1 gives only the last position\'s logits (= the full forward\'s), 0 every position', async () => {
    const arch = families[0][1];
    const weights = spreadWeights(initParameters(arch.parameters(), 12));
    const path = join(dir, 'keep.onnx');
    await backend.exportModel(buildDecoderGraph(arch, undefined, { numLogitsToKeep: true }), { path, weights: Object.fromEntries(weights) });
    const session = await loadOrt().InferenceSession.create(path);
    expect(session.inputNames).toContain('num_logits_to_keep');
    const prompts = { ids: [[5, 9, 13, 2], [0, 7, 8, 31]], mask: [[1, 1, 1, 1], [0, 1, 1, 1]] };
    const all = await greedyWithExportedDecoder(session, prompts, 2);
    const last = await greedyWithExportedDecoder(session, prompts, 2, { numLogitsToKeep: 1 });
    const vocab = arch.config.vocabSize;
    expect(all.logits[0].dims).toEqual([2, 4, vocab]);
    expect(last.logits[0].dims).toEqual([2, 1, vocab]);
    expect(last.ids).toEqual(all.ids);
    const expected = Array.from(await referenceCausalLmLogits(arch, weights, all.ids, all.mask));
    const got = last.logits[0].data as Float32Array;
    for (const row of [0, 1]) {
      const want = expected.slice((row * 6 + 3) * vocab, (row * 6 + 4) * vocab);
      expect(Math.max(...want.map((v, i) => Math.abs(v - got[row * vocab + i])))).toBeLessThan(1e-4);
    }
    await session.release();
  });
});
