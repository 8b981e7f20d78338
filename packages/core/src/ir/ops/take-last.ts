import { dimsAttr, numAttr } from '../attrs';
import { Graph } from '../graph';
import { IrError } from '../ir-error';
import type { OpDef } from '../op-def';
import { OpRegistry } from '../op-registry';
import { normalizeAxis, type Dim } from '../shape';
import type { Value } from '../value';
import { coreOpDefs } from './all-ops';
import { apply } from './op-kit';

/**
 * The last `count` entries along `axis`, `count` (int64 scalar) known only at run time; 0 or more
 * than the axis = all of it (transformers.js `num_logits_to_keep`). The result's length along
 * `axis` is the symbolic dim `length`, a name no input carries, so a graph using it runs only where
 * the runtime computes shapes (ONNX export): it is not in `coreOps`, only in `exportOps`.
 */
export const TakeLast: OpDef = {
  name: 'TakeLast',
  summary: 'last `count` entries along attr axis (count: int64 scalar input; 0 = all); export graphs only',
  arity: 2,
  dimAttrs: ['length'],
  infer([x, count], attrs, where) {
    if (count.dtype !== 'int64' || count.shape.length !== 0) {
      throw new IrError(`${where}: count must be an int64 scalar, got ${count.dtype} of rank ${count.shape.length}`, 'Pass the count as an int64 [] input.');
    }
    const axis = normalizeAxis(numAttr(attrs, 'axis'), x.shape.length, where);
    const length = dimsAttr(attrs, 'length')[0];
    return { dtype: x.dtype, shape: x.shape.map((d, i) => (i === axis ? length : d)) };
  },
};

export const takeLast = (x: Value, count: Value, axis: number, length: Dim): Value => apply('TakeLast', [x, count], { axis, length: [length] });

/** Core's ops plus those only an exported model can run (TakeLast). */
export const exportOps = new OpRegistry([...coreOpDefs, TakeLast]);

/** A new empty graph over `exportOps`. */
export function createExportGraph(name = 'graph'): Graph {
  return new Graph(exportOps, name);
}
