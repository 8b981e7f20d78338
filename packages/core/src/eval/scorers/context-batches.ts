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

/**
 * Splits groups into batches of at most `batchSize` contexts, longest contexts first, so each batch
 * holds contexts of similar length and left padding stays small (lm-eval sorts by length the same way).
 */
export function batchBySimilarLength(groups: readonly ContextGroup[], batchSize: number): ContextGroup[][] {
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) throw new RangeError(`batchSize must be an integer >= 1, got ${batchSize}`);
  const sorted = groups.map((group, order) => ({ group, order }))
    .sort((a, b) => b.group.context.length - a.group.context.length || a.order - b.order)
    .map((x) => x.group);
  const batches: ContextGroup[][] = [];
  for (let start = 0; start < sorted.length; start += batchSize) batches.push(sorted.slice(start, start + batchSize));
  return batches;
}
