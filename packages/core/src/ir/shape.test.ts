import { createGraph } from './create-graph';
import { hostTensor } from './host-tensor';
import { interpret } from './interpret';
import * as ops from './ops/functions';
import { addDims, bindDim, dimFactors, dimNames, isSumDim, makeDim, shapeFactors } from './shape';
import { bindDims } from './transforms';

describe('symbolic sum dims', () => {
  it('addDims writes one canonical string per sum: sorted terms, like terms merged, constant last', () => {
    expect(addDims('seq', 'past')).toBe('past+seq');
    expect(addDims('past', 'seq')).toBe('past+seq');
    expect(addDims('seq', 'seq')).toBe('2*seq');
    expect(addDims('past+seq', 'seq')).toBe('past+2*seq');
    expect(addDims('seq', 1, 2)).toBe('seq+3');
    expect(addDims(3, 4)).toBe(7);
    expect(addDims('seq')).toBe('seq');
    expect(addDims('batch*seq', 'seq*batch')).toBe('2*batch*seq');
    expect(addDims(0, 'past')).toBe('past');
  });

  it('a sum is one factor of a product, parenthesised there', () => {
    expect(isSumDim('past+seq')).toBe(true);
    expect(isSumDim('2*(past+seq)')).toBe(false);
    expect(dimFactors('past+seq')).toEqual({ coef: 1, syms: ['past+seq'] });
    expect(makeDim(2, ['past+seq', 'batch'])).toBe('2*(past+seq)*batch');
    expect(dimFactors('2*(past+seq)*batch')).toEqual({ coef: 2, syms: ['past+seq', 'batch'] });
    expect(makeDim(1, ['past+seq'])).toBe('past+seq');
    expect(shapeFactors(['batch', 4, 'past+seq'])).toEqual({ coef: 4, syms: ['batch', 'past+seq'] });
    expect(dimNames('2*(past+seq)*batch')).toEqual(['past', 'seq', 'batch']);
  });

  it('binds sums term by term: past 3, seq 2 → past+seq 5, 2*(past+seq)*batch 20 with batch 2', () => {
    const dims = { past: 3, seq: 2, batch: 2 };
    expect(bindDim('past+seq', dims, 'test')).toBe(5);
    expect(bindDim('past+2*seq+1', dims, 'test')).toBe(8);
    expect(bindDim('2*(past+seq)*batch', dims, 'test')).toBe(20);
    expect(() => bindDim('past+len', dims, 'test')).toThrow(/'len' has no size/);
  });
});

describe('Concat along a symbolic axis', () => {
  function cacheGraph() {
    const g = createGraph('kv-append');
    const past = g.input('past', 'float32', ['batch', 2, 'past', 3]);
    const fresh = g.input('new', 'float32', ['batch', 2, 'seq', 3]);
    const mask = g.input('mask', 'int64', ['batch', addDims('past', 'seq')]);
    const present = ops.concat([past, fresh], 2);
    g.output('present', present);
    // the mask's declared dim is the same canonical sum, so shapes unify (here: broadcasting in Mul)
    g.output('masked', ops.mul(present, ops.reshape(ops.cast(mask, 'float32'), ['batch', 1, addDims('past', 'seq'), 1])));
    return { g, present };
  }

  it('infers [batch, 2, past+seq, 3] and a static sum when all joined dims are static', () => {
    const { present } = cacheGraph();
    expect(present.shape).toEqual(['batch', 2, 'past+seq', 3]);
    const g = createGraph('mixed');
    const a = g.input('a', 'float32', [2, 'seq']);
    expect(ops.concat([a, a, g.input('b', 'float32', [2, 4])], 1).shape).toEqual([2, '2*seq+4']);
    expect(ops.concat([g.input('c', 'float32', [3]), g.input('d', 'float32', [5])], 0).shape).toEqual([8]);
  });

  it('binds to static shapes and runs in the reference interpreter, with an empty past too', () => {
    const { g } = cacheGraph();
    expect(bindDims(g, { batch: 1, past: 4, seq: 1 }).outputs[0].value.shape).toEqual([1, 2, 5, 3]);
    // past empty: present is the new part; past 1, seq 1: [past | new] on axis 2
    const fresh = hostTensor('float32', [1, 2, 1, 3], [1, 2, 3, 4, 5, 6]);
    const empty = interpret(g, { past: hostTensor('float32', [1, 2, 0, 3], []), new: fresh, mask: hostTensor('int64', [1, 1], [1n]) });
    expect(empty.present.shape).toEqual([1, 2, 1, 3]);
    expect(Array.from(empty.present.data)).toEqual([1, 2, 3, 4, 5, 6]);
    const past = hostTensor('float32', [1, 2, 1, 3], [-1, -2, -3, -4, -5, -6]);
    const out = interpret(g, { past, new: fresh, mask: hostTensor('int64', [1, 2], [0n, 1n]) });
    expect(out.present.shape).toEqual([1, 2, 2, 3]);
    expect(Array.from(out.present.data)).toEqual([-1, -2, -3, 1, 2, 3, -4, -5, -6, 4, 5, 6]);
    expect(Array.from(out.masked.data)).toEqual([-0, -0, -0, 1, 2, 3, -0, -0, -0, 4, 5, 6]);
  });

  it('checks a fed sum dim against the sizes the other inputs give its names', () => {
    const { g } = cacheGraph();
    const feeds = { past: hostTensor('float32', [1, 2, 1, 3], [1, 2, 3, 4, 5, 6]), new: hostTensor('float32', [1, 2, 1, 3], [1, 2, 3, 4, 5, 6]) };
    expect(() => interpret(g, { ...feeds, mask: hostTensor('int64', [1, 3], [1n, 1n, 1n]) })).toThrow(/'mask' axis 1 \('past\+seq'\) is 3, but the other inputs make it 2/);
  });

  it('has no gradient rule along a symbolic axis (slicing it back would need a difference of dims)', () => {
    const { g, present } = cacheGraph();
    expect(present.node).toBeDefined();
    const def = g.registry.get('Concat');
    expect(() => def.grad?.({ inputs: present.node!.inputs, attrs: present.node!.attrs, dy: present, wants: [true, true] } as never)).toThrow(/symbolic/);
  });
});
