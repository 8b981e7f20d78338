import { forEachNgram, type NgramProfile } from './ngram-profile';

/** Pseudo-count for grams a profile never saw, and the vocabulary size it is spread over. */
const SMOOTHING = 0.5;
const VOCABULARY = 10_000;

/**
 * A profile turned into log-probabilities, so scoring a text is one lookup per n-gram. With `keep`,
 * only grams it accepts count, and probabilities are renormalised over them: a Serbian profile with
 * Cyrillic and Latin halves scores Cyrillic text as well as a Cyrillic-only profile would.
 */
export class NgramModel {
  private readonly logProbs = new Map<string, number>();
  private readonly unseenLogProb: number;

  constructor(profile: NgramProfile, keep: (gram: string) => boolean = () => true) {
    const entries = Object.entries(profile.grams);
    const listed = entries.reduce((sum, [, c]) => sum + c, 0);
    const kept = entries.filter(([gram]) => keep(gram));
    const keptMass = kept.reduce((sum, [, c]) => sum + c, 0);
    // grams cut from the profile are assumed to split between scripts like the listed ones
    const total = listed > 0 ? (profile.total * keptMass) / listed : 0;
    const denominator = total + SMOOTHING * VOCABULARY;
    for (const [gram, count] of kept) this.logProbs.set(gram, Math.log((count + SMOOTHING) / denominator));
    this.unseenLogProb = Math.log(SMOOTHING / denominator);
  }

  /** log P(gram | language). */
  logProb(gram: string): number {
    return this.logProbs.get(gram) ?? this.unseenLogProb;
  }
}

/** The n-grams of `text`, listed once per occurrence. */
export function textNgrams(text: string): string[] {
  const grams: string[] = [];
  forEachNgram(text, (g) => grams.push(g));
  return grams;
}

/**
 * Posterior probabilities of each model given `grams` (naive Bayes, uniform prior). Evidence is capped
 * at `maxEvidence` n-grams' worth, so long texts don't produce false certainty.
 */
export function ngramPosteriors(models: readonly NgramModel[], grams: readonly string[], maxEvidence = 60): number[] {
  if (models.length === 0) return [];
  if (grams.length === 0) return models.map(() => 1 / models.length);
  const scale = Math.min(1, maxEvidence / grams.length);
  const logLikelihoods = models.map((m) => grams.reduce((sum, g) => sum + m.logProb(g), 0) * scale);
  const best = Math.max(...logLikelihoods);
  const weights = logLikelihoods.map((l) => Math.exp(l - best));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}
