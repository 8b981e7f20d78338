/**
 * Character 1–3-gram counts of a corpus in one language: the n-gram model the language detector
 * scores text against. `total` counts every n-gram seen, including those cut from `grams`.
 */
export interface NgramProfile {
  readonly total: number;
  readonly grams: Readonly<Record<string, number>>;
}

const NON_LETTERS = /[^\p{L}\p{M}]+/gu;

/** Lower-cased words of `text` made of letters and marks, each padded with one space on both sides. */
export function ngramWords(text: string): string[] {
  return text.toLowerCase().replace(NON_LETTERS, ' ').split(' ').filter((w) => w !== '').map((w) => ` ${w} `);
}

/** Calls `visit` on every 1-, 2- and 3-gram of `text` (spaces mark word edges; a lone space is no gram). */
export function forEachNgram(text: string, visit: (gram: string) => void): void {
  for (const word of ngramWords(text)) {
    const chars = [...word];
    for (let i = 0; i < chars.length; i += 1) {
      if (chars[i] !== ' ') visit(chars[i]);
      if (i + 1 < chars.length) visit(chars[i] + chars[i + 1]);
      if (i + 2 < chars.length) visit(chars[i] + chars[i + 1] + chars[i + 2]);
    }
  }
}

/** Counts the n-grams of `corpus` and keeps the `topK` most frequent (ties broken by the gram itself). */
export function buildNgramProfile(corpus: string, topK = 2000): NgramProfile {
  const counts = new Map<string, number>();
  let total = 0;
  forEachNgram(corpus, (gram) => {
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
    total += 1;
  });
  const kept = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, topK);
  return { total, grams: Object.fromEntries(kept) };
}
