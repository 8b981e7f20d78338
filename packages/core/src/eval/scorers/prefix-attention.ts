import type { Graph } from '../../ir/graph';
import * as ops from '../../ir/ops/functions';
import type { Dim } from '../../ir/shape';
import type { Value } from '../../ir/value';
import { AttentionContext, type LayerCache } from '../../models/graph/attention-context';
import { scaledDotProductAttention } from '../../models/graph/scaled-dot-product-attention';

/** HF fills masked scores with the float32 minimum (as AttentionContext does). */
const maskedScore = -3.4028234663852886e38;

/**
 * Attention for continuations that extend one shared, already-computed prefix: every row's new tokens
 * attend to the prefix's cached keys/values (batch 1, broadcast to every row) and causally to the row's
 * own earlier new tokens. The key mask spans [prefix slots, new tokens], so ALiBi positions stay right.
 */
export class PrefixAttentionContext extends AttentionContext {
  private allowedCache?: Value;

  constructor(
    graph: Graph,
    private readonly prefixMask: Value,
    private readonly newMask: Value,
    private readonly past: readonly LayerCache[],
  ) {
    super(graph, ops.concat([ops.expand(prefixMask, [newMask.dim(0), prefixMask.dim(1)]), newMask], 1), { kind: 'none' });
  }

  /** [batch, 1, tail, prefix + tail]: valid prefix slots, then causal over the row's valid new tokens. */
  override allowed(tail: Dim): Value {
    if (this.allowedCache !== undefined) return this.allowedCache;
    const batch = this.newMask.dim(0);
    const prefix = this.prefixMask.dim(1);
    const prefixOk = ops.expand(ops.reshape(ops.greater(this.prefixMask, 0), [1, 1, 1, prefix]), [batch, 1, tail, prefix]);
    const rows = ops.reshape(ops.iota(this.graph, tail), [tail, 1]);
    const cols = ops.reshape(ops.iota(this.graph, tail), [1, tail]);
    const causal = ops.not(ops.less(rows, cols));
    const newOk = ops.and(ops.reshape(ops.greater(this.newMask, 0), [batch, 1, 1, tail]), causal);
    this.allowedCache = ops.concat([prefixOk, newOk], 3);
    return this.allowedCache;
  }

  override attend(layer: number, q: Value, k: Value, v: Value, bias?: Value): Value {
    const past = this.past[layer]!;
    const perRow = (cache: Value): Value => ops.expand(cache, [k.dim(0), cache.dim(1), cache.dim(2), cache.dim(3)]);
    const key = ops.concat([perRow(past.key), k], 2);
    const value = ops.concat([perRow(past.value), v], 2);
    const scale = 1 / Math.sqrt(q.dim(-1) as number);
    return scaledDotProductAttention({ q, k: key, v: value, scale, allowed: this.allowed(q.dim(2)), bias, maskedScore });
  }
}
