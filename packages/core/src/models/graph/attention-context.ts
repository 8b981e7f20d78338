import type { Graph } from '../../ir/graph';
import { hostTensor } from '../../ir/host-tensor';
import * as ops from '../../ir/ops/functions';
import type { Dim } from '../../ir/shape';
import type { Value } from '../../ir/value';
import { scaledDotProductAttention } from './scaled-dot-product-attention';

export interface AttentionContextOptions {
  /**
   * Emit each layer's attention as one fused `CausalAttention` node (inference graphs: backends with
   * a kernel run it as one op, e.g. onnxruntime's GroupQueryAttention); default: primitive ops.
   * Not for `decode` mode, whose query is not the last cache slot (the op's causal precondition).
   */
  readonly fused?: boolean;
}

/** One layer's key/value cache tensors, [batch, kvHeads, maxLength, headDim]. */
export interface LayerCache {
  readonly key: Value;
  readonly value: Value;
}

/**
 * How attention sees keys:
 * - `none`: training / scoring; keys are the call's own tokens (causal + padding mask).
 * - `prefill`: as `none`, and each layer's keys/values are also returned zero-padded to `maxLength`
 *   (the static cache the decode graph reads).
 * - `decode`: one new token per row; it is written into slot `writeIndex` of the cache and attends
 *   to every slot the key mask marks valid (causality is implied: later slots are still masked).
 * - `grow`: the transformers.js / Optimum layout: `past` [batch, kvHeads, past, headDim] (past may be
 *   0) gets the call's keys appended ([.., past+seq, ..], the presents); the key mask covers past+seq.
 */
export type CacheMode =
  | { readonly kind: 'none' }
  | { readonly kind: 'grow'; readonly past: readonly LayerCache[] }
  | { readonly kind: 'prefill'; readonly maxLength: number }
  | { readonly kind: 'decode'; readonly past: readonly LayerCache[]; readonly writeIndex: Value };

/** HF fills masked scores with the float32 minimum, not -inf, so fully masked rows stay finite. */
const maskedScore = -3.4028234663852886e38;

/**
 * The attention state of one forward call: builds the [batch, 1, seq, keys] mask once, runs every
 * layer's attention through the cache mode, and collects the layers' present caches.
 */
export class AttentionContext {
  readonly presents: LayerCache[] = [];
  private allowedMask?: Value;

  /** `keyMask`: int64 [batch, keys], 1 = real token (keys = seq, or the cache length in decode). */
  constructor(readonly graph: Graph, readonly keyMask: Value, readonly mode: CacheMode, private readonly options: AttentionContextOptions = {}) {}

  /** Whether attention is emitted as fused nodes (an inference graph for a fused-kernel runtime). */
  get fused(): boolean {
    return this.options.fused === true;
  }

  /** [batch, 1, seq, keys] bool: which keys each query may see. */
  allowed(seq: Dim): Value {
    if (this.allowedMask !== undefined) return this.allowedMask;
    const valid = ops.greater(this.keyMask, 0);
    const batch = this.keyMask.dim(0);
    if (this.mode.kind === 'decode') {
      this.allowedMask = ops.reshape(valid, [batch, 1, 1, this.keyMask.dim(1)]);
    } else if (this.mode.kind === 'grow') {
      const keys = this.keyMask.dim(1);
      this.allowedMask = ops.and(ops.reshape(valid, [batch, 1, 1, keys]), growingCausalMask(this.graph, seq, keys));
    } else {
      const rows = ops.reshape(ops.iota(this.graph, seq), [seq, 1]);
      const cols = ops.reshape(ops.iota(this.graph, seq), [1, seq]);
      const causal = ops.not(ops.less(rows, cols));
      this.allowedMask = ops.and(ops.reshape(valid, [batch, 1, 1, seq]), causal);
    }
    return this.allowedMask;
  }

  /**
   * Attention of one layer. q: [batch, heads, seq, d]; k, v: [batch, kvHeads, seq, d] (new tokens);
   * bias (ALiBi): broadcastable to [batch, heads, seq, keys]. Returns [batch, heads, seq, d].
   */
  attend(layer: number, q: Value, k: Value, v: Value, bias?: Value): Value {
    const { key, value } = this.updateCache(layer, k, v);
    const scale = 1 / Math.sqrt(q.dim(-1) as number);
    const operands = { q, k: key, v: value, scale, allowed: this.allowed(q.dim(2)), bias, maskedScore };
    return this.fused ? ops.causalAttention(operands) : scaledDotProductAttention(operands);
  }

  /** Keys/values attention reads in this mode, recording the layer's present cache. */
  private updateCache(layer: number, k: Value, v: Value): LayerCache {
    const mode = this.mode;
    if (mode.kind === 'none') return { key: k, value: v };
    if (mode.kind === 'grow') {
      const past = mode.past[layer];
      const present = { key: ops.concat([past.key, k], 2), value: ops.concat([past.value, v], 2) };
      this.presents[layer] = present;
      return present;
    }
    if (mode.kind === 'prefill') {
      this.presents[layer] = { key: padToLength(k, mode.maxLength), value: padToLength(v, mode.maxLength) };
      return { key: k, value: v };
    }
    const past = mode.past[layer];
    const slots = past.key.dim(2);
    const slot = ops.reshape(ops.equal(ops.iota(this.graph, slots), mode.writeIndex), [1, 1, slots, 1]);
    const present = { key: ops.where(slot, k, past.key), value: ops.where(slot, v, past.value) };
    this.presents[layer] = present;
    return present;
  }
}

/**
 * [seq, keys] bool for queries that are the last `seq` of `keys` positions (keys = past + seq): key j
 * is visible to query i when j ≤ past + i, i.e. when at least as many keys as queries follow it.
 * Counting from the end needs no `keys − seq`, which a symbolic dim cannot express.
 */
function growingCausalMask(g: Graph, seq: Dim, keys: Dim): Value {
  const countFromEnd = (n: Dim) => ops.cumSum(ops.expand(g.constant(hostTensor('int64', [], [1])), [n]), 0, false, true);
  const keysAfter = ops.reshape(countFromEnd(keys), [1, keys]);
  const queriesAfter = ops.reshape(countFromEnd(seq), [seq, 1]);
  return ops.not(ops.less(keysAfter, queriesAfter));
}

/** Zero-pads axis 2 (sequence) of [batch, heads, seq, d] up to `length`. */
function padToLength(x: Value, length: number): Value {
  const seq = x.dim(2);
  if (typeof seq !== 'number') throw new TypeError('prefill graphs need a static sequence length (one graph per bucket)');
  if (seq === length) return x;
  const zero = x.graph.constant(hostTensor(x.dtype, [], [0]));
  const zeros = ops.expand(zero, [x.dim(0), x.dim(1), length - seq, x.dim(3)]);
  return ops.concat([x, zeros], 2);
}
