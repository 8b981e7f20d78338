import { createGraph } from '../create-graph';
import { createExportGraph, exportOps } from './take-last';
import { coreOps } from './all-ops';
import * as ops from './functions';
import { takeLast } from './take-last';

describe('TakeLast (export graphs only)', () => {
  it('replaces the axis by the given symbolic length and keeps the rest', () => {
    const g = createExportGraph('keep');
    const x = g.input('x', 'float32', ['batch', 'seq', 8]);
    const count = g.input('count', 'int64', []);
    expect(takeLast(x, count, 1, 'kept').shape).toEqual(['batch', 'kept', 8]);
    expect(takeLast(x, count, -1, 2).shape).toEqual(['batch', 'seq', 2]);
    expect(() => takeLast(x, g.input('bad', 'int64', [1]), 1, 'kept')).toThrow(/int64 scalar/);
  });

  it('exists in exportOps only, so graphs our backends compile cannot use it', () => {
    expect(exportOps.has('TakeLast')).toBe(true);
    expect(coreOps.has('TakeLast')).toBe(false);
    expect(exportOps.list().length).toBe(coreOps.list().length + 1);
    const g = createGraph('core');
    const x = g.input('x', 'float32', [2, 3]);
    expect(() => takeLast(x, g.input('count', 'int64', []), 1, 'kept')).toThrow(/Unknown IR op 'TakeLast'/);
    expect(ops.relu(x).shape).toEqual([2, 3]);
  });
});
