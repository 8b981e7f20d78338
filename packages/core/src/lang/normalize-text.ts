/** How a pack wants text normalised before training, comparison and detection. */
export interface NormalizationOptions {
  /** Unicode normalisation form; NFC unless a pack needs compatibility folding. */
  readonly form?: 'NFC' | 'NFKC';
  /** Arabic tatweel (U+0640), a stretching character with no meaning. */
  readonly removeTatweel?: boolean;
  /** Arabic harakat (U+064B–U+065F, U+0670): usually absent from ordinary text. */
  readonly removeArabicDiacritics?: boolean;
  /** Zero-width joiners and non-joiners are meaningful in Indic and Persian text; remove only if asked. */
  readonly removeZeroWidth?: boolean;
}

const TATWEEL = /\u0640/g;
const ARABIC_DIACRITICS = /[\u064B-\u065F\u0670]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Normalises `text` as `options` say. Idempotent: normalising twice gives the same text. */
export function normalizeText(text: string, options: NormalizationOptions = {}): string {
  let out = text.normalize(options.form ?? 'NFC');
  if (options.removeTatweel === true) out = out.replace(TATWEEL, '');
  if (options.removeArabicDiacritics === true) out = out.replace(ARABIC_DIACRITICS, '');
  if (options.removeZeroWidth === true) out = out.replace(ZERO_WIDTH, '');
  // removals can expose new canonical compositions, so normalise once more
  return out.normalize(options.form ?? 'NFC');
}
