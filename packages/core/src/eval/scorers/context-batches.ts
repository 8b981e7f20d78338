import type { LogLikelihoodRequest } from '../loglikelihood-scorer';

/** Requests that share one context array (the choices of an item), with their positions in the call. */
export interface ContextGroup {
  readonly context: readonly number[];
  readonly members: readonly { readonly index: number; readonly continuation: readonly number[] }[];
}

/** Groups requests by their `context` array object (the harness passes one array per shared context). */
export function groupByContext(requests: readonly LogLikelihoodRequest[]): ContextGroup[] {
  const groups = new Map<readonly number[], { context: readonly number[]; members: ContextGroup['members'][number][] }>();
  requests.forEach((r, index) => {
    let g = groups.get(r.context);
    if (g === undefined) groups.set(r.context, (g = { context: r.context, members: [] }));
    g.members.push({ index, continuation: r.continuation });
  });
  return [...groups.values()];
}

export interface BatchLimits {
  /** Contexts per batch at most. */
  readonly batchSize: number;
  /** Padded tokens per batch at most (contexts × padded length); a single longer context still runs alone. */
  readonly maxTokens?: number;
  /** The length a context of `length` tokens is padded to (the prefill bucket). */
  readonly paddedLength?: (length: number) => number;
}

/**
 * Splits groups into batches, longest contexts first, so each batch holds contexts of similar length and
 * left padding stays small (lm-eval sorts by length the same way). A batch holds at most `batchSize`
 * contexts and, with `maxTokens`, at most that many padded tokens, which bounds attention memory.
 */
export function batchBySimilarLength(groups: readonly ContextGroup[], limits: BatchLimits): ContextGroup[][] {
  const { batchSize, maxTokens = Infinity, paddedLength = (n: number) => n } = limits;
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) throw new RangeError(`batchSize must be an integer >= 1, got ${batchSize}`);
  const sorted = groups.map((group, order) => ({ group, order }))
    .sort((a, b) => b.group.context.length - a.group.context.length || a.order - b.order)
    .map((x) => x.group);
  const batches: ContextGroup[][] = [];
  let start = 0;
  while (start < sorted.length) {
    // The first context of a batch is its longest, so it sets the padded length.
    const fits = Math.floor(maxTokens / paddedLength(sorted[start]!.context.length));
    const size = Math.max(1, Math.min(batchSize, fits));
    batches.push(sorted.slice(start, start + size));
    start += size;
  }
  return batches;
}
