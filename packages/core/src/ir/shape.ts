import { IrError } from './ir-error';

/** A dimension: a size, or a symbolic name ('batch', 'seq'), product or sum of names, bound at compile time per shape bucket. */
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
 * 'batch*seq' or '16*seq' (what Reshape infers for -1), or a sum such as 'past+seq' (what Concat along
 * a symbolic axis gives); a sum inside a product is one parenthesised factor, '2*(past+seq)'.
 * Canonical forms are `makeDim`'s and `addDims`'s output, so equal expressions are equal strings.
 */
export interface DimFactors { readonly coef: number; readonly syms: readonly string[] }

/** Splits at `sep` where it is outside parentheses. */
function splitTopLevel(d: string, sep: '*' | '+'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < d.length; i++) {
    if (d[i] === '(') depth++;
    else if (d[i] === ')') depth--;
    else if (d[i] === sep && depth === 0) {
      parts.push(d.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(d.slice(start));
  return parts;
}

/** '(a+b)' → 'a+b'; leaves '(a+b)*(c+d)' alone (its first parenthesis closes before the end). */
function unwrap(s: string): string {
  if (!s.startsWith('(')) return s;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i === s.length - 1 ? s.slice(1, -1) : s;
  }
  return s;
}
const wrapSum = (s: string) => (s.includes('+') ? `(${s})` : s);

/** The terms of a sum dim ('past+seq+1' → 'past', 'seq', '1'); any other dim is its only term. */
export function sumTerms(d: Dim): string[] {
  return typeof d === 'number' ? [String(d)] : splitTopLevel(d, '+');
}

/** True for a sum dim such as 'past+seq'. */
export function isSumDim(d: Dim): d is string {
  return typeof d === 'string' && splitTopLevel(d, '+').length > 1;
}

/** A dim's factors; a sum dim is a single factor (itself). */
export function dimFactors(d: Dim): DimFactors {
  if (typeof d === 'number') return { coef: d, syms: [] };
  if (isSumDim(d)) return { coef: 1, syms: [d] };
  let coef = 1;
  const syms: string[] = [];
  for (const part of splitTopLevel(d, '*')) {
    if (/^\d+$/.test(part)) coef *= Number(part);
    else syms.push(unwrap(part));
  }
  return { coef, syms };
}

export function makeDim(coef: number, syms: readonly string[]): Dim {
  if (syms.length === 0) return coef;
  if (coef === 1 && syms.length === 1) return syms[0];
  const factors = syms.map(wrapSum).sort();
  return (coef === 1 ? factors : [String(coef), ...factors]).join('*');
}

/** The symbolic names a dim is built from ('2*(past+seq)' → past, seq). */
export function dimNames(d: Dim): string[] {
  if (typeof d === 'number') return [];
  if (isSumDim(d)) return sumTerms(d).flatMap(dimNames);
  return dimFactors(d).syms.flatMap((s) => (s.includes('+') ? dimNames(s) : [s]));
}

/**
 * The canonical sum of dims: like terms merged ('seq+seq' = '2*seq'), terms sorted, the constant
 * last ('past+seq+1'); a sum with one term is that term, an all-static sum a number.
 */
export function addDims(...dims: readonly Dim[]): Dim {
  const terms = new Map<string, number>();
  let constant = 0;
  for (const d of dims) {
    for (const term of sumTerms(d)) {
      const { coef, syms } = dimFactors(/^\d+$/.test(term) ? Number(term) : term);
      if (syms.length === 0) constant += coef;
      else {
        const key = syms.map(wrapSum).sort().join('*');
        terms.set(key, (terms.get(key) ?? 0) + coef);
      }
    }
  }
  const parts = [...terms.entries()].filter(([, coef]) => coef !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, coef]) => (coef === 1 ? key : `${coef}*${key}`));
  if (parts.length === 0) return constant;
  if (constant !== 0) parts.push(String(constant));
  return parts.length === 1 ? unwrap(parts[0]) : parts.join('+');
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
  if (isSumDim(d)) return sumTerms(d).reduce((sum, term) => sum + bindDim(/^\d+$/.test(term) ? Number(term) : term, dims, where), 0);
  const { coef, syms } = dimFactors(d);
  return syms.reduce((p, name) => {
    if (name.includes('+')) return p * bindDim(name, dims, where);
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
