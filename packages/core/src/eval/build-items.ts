import { OkapiError } from '../errors/okapi-error';
import type { FewShotSource } from './eval-task';
import { docTarget, sameDoc, type McDoc } from './mc-doc';
import { PythonRandom } from './python-random';

/** lm-eval shuffles every task's docs with `random.Random(42)`, then keeps drawing few-shot examples from it. */
export const lmEvalSeed = 42;

/** One scored doc: its context and the continuations to score after it. */
export interface EvalItem {
  /** Position after the seeded shuffle (lm-eval's doc_id). */
  readonly docId: number;
  readonly doc: McDoc;
  readonly context: string;
  /** `" " + choice`, one per choice. */
  readonly continuations: readonly string[];
}

export interface BuildItemsOptions {
  readonly shots: number;
  /** Score only the first `limit` docs after shuffling (a fraction < 1 means that share, as in lm-eval). */
  readonly limit?: number;
  readonly fewShot?: { readonly source: FewShotSource; readonly docs: readonly McDoc[] };
  /** Text put before the examples, followed by a blank line. */
  readonly description?: string;
  readonly seed?: number;
}

/** lm-eval's `fewshot_context`: description, then examples joined by blank lines, then the query. */
export function fewShotContext(doc: McDoc, examples: readonly McDoc[], description = ''): string {
  const head = description === '' ? '' : `${description}\n\n`;
  const shots = examples.length === 0 ? '' : `${examples.map((e) => e.query + docTarget(e)).join('\n\n')}\n\n`;
  return head + shots + doc.query;
}

/** The number of docs scored under lm-eval's `limit` rule. */
export function limitedCount(total: number, limit: number | undefined): number {
  if (limit === undefined) return total;
  const n = limit < 1 ? Math.floor(total * limit) : Math.floor(limit);
  return Math.min(total, n);
}

function drawExamples(rnd: PythonRandom, doc: McDoc, shots: number, fewShot: NonNullable<BuildItemsOptions['fewShot']>): McDoc[] {
  if (fewShot.source.kind === 'training') {
    // Training docs never hold the scored doc (another split); lm-eval samples exactly k.
    return rnd.sample(fewShot.docs, shots);
  }
  // Held-out pool: one extra draw, so dropping the doc itself still leaves k.
  return rnd.sample(fewShot.docs, shots + 1).filter((e) => !sameDoc(e, doc)).slice(0, shots);
}

function checkPoolSize({ shots, fewShot }: BuildItemsOptions): void {
  if (shots === 0) return;
  if (fewShot === undefined) throw new OkapiError(`${shots}-shot evaluation needs few-shot examples, but this task has no few-shot split`, { hint: 'Use --shots 0.' });
  const needed = fewShot.source.kind === 'training' ? shots : shots + 1;
  if (fewShot.docs.length < needed) {
    throw new OkapiError(`${shots}-shot evaluation draws ${needed} docs from the ${fewShot.source.split} split, which has only ${fewShot.docs.length}`, {
      hint: `Use --shots ${Math.max(0, fewShot.docs.length - (needed - shots))} or fewer.`,
    });
  }
}

/**
 * Shuffles the docs with the lm-eval seed and builds each item's context, drawing few-shot examples from
 * the same generator in doc order, so items, prompts and examples match lm-evaluation-harness v0.3.
 */
export function buildEvalItems(docs: readonly McDoc[], options: BuildItemsOptions): EvalItem[] {
  checkPoolSize(options);
  const rnd = new PythonRandom(options.seed ?? lmEvalSeed);
  const shuffled = rnd.shuffle(docs.slice());
  const count = limitedCount(shuffled.length, options.limit);
  const items: EvalItem[] = [];
  for (let docId = 0; docId < count; docId++) {
    const doc = shuffled[docId]!;
    const examples = options.shots > 0 && options.fewShot !== undefined ? drawExamples(rnd, doc, options.shots, options.fewShot) : [];
    items.push({
      docId,
      doc,
      context: fewShotContext(doc, examples, options.description),
      continuations: doc.choices.map((c) => ` ${c}`),
    });
  }
  return items;
}
