import { IrError } from './ir-error';

/** A dimension: a size, or a symbolic name ('batch', 'seq') bound at compile time per shape bucket. */
export type Dim = number | string;
export type Shape = readonly Dim[];

export function isStaticShape(shape: Shape): shape is readonly number[] {
  return shape.every((d) => typeof d === 'number');
}

export function dimEquals(a: Dim, b: Dim): boolean {
  return a === b;
}

export function shapeEquals(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function showShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/** Numpy/ONNX multidirectional broadcasting; a symbolic dim broadcasts only against 1 or itself. */
export function broadcastShapes(shapes: readonly Shape[], where: string): Dim[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out: Dim[] = [];
  for (let i = 0; i < rank; i++) {
    let dim: Dim = 1;
    for (const shape of shapes) {
      const d = shape[shape.length - rank + i] ?? 1;
      if (d === 1 || d === dim) continue;
      if (dim === 1) dim = d;
      else {
        throw new IrError(`${where}: shapes ${shapes.map(showShape).join(' and ')} do not broadcast (axis ${i}: ${dim} vs ${d})`,
          'Broadcasting follows numpy: trailing dims must be equal or 1; reshape or expand one operand.');
      }
    }
    out.push(dim);
  }
  return out;
}

/** Resolves a possibly negative axis against a rank. */
export function normalizeAxis(axis: number, rank: number, where: string): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= Math.max(rank, 1)) {
    throw new IrError(`${where}: axis ${axis} is out of range for rank ${rank}`, `Use an axis in [-${rank}, ${rank - 1}].`);
  }
  return a;
}

/** Number of elements of a static shape. */
export function numel(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}

/** Row-major strides of a static shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/**
 * A dim as coefficient x product of symbolic names. A symbolic dim may be a product expression such as
 * 'batch*seq' or '16*seq' (what Reshape infers for -1); its canonical form is `makeDim`'s output.
 */
export interface DimFactors { readonly coef: number; readonly syms: readonly string[] }

export function dimFactors(d: Dim): DimFactors {
  if (typeof d === 'number') return { coef: d, syms: [] };
  let coef = 1;
  const syms: string[] = [];
  for (const part of d.split('*')) {
    if (/^\d+$/.test(part)) coef *= Number(part);
    else syms.push(part);
  }
  return { coef, syms };
}

export function makeDim(coef: number, syms: readonly string[]): Dim {
  if (syms.length === 0) return coef;
  const sorted = [...syms].sort();
  return (coef === 1 ? sorted : [String(coef), ...sorted]).join('*');
}

/** Element count of a shape as factors. */
export function shapeFactors(shape: Shape): DimFactors {
  let coef = 1;
  const syms: string[] = [];
  for (const d of shape) {
    const f = dimFactors(d);
    coef *= f.coef;
    syms.push(...f.syms);
  }
  return { coef, syms };
}

/** Replaces symbolic dims (and products of them) by their bound sizes; throws on an unbound name. */
export function bindDim(d: Dim, dims: Readonly<Record<string, number>>, where: string): number {
  const { coef, syms } = dimFactors(d);
  return syms.reduce((p, name) => {
    const size = dims[name];
    if (size === undefined) {
      throw new IrError(`${where}: symbolic dim '${name}' has no size`, `Pass it in compile options, e.g. { dims: { ${name}: 8 } }.`);
    }
    return p * size;
  }, coef);
}

export function bindShape(shape: Shape, dims: Readonly<Record<string, number>>, where: string): number[] {
  return shape.map((d) => bindDim(d, dims, where));
}
