import { hostTensor, type HostTensor } from '../../ir/host-tensor';
import { interpret } from '../../ir/interpret';
import { bloomFamily } from '../bloom/bloom-family';
import { llamaFamily } from '../llama/llama-family';
import type { ModelArchitecture } from '../model-architecture';
import { initParameters } from '../parameter-init';
import { buildCausalLmGraph } from './build-graphs';
import { buildDecoderGraph } from './decoder-graph';

// The growing-past decoder in the float64 interpreter (its sum dims bound from the feeds): a prefill,
// then one step fed the presents, gives the full forward's logits for the whole sequence.
describe('buildDecoderGraph', () => {
  const archs: [string, ModelArchitecture][] = [
    ['llama', llamaFamily.architecture({
      model_type: 'llama', vocab_size: 40, hidden_size: 8, intermediate_size: 16, num_hidden_layers: 1,
      num_attention_heads: 2, num_key_value_heads: 1, max_position_embeddings: 32,
    })],
    ['bloom', bloomFamily.architecture({ model_type: 'bloom', vocab_size: 40, hidden_size: 8, n_layer: 1, n_head: 2 })],
  ];

  it.each(archs)('%s: prefill + one step = full forward, with a left-padded row', (_name, arch) => {
    const weights = Object.fromEntries(initParameters(arch.parameters(), 3));
    const ids = [[3, 7, 11, 5], [0, 9, 2, 6]];
    const mask = [[1, 1, 1, 1], [0, 1, 1, 1]];
    const full = interpret(buildCausalLmGraph(arch, { batch: 'batch', seq: 'seq' }), { ...weights, input_ids: int64(ids), attention_mask: int64(mask) });

    const decoder = buildDecoderGraph(arch);
    const c = arch.config;
    const emptyPast = Object.fromEntries(Array.from({ length: c.numLayers }, (_, l) => [
      [`past_key_values.${l}.key`, hostTensor('float32', [2, c.numKvHeads, 0, c.headDim], [])],
      [`past_key_values.${l}.value`, hostTensor('float32', [2, c.numKvHeads, 0, c.headDim], [])],
    ]).flat());
    const positions = (rows: number[][]) => (arch.family === 'llama' ? { position_ids: int64(rows) } : {});
    const prefill = interpret(decoder, {
      ...weights, ...emptyPast, ...positions([[0, 1, 2], [0, 0, 1]]),
      input_ids: int64(ids.map((r) => r.slice(0, 3))), attention_mask: int64(mask.map((r) => r.slice(0, 3))),
    });
    expect(prefill['present.0.key'].shape).toEqual([2, c.numKvHeads, 3, c.headDim]);
    const past = Object.fromEntries(Object.entries(prefill).filter(([n]) => n.startsWith('present.')).map(([n, t]) => [n.replace('present.', 'past_key_values.'), toHost(t)]));
    const step = interpret(decoder, { ...weights, ...past, ...positions([[3], [2]]), input_ids: int64(ids.map((r) => [r[3]])), attention_mask: int64(mask) });
    expect(step['present.0.value'].shape).toEqual([2, c.numKvHeads, 4, c.headDim]);
    expect(step.logits.shape).toEqual([2, 1, c.vocabSize]);

    const vocab = c.vocabSize;
    const fullAt = (row: number, pos: number) => Array.from(full.logits.data.slice((row * 4 + pos) * vocab, (row * 4 + pos + 1) * vocab));
    for (const row of [0, 1]) {
      expect(maxDiff(Array.from(step.logits.data.slice(row * vocab, (row + 1) * vocab)), fullAt(row, 3))).toBeLessThan(1e-9);
      for (let pos = mask[row].indexOf(1); pos < 3; pos++) {
        expect(maxDiff(Array.from(prefill.logits.data.slice((row * 3 + pos) * vocab, (row * 3 + pos + 1) * vocab)), fullAt(row, pos))).toBeLessThan(1e-9);
      }
    }
  });
});

function int64(rows: number[][]): HostTensor {
  return hostTensor('int64', [rows.length, rows[0].length], rows.flat().map(BigInt));
}

function toHost(t: { shape: readonly number[]; data: ArrayLike<number> }): HostTensor {
  return hostTensor('float32', t.shape, Float32Array.from(t.data));
}

function maxDiff(a: readonly number[], b: readonly number[]): number {
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
}
