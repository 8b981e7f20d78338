import { createGraph } from '../create-graph';
import { hostTensor } from '../host-tensor';
import { seededRandom, uniformValues } from '../check/seeded-random';
import { numel } from '../shape';
import { IrError } from '../ir-error';
import * as ops from '../ops/functions';
import { bindDims, inferDims } from './bind-dims';
import { decomposeFused } from './decompose-fused';
import { pruneGraph } from './prune-graph';
import { simplifyGraph } from './simplify-graph';
import { interpret } from '../interpret/reference-program';
import { buildTrainStepGraph } from '../../optim/training-graph';
import { mlpForward } from '../../testing/backend-conformance-models';

describe('graph transforms', () => {
  it('bindDims makes every shape static, including product dims in attributes', () => {
    const g = createGraph('t');
    const x = g.input('x', 'float32', ['batch', 'seq', 4]);
    const flat = ops.reshape(x, [-1, 4]);
    expect(flat.shape).toEqual(['batch*seq', 4]);
    g.output('y', ops.reshape(ops.expand(ops.iota(g, 'seq', 'float32'), ['batch', 'seq']), ['batch', 'seq', 1]));
    g.output('flat', flat);
    const bound = bindDims(g, { batch: 2, seq: 3 });
    expect(bound.outputNamed('flat').shape).toEqual([6, 4]);
    expect(bound.outputNamed('y').shape).toEqual([2, 3, 1]);
    expect(bound.nodes.every((n) => n.output.shape.every((d) => typeof d === 'number'))).toBe(true);
    expect(() => bindDims(g, { batch: 2 })).toThrow(/symbolic dim 'seq' has no size/);
  });

  it('inferDims reads sizes from feeds and rejects disagreeing feeds', () => {
    const g = createGraph('t');
    g.input('a', 'float32', ['batch', 3]);
    g.input('b', 'int64', ['batch', 'seq']);
    expect(inferDims(g, { a: hostTensor('float32', [2, 3], new Array(6).fill(0)), b: hostTensor('int64', [2, 5], new Array(10).fill(0)) })).toEqual({ batch: 2, seq: 5 });
    expect(() => inferDims(g, { a: { shape: [2, 3] }, b: { shape: [4, 5] } })).toThrow(IrError);
  });

  it('decomposeFused replaces fused ops recursively, except those kept', () => {
    const g = createGraph('t');
    const logits = g.input('logits', 'float32', [2, 5]);
    const targets = g.input('targets', 'int64', [2]);
    g.output('loss', ops.crossEntropy(logits, targets));
    const fusedOps = (graph: typeof g) => graph.nodes.filter((n) => graph.registry.get(n.op).fused).map((n) => n.op);
    expect(fusedOps(decomposeFused(g))).toEqual([]);
    expect(fusedOps(decomposeFused(g, new Set(['LogSoftmaxGather'])))).toEqual(['LogSoftmaxGather']);
    expect(fusedOps(decomposeFused(g, new Set(['CrossEntropy'])))).toEqual(['CrossEntropy']);
  });

  it('pruneGraph drops dead nodes and keeps every input', () => {
    const g = createGraph('t');
    const x = g.input('x', 'float32', [2]);
    g.input('unused', 'float32', [1]);
    ops.exp(x);
    g.output('y', ops.neg(x));
    const pruned = pruneGraph(g);
    expect(pruned.nodes.map((n) => n.op)).toEqual(['Neg']);
    expect(pruned.inputs.map((i) => i.name)).toEqual(['x', 'unused']);
  });
});

describe('simplifyGraph', () => {
  it('merges duplicates and drops identities without changing results', () => {
    const g = createGraph('t');
    const x = g.input('x', 'float32', [2, 3]);
    const a = ops.add(ops.exp(x), 1);
    const b = ops.add(ops.exp(x), 1);
    const same = ops.transpose(ops.reshape(ops.expand(a, [2, 3]), [2, 3]), [0, 1]);
    g.output('y', ops.mul(same, b));
    const simple = simplifyGraph(g);
    expect(simple.nodes.map((n) => n.op)).toEqual(['Exp', 'Constant', 'Add', 'Mul']);
    const feeds = { x: hostTensor('float32', [2, 3], [0, 1, -1, 0.5, 2, -2]) };
    expect(interpret(simple, feeds).y.data).toEqual(interpret(g, feeds).y.data);
  });

  it('shrinks a training graph and keeps its outputs', () => {
    const g = buildTrainStepGraph(mlpForward({ inputs: 4, hidden: 8, outputs: 1 }));
    const simple = simplifyGraph(g);
    expect(simple.nodes.length).toBeLessThan(g.nodes.length);
    expect(simple.outputs.map((o) => o.name)).toEqual(g.outputs.map((o) => o.name));
    const random = seededRandom(3);
    const feeds = Object.fromEntries(g.inputs.map((i) => {
      const shape = i.shape.map((d) => (typeof d === 'number' ? d : 5));
      return [i.name as string, hostTensor('float32', shape, uniformValues(random, numel(shape), 0.1, 1))];
    }));
    const before = interpret(g, feeds);
    const after = interpret(simple, feeds);
    for (const name of Object.keys(before)) expect(after[name].data).toEqual(before[name].data);
  });
});
