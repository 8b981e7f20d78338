import type { Graph } from '../../ir/graph';
import * as ops from '../../ir/ops/functions';
import type { Dim } from '../../ir/shape';
import type { Value } from '../../ir/value';
import { AttentionContext, type LayerCache } from '../../models/graph/attention-context';
import { scaledDotProductAttention } from '../../models/graph/scaled-dot-product-attention';

/** HF fills masked scores with the float32 minimum (as AttentionContext does). */
const maskedScore = -3.4028234663852886e38;

export interface PrefixAttentionInputs {
  /** int64 [contexts, prefix]: 1 = real context token (contexts are left-padded). */
  readonly prefixMask: Value;
  /** int64 [rows, tail]: 1 = real new token (rows are right-padded). */
  readonly newMask: Value;
  /** int64 [rows]: which context (index into the prefix batch) each row continues. */
  readonly rowContext: Value;
  /** Per layer, the contexts' keys/values [contexts, kvHeads, prefix, headDim]. */
  readonly past: readonly LayerCache[];
}

/**
 * Attention for continuations that extend already-computed prefixes: every row's new tokens attend to
 * its own context's cached keys/values (gathered per row, so several items' contexts share one call)
 * and causally to the row's earlier new tokens. The key mask spans [prefix slots, new tokens] with the
 * context's left padding as zeros, so ALiBi positions (counted over real keys) ignore padding.
 */
export class PrefixAttentionContext extends AttentionContext {
  private allowedCache?: Value;
  private readonly rowPrefixMask: Value;
  private readonly inputs: PrefixAttentionInputs;

  constructor(graph: Graph, inputs: PrefixAttentionInputs) {
    const rowPrefixMask = ops.gather(inputs.prefixMask, inputs.rowContext, 0);
    super(graph, ops.concat([rowPrefixMask, inputs.newMask], 1), { kind: 'none' });
    this.rowPrefixMask = rowPrefixMask;
    this.inputs = inputs;
  }

  /** [rows, 1, tail, prefix + tail]: the row's valid prefix slots, then causal over its valid new tokens. */
  override allowed(tail: Dim): Value {
    if (this.allowedCache !== undefined) return this.allowedCache;
    const rows = this.inputs.newMask.dim(0);
    const prefix = this.rowPrefixMask.dim(1);
    const prefixOk = ops.expand(ops.reshape(ops.greater(this.rowPrefixMask, 0), [rows, 1, 1, prefix]), [rows, 1, tail, prefix]);
    const queries = ops.reshape(ops.iota(this.graph, tail), [tail, 1]);
    const keys = ops.reshape(ops.iota(this.graph, tail), [1, tail]);
    const causal = ops.not(ops.less(queries, keys));
    const newOk = ops.and(ops.reshape(ops.greater(this.inputs.newMask, 0), [rows, 1, 1, tail]), causal);
    this.allowedCache = ops.concat([prefixOk, newOk], 3);
    return this.allowedCache;
  }

  override attend(layer: number, q: Value, k: Value, v: Value, bias?: Value): Value {
    const past = this.inputs.past[layer]!;
    const key = ops.concat([ops.gather(past.key, this.inputs.rowContext, 0), k], 2);
    const value = ops.concat([ops.gather(past.value, this.inputs.rowContext, 0), v], 2);
    const scale = 1 / Math.sqrt(q.dim(-1) as number);
    return scaledDotProductAttention({ q, k: key, v: value, scale, allowed: this.allowed(q.dim(2)), bias, maskedScore });
  }
}
