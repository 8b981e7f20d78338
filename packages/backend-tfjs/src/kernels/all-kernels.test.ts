import { coreOps } from '@okapi/core';
import { allKernels } from './all-kernels';

describe('allKernels', () => {
  const kernelOps = allKernels.map((k) => k.op);

  it('has one kernel per op name', () => {
    expect(new Set(kernelOps).size).toBe(kernelOps.length);
  });

  it('covers every primitive IR op (fused ops without a kernel run as their decomposition)', () => {
    const primitives = coreOps.list().filter((d) => d.fused !== true).map((d) => d.name);
    expect(primitives.filter((op) => !kernelOps.includes(op))).toEqual([]);
  });

  it('names only ops the IR defines', () => {
    expect(kernelOps.filter((op) => !coreOps.has(op))).toEqual([]);
  });

  it('has a native kernel for every fused op of the IR today', () => {
    const fused = coreOps.list().filter((d) => d.fused === true).map((d) => d.name);
    expect(fused.filter((op) => !kernelOps.includes(op))).toEqual([]);
  });
});
