import { OkapiError } from '../errors/okapi-error';
import type { EvalItem } from './build-items';
import type { EvalTextEncoder, LogLikelihoodRequest, LogLikelihoodResult, LogLikelihoodScorer } from './loglikelihood-scorer';

/** The scored choices of one item. */
export interface ScoredItem {
  readonly item: EvalItem;
  readonly results: readonly LogLikelihoodResult[];
  /** Context tokens before truncation, and how many were cut from the left. */
  readonly contextTokens: number;
  readonly truncatedTokens: number;
}

export interface ScoreItemsOptions {
  /** Items per scorer call (the scorer may batch their contexts together). @defaultValue 8 */
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

interface TokenizedItem {
  readonly item: EvalItem;
  readonly requests: LogLikelihoodRequest[];
  readonly contextTokens: number;
  readonly truncatedTokens: number;
}

/**
 * lm-eval's input: (context + continuation) keeps its last maxLength + 1 tokens (the last is only a target),
 * so the context loses tokens from the left. Choices needing the same cut share one context array.
 */
async function tokenizeItem(item: EvalItem, encoder: EvalTextEncoder, maxLength: number): Promise<TokenizedItem> {
  const context = item.context === '' ? [encoder.endOfTextId] : await encoder.encode(item.context);
  const continuations = await Promise.all(item.continuations.map((c) => encoder.encode(c)));
  const byKeep = new Map<number, readonly number[]>();
  let truncatedTokens = 0;
  const requests = continuations.map((continuation, choice) => {
    if (continuation.length > maxLength) {
      throw new OkapiError(`Choice ${choice} of doc ${item.docId} is ${continuation.length} tokens, longer than the model's ${maxLength}`, {
        hint: 'This choice cannot be scored with this model.',
      });
    }
    const keep = Math.min(context.length, maxLength + 1 - continuation.length);
    truncatedTokens = Math.max(truncatedTokens, context.length - keep);
    if (!byKeep.has(keep)) byKeep.set(keep, keep === context.length ? context : context.slice(context.length - keep));
    return { context: byKeep.get(keep)!, continuation };
  });
  return { item, requests, contextTokens: context.length, truncatedTokens };
}

/** Longest context first (lm-eval's order), ties in doc order: consecutive items have similar lengths, so batches pad little. */
function byContextLengthDescending(items: readonly TokenizedItem[]): number[] {
  const length = (t: TokenizedItem): number => Math.max(...t.requests.map((r) => r.context.length));
  return items.map((_, i) => i).sort((a, b) => length(items[b]!) - length(items[a]!) || a - b);
}

/**
 * Tokenizes the items (lm-eval semantics) and scores every choice, `batchSize` items per scorer call,
 * taking items in order of decreasing context length so each call holds contexts of similar length.
 * Results come back in the items' order.
 */
export async function scoreItems(items: readonly EvalItem[], encoder: EvalTextEncoder, scorer: LogLikelihoodScorer, options: ScoreItemsOptions = {}): Promise<ScoredItem[]> {
  const batchSize = Math.max(1, options.batchSize ?? 8);
  const tokenized = await Promise.all(items.map((item) => tokenizeItem(item, encoder, scorer.maxLength)));
  const order = byContextLengthDescending(tokenized);
  const scored: ScoredItem[] = new Array(items.length);
  for (let start = 0; start < order.length; start += batchSize) {
    options.signal?.throwIfAborted();
    const batch = order.slice(start, start + batchSize);
    const requests = batch.flatMap((i) => tokenized[i]!.requests);
    const results = await scorer.loglikelihood(requests);
    if (results.length !== requests.length) throw new Error(`The scorer returned ${results.length} results for ${requests.length} requests`);
    let offset = 0;
    for (const i of batch) {
      const b = tokenized[i]!;
      scored[i] = { item: b.item, results: results.slice(offset, offset + b.requests.length), contextTokens: b.contextTokens, truncatedTokens: b.truncatedTokens };
      offset += b.requests.length;
    }
    options.onProgress?.(Math.min(start + batchSize, order.length), items.length);
  }
  return scored;
}
