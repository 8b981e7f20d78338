import { dimsAttr } from '../attrs';
import { IrError } from '../ir-error';
import type { OpDef } from '../op-def';
import { makeDim, normalizeAxis, shapeFactors, showShape, type Dim, type DimFactors, type Shape } from '../shape';
import type { Value } from '../value';
import { apply } from './op-kit';

/** total / part as a dim, when part's symbols all occur in total and the coefficient divides. */
function divideCounts(total: DimFactors, part: DimFactors): Dim | undefined {
  const syms = [...total.syms];
  for (const s of part.syms) {
    const i = syms.indexOf(s);
    if (i < 0) return undefined;
    syms.splice(i, 1);
  }
  if (part.coef === 0 || total.coef % part.coef !== 0) return undefined;
  return makeDim(total.coef / part.coef, syms);
}

/** ONNX Reshape (allowzero = 0): 0 copies the input dim, -1 is inferred, names are symbolic dims. */
export const Reshape: OpDef = {
  name: 'Reshape',
  summary: 'reshape (attr shape: dims, 0 = copy, -1 = infer)',
  arity: 1,
  dimAttrs: ['shape'],
  infer([x], attrs, where) {
    const raw = dimsAttr(attrs, 'shape');
    if (raw.some((d, i) => d === 0 && i >= x.shape.length)) {
      throw new IrError(`${where}: 0 (copy) at axis ${raw.indexOf(0)} but the input has rank ${x.shape.length}`, 'Use 0 only where the input has that axis.');
    }
    const target = raw.map((d, i) => (d === 0 ? x.shape[i] : d));
    const fail = (why: string) => new IrError(`${where}: cannot reshape ${showShape(x.shape)} to ${showShape(dimsAttr(attrs, 'shape'))}: ${why}`, 'Element counts must match; spell symbolic dims out when -1 cannot be inferred.');
    const minus = target.filter((d) => d === -1).length;
    if (minus > 1) throw fail('more than one -1');
    const known = shapeFactors(target.filter((d) => d !== -1));
    const total = shapeFactors(x.shape);
    if (minus === 1) {
      const inferred = divideCounts(total, known);
      if (inferred === undefined) throw fail('cannot infer -1');
      return { dtype: x.dtype, shape: target.map((d) => (d === -1 ? inferred : d)) };
    }
    if (divideCounts(total, known) !== 1) throw fail('element counts differ');
    return { dtype: x.dtype, shape: target };
  },
  grad: ({ inputs: [x], dy }) => [reshape(dy, x.shape)],
};

export const reshape = (x: Value, shape: Shape) => apply('Reshape', [x], { shape: [...shape] });

/** Inserts a size-1 dim at `axis` (may be negative, counted on the output rank). */
export function unsqueeze(x: Value, axis: number): Value {
  const a = normalizeAxis(axis, x.rank + 1, 'unsqueeze');
  return reshape(x, [...x.shape.slice(0, a), 1, ...x.shape.slice(a)]);
}

/** Removes a size-1 dim. */
export function squeeze(x: Value, axis: number): Value {
  const a = normalizeAxis(axis, x.rank, 'squeeze');
  return reshape(x, [...x.shape.slice(0, a), ...x.shape.slice(a + 1)]);
}
