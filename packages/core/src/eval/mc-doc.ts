/**
 * One multiple-choice doc after task preprocessing (lm-eval's processed doc). The prompt of a choice is
 * `context + " " + choice`; few-shot examples show `query + " " + choices[gold]`.
 */
export interface McDoc {
  /** lm-eval's `doc_to_text`: the question part of the context. */
  readonly query: string;
  readonly choices: readonly string[];
  /** Index of the correct choice. */
  readonly gold: number;
  /** An id that is part of the doc's identity (lm-eval keeps it in the processed doc: ARC id, XCOPA idx). */
  readonly id?: string;
  /** An id kept only for sample logs (MMLU and HellaSwag drop theirs when processing, so it never affects equality). */
  readonly sourceId?: string;
}

/** lm-eval's `doc_to_target` for multiple-choice tasks. */
export function docTarget(doc: McDoc): string {
  return ` ${doc.choices[doc.gold]}`;
}

/**
 * lm-eval drops a few-shot example that equals the doc being scored (Python `!=` on processed dicts),
 * so equality is by value over every field.
 */
export function sameDoc(a: McDoc, b: McDoc): boolean {
  return (
    a === b ||
    (a.query === b.query &&
      a.gold === b.gold &&
      a.id === b.id &&
      a.choices.length === b.choices.length &&
      a.choices.every((c, i) => c === b.choices[i]))
  );
}
