import type { OpCase } from '../ir/check/op-case';
import { ops } from '../ir';
import { bool, f32, i32 } from './backend-conformance-inputs';

const a23 = f32('a', [2, 3], [1, 2, 3, 4, 5, 6]);
const b3 = f32('b', [3], [0.5, -1, 2]);
const unary = (op: string, fn: (x: Parameters<typeof ops.exp>[0]) => ReturnType<typeof ops.exp>, values: number[], expected: number[]): OpCase =>
  ({ name: op, op, inputs: [f32('x', [values.length], values)], build: ([x]) => fn(x), expected });

/** Elementwise ops; expected values computed by hand (or with Python's math module). */
export const elementwiseCases: readonly OpCase[] = [
  { name: 'Add broadcast', op: 'Add', inputs: [a23, b3], build: ([a, b]) => ops.add(a, b), expected: [1.5, 1, 5, 4.5, 4, 8] },
  { name: 'Sub broadcast', op: 'Sub', inputs: [a23, b3], build: ([a, b]) => ops.sub(a, b), expected: [0.5, 3, 1, 3.5, 6, 4] },
  { name: 'Mul broadcast', op: 'Mul', inputs: [a23, b3], build: ([a, b]) => ops.mul(a, b), expected: [0.5, -2, 6, 2, -5, 12] },
  { name: 'Div broadcast', op: 'Div', inputs: [a23, b3], build: ([a, b]) => ops.div(a, b), expected: [2, -2, 1.5, 8, -5, 3] },
  { name: 'Pow', op: 'Pow', inputs: [f32('a', [2, 2], [1, 2, 3, 4]), f32('b', [2], [2, 0.5])], build: ([a, b]) => ops.pow(a, b), expected: [1, Math.SQRT2, 9, 2] },
  { name: 'Max', op: 'Max', inputs: [f32('a', [4], [1, -2, 3, -4]), f32('b', [4], [0, 0.5, 5, -5])], build: ([a, b]) => ops.max(a, b), expected: [1, 0.5, 5, -4] },
  { name: 'Min', op: 'Min', inputs: [f32('a', [4], [1, -2, 3, -4]), f32('b', [4], [0, 0.5, 5, -5])], build: ([a, b]) => ops.min(a, b), expected: [0, -2, 3, -5] },
  { name: 'Equal int32', op: 'Equal', inputs: [i32('a', [3], [1, 2, 3]), i32('b', [3], [1, 0, 3])], build: ([a, b]) => ops.equal(a, b), expected: [1, 0, 1] },
  { name: 'Less', op: 'Less', inputs: [f32('a', [3], [1, 2, 3]), f32('b', [1], [2])], build: ([a, b]) => ops.less(a, b), expected: [1, 0, 0] },
  { name: 'Greater', op: 'Greater', inputs: [f32('a', [3], [1, 2, 3]), f32('b', [1], [2])], build: ([a, b]) => ops.greater(a, b), expected: [0, 0, 1] },
  { name: 'And', op: 'And', inputs: [bool('a', [4], [1, 1, 0, 0]), bool('b', [4], [1, 0, 1, 0])], build: ([a, b]) => ops.and(a, b), expected: [1, 0, 0, 0] },
  { name: 'Or', op: 'Or', inputs: [bool('a', [4], [1, 1, 0, 0]), bool('b', [4], [1, 0, 1, 0])], build: ([a, b]) => ops.or(a, b), expected: [1, 1, 1, 0] },
  { name: 'Not', op: 'Not', inputs: [bool('a', [2], [1, 0])], build: ([a]) => ops.not(a), expected: [0, 1] },
  {
    name: 'Where broadcast', op: 'Where',
    inputs: [bool('c', [3], [1, 0, 1]), f32('x', [3], [1, 2, 3]), f32('y', [1], [9])],
    build: ([c, x, y]) => ops.where(c, x, y), expected: [1, 9, 3],
  },
  unary('Neg', ops.neg, [1, -2], [-1, 2]),
  unary('Sqrt', ops.sqrt, [4, 9, 2], [2, 3, Math.SQRT2]),
  unary('Exp', ops.exp, [0, 1, -1], [1, Math.E, 1 / Math.E]),
  unary('Log', ops.log, [1, Math.E, 10], [0, 1, Math.LN10]),
  unary('Tanh', ops.tanh, [0, 0.5, -2], [0, 0.46211715726000974, -0.9640275800758169]),
  unary('Sigmoid', ops.sigmoid, [0, 2, -1], [0.5, 0.8807970779778823, 0.2689414213699951]),
  unary('Erf', ops.erf, [0, 0.5, -1, 3.5], [0, 0.5204998778130465, -0.8427007929497149, 0.9999992569016276]),
  unary('Relu', ops.relu, [-1, 0.5, 2], [0, 0.5, 2]),
  unary('Sin', ops.sin, [0, Math.PI / 2, 1], [0, 1, Math.sin(1)]),
  unary('Cos', ops.cos, [0, Math.PI, 1], [1, -1, Math.cos(1)]),
  unary('Silu', ops.silu, [0, 1, -2], [0, 0.7310585786300049, -0.2384058440442351]),
  unary('Gelu', ops.gelu, [0, 1, -1], [0, 0.8411919906082768, -0.15880800939172324]),
  { name: 'Cast float->int32 truncates', op: 'Cast', inputs: [f32('x', [3], [1.7, -1.7, 2])], build: ([x]) => ops.cast(x, 'int32'), expected: [1, -1, 2], noGradient: 'integer output' },
  { name: 'Cast float32->float64', op: 'Cast', inputs: [f32('x', [2], [0.25, -3])], build: ([x]) => ops.cast(x, 'float64'), expected: [0.25, -3] },
];
