import type { OpCase } from '../ir/check/op-case';
import { hostTensor, ops } from '../ir';
import { f32, i64 } from './backend-conformance-inputs';

const x23 = f32('x', [2, 3], [1, 2, 3, 4, 5, 6]);
const x34 = f32('x', [3, 4], undefined, [-1, 1]);

/** Matmul, reductions, softmax and shape ops; expected values computed by hand. */
export const structureCases: readonly OpCase[] = [
  {
    name: 'MatMul batched with broadcast', op: 'MatMul',
    inputs: [f32('a', [2, 2, 3], [1, 2, 3, 4, 5, 6, 1, 0, 0, 0, 1, 0]), f32('b', [3, 2], [1, 2, 3, 4, 5, 6])],
    build: ([a, b]) => ops.matmul(a, b), expected: [22, 28, 49, 64, 1, 2, 3, 4], expectedShape: [2, 2, 2],
  },
  { name: 'MatMul 2-D @ batched', op: 'MatMul', inputs: [f32('a', [2, 3]), f32('b', [2, 3, 2])], build: ([a, b]) => ops.matmul(a, b), expectedShape: [2, 2, 2] },
  { name: 'MatMul rank 4 (attention scores)', op: 'MatMul', inputs: [f32('q', [1, 2, 3, 4]), f32('k', [1, 2, 4, 3])], build: ([q, k]) => ops.matmul(q, k), expectedShape: [1, 2, 3, 3] },
  { name: 'ReduceSum axis 1', op: 'ReduceSum', inputs: [x23], build: ([x]) => ops.reduceSum(x, [1], false), expected: [6, 15], expectedShape: [2] },
  { name: 'ReduceSum all', op: 'ReduceSum', inputs: [x23], build: ([x]) => ops.reduceSum(x), expected: [21], expectedShape: [1, 1] },
  { name: 'ReduceMean axis 0 keepdims', op: 'ReduceMean', inputs: [x23], build: ([x]) => ops.reduceMean(x, [0]), expected: [2.5, 3.5, 4.5], expectedShape: [1, 3] },
  { name: 'ReduceMax axis -1', op: 'ReduceMax', inputs: [f32('x', [2, 3], [1, 5, 2, -1, -3, -2])], build: ([x]) => ops.reduceMax(x, [-1], false), expected: [5, -1] },
  {
    name: 'Softmax', op: 'Softmax', inputs: [f32('x', [1, 3], [1, 2, 3])], build: ([x]) => ops.softmax(x),
    expected: [0.09003057317038046, 0.24472847105479767, 0.6652409557748219],
  },
  {
    name: 'Softmax axis 0', op: 'Softmax', inputs: [f32('x', [2, 1], [0, Math.log(3)])], build: ([x]) => ops.softmax(x, 0), expected: [0.25, 0.75],
  },
  {
    name: 'LogSoftmax', op: 'LogSoftmax', inputs: [f32('x', [1, 3], [1, 2, 3])], build: ([x]) => ops.logSoftmax(x),
    expected: [-2.40760596444438, -1.4076059644443801, -0.40760596444438013],
  },
  { name: 'Reshape -1', op: 'Reshape', inputs: [x23], build: ([x]) => ops.reshape(x, [3, -1]), expected: [1, 2, 3, 4, 5, 6], expectedShape: [3, 2] },
  { name: 'Transpose', op: 'Transpose', inputs: [x23], build: ([x]) => ops.transpose(x, [1, 0]), expected: [1, 4, 2, 5, 3, 6], expectedShape: [3, 2] },
  {
    name: 'Transpose rank 3', op: 'Transpose', inputs: [f32('x', [2, 2, 2], [0, 1, 2, 3, 4, 5, 6, 7])],
    build: ([x]) => ops.transpose(x, [2, 0, 1]), expected: [0, 2, 4, 6, 1, 3, 5, 7], expectedShape: [2, 2, 2],
  },
  {
    name: 'Concat axis 1', op: 'Concat', inputs: [f32('a', [2, 1], [7, 8]), f32('b', [2, 2], [1, 2, 3, 4])],
    build: ([a, b]) => ops.concat([a, b], 1), expected: [7, 1, 2, 8, 3, 4], expectedShape: [2, 3],
  },
  {
    name: 'Slice negative step', op: 'Slice', inputs: [f32('x', [2, 4], [0, 1, 2, 3, 4, 5, 6, 7])],
    build: ([x]) => ops.slice(x, [0, 3], [2, 0], [0, 1], [1, -2]), expected: [3, 1, 7, 5], expectedShape: [2, 2],
    noGradient: 'Slice gradients support step 1 only',
  },
  { name: 'Slice steps 1 and 2', op: 'Slice', inputs: [x34], build: ([x]) => ops.slice(x, [0, 1], [3, 4], [0, 1], [1, 1]), expectedShape: [3, 3] },
  { name: 'Slice clamped end', op: 'Slice', inputs: [x34], build: ([x]) => ops.slice(x, [1, 1], [3, 1000], [0, -1]), expectedShape: [2, 3] },
  {
    name: 'Expand', op: 'Expand', inputs: [f32('x', [3, 1], [1, 2, 3])], build: ([x]) => ops.expand(x, [2, 3, 2]),
    expected: [1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3], expectedShape: [2, 3, 2],
  },
  {
    name: 'Gather rows, negative index', op: 'Gather', inputs: [f32('data', [3, 2], [1, 2, 3, 4, 5, 6]), i64('ids', [2, 2], [2, 0, 1, -1])],
    build: ([d, i]) => ops.gather(d, i, 0), expected: [5, 6, 1, 2, 3, 4, 5, 6], expectedShape: [2, 2, 2],
  },
  {
    name: 'Gather axis 1', op: 'Gather', inputs: [f32('data', [2, 3], [1, 2, 3, 4, 5, 6]), i64('ids', [2], [2, 0])],
    build: ([d, i]) => ops.gather(d, i, 1), expected: [3, 1, 6, 4], expectedShape: [2, 2],
  },
  {
    name: 'GatherGrad repeated indices accumulate', op: 'GatherGrad', inputs: [f32('updates', [3, 2], [1, 2, 3, 4, 5, 6]), i64('ids', [3], [0, 2, 0])],
    build: ([u, i]) => ops.gatherGrad(u, i, 0, 4), expected: [6, 8, 0, 0, 3, 4, 0, 0], expectedShape: [4, 2],
  },
  {
    name: 'Constant', op: 'Constant', inputs: [f32('unused', [1], [0])],
    build: ([x]) => x.graph.constant(hostTensor('float32', [2], [3, 4])), expected: [3, 4],
  },
  { name: 'Iota', op: 'Iota', inputs: [f32('unused', [1], [0])], build: ([x]) => ops.add(ops.iota(x.graph, 4, 'float32'), x), expected: [0, 1, 2, 3] },
  { name: 'Iota int64', op: 'Iota', inputs: [f32('unused', [1], [0])], build: ([x]) => ops.iota(x.graph, 3, 'int64'), expected: [0, 1, 2] },
  { name: 'CumSum', op: 'CumSum', inputs: [f32('x', [4], [1, 2, 3, 4])], build: ([x]) => ops.cumSum(x, 0), expected: [1, 3, 6, 10] },
  { name: 'CumSum exclusive reverse', op: 'CumSum', inputs: [f32('x', [4], [1, 2, 3, 4])], build: ([x]) => ops.cumSum(x, 0, true, true), expected: [9, 7, 4, 0] },
  { name: 'CumSum axis 1 of 2-D', op: 'CumSum', inputs: [x34], build: ([x]) => ops.cumSum(x, 1) },
];
