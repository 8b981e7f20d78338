import { createGraph } from './create-graph';
import { IrError } from './ir-error';
import * as ops from './ops/functions';

describe('Graph tracing', () => {
  it('infers broadcast shapes with symbolic dims', () => {
    const g = createGraph('t');
    const x = g.input('x', 'float32', ['batch', 'seq', 8]);
    const w = g.input('w', 'float32', [8, 4]);
    const y = ops.add(ops.matmul(x, w), 1);
    expect(y.shape).toEqual(['batch', 'seq', 4]);
    expect(ops.reshape(y, [0, 0, 2, -1]).shape).toEqual(['batch', 'seq', 2, 2]);
    expect(ops.reshape(y, [-1, 4]).shape).toEqual([expect.anything(), 4]);
  });

  it('rejects mismatched matmul with an IrError naming the shapes', () => {
    const g = createGraph('t');
    const a = g.input('a', 'float32', [2, 3]);
    const b = g.input('b', 'float32', [4, 5]);
    expect(() => ops.matmul(a, b)).toThrow(IrError);
    expect(() => ops.matmul(a, b)).toThrow(/\[2, 3\] @ \[4, 5\]/);
  });

  it('infers -1 over symbolic dims', () => {
    const g = createGraph('t');
    const x = g.input('x', 'float32', ['b', 's', 16]);
    expect(ops.reshape(x, ['b', -1]).shape).toEqual(['b', '16*s']);
    expect(ops.reshape(ops.reshape(x, ['b', -1]), [-1, 16]).shape).toEqual(['b*s', 16]);
    expect(ops.reshape(x, [-1, 's', 4, 4]).shape).toEqual(['b', 's', 4, 4]);
  });

  it('slices, concats, gathers', () => {
    const g = createGraph('t');
    const x = g.input('x', 'float32', [2, 6]);
    const ids = g.input('ids', 'int64', [3, 5]);
    expect(ops.slice(x, [1], [100], [1], [2]).shape).toEqual([2, 3]);
    expect(ops.slice(x, [-1], [-100], [1], [-1]).shape).toEqual([2, 6]);
    expect(ops.concat([x, x], 1).shape).toEqual([2, 12]);
    expect(ops.gather(x, ids, 1).shape).toEqual([2, 3, 5]);
    expect(ops.crossEntropy(ops.gather(x, ids, 0), ids).shape).toEqual([]);
  });
});
