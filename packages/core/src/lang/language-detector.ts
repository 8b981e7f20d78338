import { UnknownContributionError } from '../errors/unknown-contribution-error';
import type { LanguagePack } from './language-pack';
import { NgramModel, ngramPosteriors, textNgrams } from './ngram-model';
import { buildNgramProfile } from './ngram-profile';
import { countScripts, lettersInScripts, unicodeScriptsOf } from './script';

/** One candidate language and how likely the text is in it. */
export interface LanguageGuess {
  readonly code: string;
  readonly probability: number;
}

export interface DetectionResult {
  /** The most likely language, or undefined when the text has no letters in any known script. */
  readonly code?: string;
  /** The Unicode script most of the text's letters are in. */
  readonly script?: string;
  /** P(code) × the share of letters in that script: a value in [0, 1] usable as a reward. */
  readonly confidence: number;
  /** Languages written in `script`, most likely first. */
  readonly candidates: readonly LanguageGuess[];
}

/**
 * Tells languages apart in two steps: the Unicode script of the letters picks the candidate packs,
 * then the packs' character n-gram profiles rank those candidates (naive Bayes).
 */
export class LanguageDetector {
  private readonly packsByScript = new Map<string, LanguagePack[]>();
  private readonly models = new Map<string, NgramModel>();

  constructor(private readonly packs: readonly LanguagePack[]) {
    for (const pack of packs) {
      for (const script of packScripts(pack)) {
        const list = this.packsByScript.get(script) ?? [];
        list.push(pack);
        this.packsByScript.set(script, list);
      }
    }
  }

  detect(text: string): DetectionResult {
    const normalized = text.normalize('NFC');
    const { counts, letters } = countScripts(normalized, [...this.packsByScript.keys()]);
    const [script, count] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best), ['', 0]);
    if (count === 0) return { confidence: 0, candidates: [] };
    const candidates = this.posteriorsWithin(script, normalized);
    return { code: candidates[0].code, script, confidence: candidates[0].probability * (count / letters), candidates };
  }

  /**
   * How likely `text` is written in the language `code`: for each script of the pack, the share of
   * letters in that script times the pack's n-gram posterior among languages of that script.
   */
  probabilityOf(text: string, code: string): number {
    const pack = this.packs.find((p) => p.code === code);
    if (pack === undefined) throw new UnknownContributionError('language pack', code, this.packs.map((p) => p.code));
    const normalized = text.normalize('NFC');
    const scripts = packScripts(pack);
    const { counts, letters } = countScripts(normalized, [...this.packsByScript.keys()]);
    if (letters === 0) return 0;
    let probability = 0;
    for (const script of scripts) {
      const share = (counts.get(script) ?? 0) / letters;
      if (share === 0) continue;
      const guess = this.posteriorsWithin(script, normalized).find((g) => g.code === code);
      probability += share * (guess?.probability ?? 0);
    }
    return probability;
  }

  /** Posteriors of the packs written in `script`, from the letters of their scripts in `text`. */
  private posteriorsWithin(script: string, text: string): LanguageGuess[] {
    const packs = this.packsByScript.get(script) ?? [];
    if (packs.length === 1) return [{ code: packs[0].code, probability: 1 }];
    const groups = packs.map((p) => scriptGroupWith(p, script));
    const grams = textNgrams(lettersInScripts(text, [...new Set(groups.flat())]));
    const posteriors = ngramPosteriors(packs.map((p, i) => this.modelOf(p, groups[i])), grams);
    return packs.map((p, i) => ({ code: p.code, probability: posteriors[i] }))
      .sort((a, b) => b.probability - a.probability);
  }

  /** The pack's n-gram model restricted to grams written in `scripts` (cached per script set). */
  private modelOf(pack: LanguagePack, scripts: readonly string[]): NgramModel {
    const key = `${pack.code}\u0000${scripts.join(',')}`;
    let model = this.models.get(key);
    if (model === undefined) {
      const profile = pack.detection?.profile ?? buildNgramProfile(pack.samples.join('\n'));
      const inScripts = (gram: string): boolean => lettersInScripts(gram, scripts).trim() === gram.trim();
      model = new NgramModel(profile, inScripts);
      this.models.set(key, model);
    }
    return model;
  }
}

/**
 * The Unicode scripts that are written together with `script` in `pack` ('Hani' in a 'Jpan' pack → Hani,
 * Hira, Kana; 'Cyrl' in Serbian's ['Cyrl', 'Latn'] → Cyrl only).
 */
function scriptGroupWith(pack: LanguagePack, script: string): string[] {
  const group = pack.scripts.map(unicodeScriptsOf).find((g) => g.includes(script));
  return group === undefined ? [script] : [...group];
}

function packScripts(pack: LanguagePack): string[] {
  return [...new Set(pack.scripts.flatMap(unicodeScriptsOf))];
}
