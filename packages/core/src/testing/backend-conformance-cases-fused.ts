import type { OpCase } from '../ir/check/op-case';
import { ops } from '../ir';
import { f32, i64 } from './backend-conformance-inputs';

/** Fused ops; expected values computed by hand / with Python's math module from the HF definitions. */
export const fusedCases: readonly OpCase[] = [
  {
    name: 'LayerNorm', op: 'LayerNorm', inputs: [f32('x', [1, 4], [1, 2, 3, 4]), f32('scale', [4], [1, 1, 2, 2]), f32('bias', [4], [0, 0, 0, 1])],
    build: ([x, s, b]) => ops.layerNorm(x, s, b, 1e-5), expected: [-1.3416354199689269, -0.447211806656309, 0.894423613312618, 3.6832708399378538],
  },
  { name: 'LayerNorm random', op: 'LayerNorm', inputs: [f32('x', [3, 5]), f32('scale', [5]), f32('bias', [5])], build: ([x, s, b]) => ops.layerNorm(x, s, b) },
  {
    name: 'RMSNorm', op: 'RMSNorm', inputs: [f32('x', [1, 2], [3, 4]), f32('scale', [2], [1, 2])],
    build: ([x, s]) => ops.rmsNorm(x, s, 1e-6), expected: [0.8485281034827336, 2.2627416092872896],
  },
  { name: 'RMSNorm random', op: 'RMSNorm', inputs: [f32('x', [2, 3, 4]), f32('scale', [4])], build: ([x, s]) => ops.rmsNorm(x, s) },
  {
    name: 'Rotary rotate_half layout', op: 'Rotary',
    inputs: [f32('x', [1, 4], [1, 2, 3, 4]), f32('cos', [4], [0.5, 1, 0.5, 1]), f32('sin', [4], [0.25, 0, 0.25, 0])],
    build: ([x, c, s]) => ops.rotary(x, c, s), expected: [-0.25, 2, 1.75, 4],
  },
  {
    name: 'Rotary random [b, h, s, d]', op: 'Rotary', inputs: [f32('x', [1, 2, 3, 4]), f32('cos', [1, 1, 3, 4]), f32('sin', [1, 1, 3, 4])],
    build: ([x, c, s]) => ops.rotary(x, c, s),
  },
  {
    name: 'AlibiBias with left padding', op: 'AlibiBias', inputs: [i64('mask', [2, 3], [1, 1, 1, 0, 1, 1])],
    build: ([m]) => ops.alibiBias(m, 2),
    expected: [0, 0.0625, 0.125, 0, 0.00390625, 0.0078125, 0, 0, 0.0625, 0, 0, 0.00390625], expectedShape: [2, 2, 1, 3],
  },
  {
    // 2 query heads over 1 K/V head, scale 0.5: softmax([0.5, 0]) and softmax([0, 1]) weigh v rows [1, 2], [3, 4]
    name: 'CausalAttention grouped-query', op: 'CausalAttention',
    inputs: [f32('q', [1, 2, 1, 2], [1, 0, 0, 2]), f32('k', [1, 1, 2, 2], [1, 0, 0, 1]), f32('v', [1, 1, 2, 2], [1, 2, 3, 4]), i64('mask', [1, 1, 1, 2], [1, 1])],
    build: ([q, k, v, m]) => ops.causalAttention({ q, k, v, allowed: ops.greater(m, 0), scale: 0.5, maskedScore: -3.4028234663852886e38 }),
    expected: [1.7550813375962908, 2.755081337596291, 2.4621171572600096, 3.4621171572600096], expectedShape: [1, 2, 1, 2],
  },
  {
    name: 'CausalAttention random, causal mask + ALiBi-like bias', op: 'CausalAttention',
    inputs: [f32('q', [1, 2, 2, 4]), f32('k', [1, 1, 3, 4]), f32('v', [1, 1, 3, 4]), i64('mask', [1, 1, 2, 3], [1, 1, 0, 1, 1, 1]), f32('bias', [1, 2, 1, 3])],
    build: ([q, k, v, m, bias]) => ops.causalAttention({ q, k, v, allowed: ops.greater(m, 0), bias, scale: 0.5, maskedScore: -3.4028234663852886e38 }),
  },
  {
    name: 'LogSoftmaxGather', op: 'LogSoftmaxGather', inputs: [f32('logits', [2, 3], [1, 2, 3, 1, 1, 1]), i64('ids', [2], [2, 0])],
    build: ([l, i]) => ops.logSoftmaxGather(l, i), expected: [-0.40760596444438013, -1.0986122886681098],
  },
  {
    name: 'CrossEntropy with ignore index', op: 'CrossEntropy',
    inputs: [f32('logits', [3, 3], [1, 2, 3, 1, 1, 1, 0, 0, 5]), i64('targets', [3], [2, -100, 0])],
    build: ([l, t]) => ops.crossEntropy(l, t), expected: [(0.40760596444438013 + 5.013385901721449) / 2], expectedShape: [],
  },
  {
    name: 'CrossEntropy [b, s, V]', op: 'CrossEntropy', inputs: [f32('logits', [2, 3, 5]), i64('targets', [2, 3], [1, 4, -100, 0, 2, 3])],
    build: ([l, t]) => ops.crossEntropy(l, t),
  },
];
