import { injectAll, injectable } from 'tsyringe';
import { LanguagePackContribution } from '../di/contributions';
import { UnknownContributionError } from '../errors/unknown-contribution-error';
import { LanguageDetector } from './language-detector';
import type { LanguagePack } from './language-pack';

/** Codes Okapi's published data uses in place of the ISO ones; they work even if a pack omits them. */
export const okapiCodeAliases: Readonly<Record<string, string>> = { jp: 'ja' };

/**
 * The installed language packs, looked up by code or alias ('jp' → 'ja'), case-insensitively and with
 * BCP-47 fallback ('pt-BR' → 'pt' when no 'pt-BR' pack exists).
 */
@injectable()
export class LanguageRegistry {
  private readonly byCode = new Map<string, LanguagePack>();
  private detectorInstance?: LanguageDetector;

  constructor(@injectAll(LanguagePackContribution, { isOptional: true }) packs: LanguagePack[] = []) {
    for (const pack of packs) this.byCode.set(pack.code.toLowerCase(), pack);
    for (const pack of packs) {
      for (const alias of pack.aliases ?? []) {
        if (!this.byCode.has(alias.toLowerCase())) this.byCode.set(alias.toLowerCase(), pack);
      }
    }
  }

  /** Every installed pack, sorted by code. */
  all(): LanguagePack[] {
    return [...new Set(this.byCode.values())].sort((a, b) => a.code.localeCompare(b.code));
  }

  /** The pack for `codeOrAlias`, or undefined. */
  find(codeOrAlias: string): LanguagePack | undefined {
    const subtags = codeOrAlias.trim().replace(/_/g, '-').toLowerCase().split('-');
    for (let n = subtags.length; n > 0; n -= 1) {
      const tag = subtags.slice(0, n).join('-');
      const pack = this.byCode.get(tag) ?? this.byCode.get(okapiCodeAliases[tag] ?? '');
      if (pack !== undefined) return pack;
    }
    return undefined;
  }

  /** The pack for `codeOrAlias`, or an error listing the installed codes with a did-you-mean. */
  get(codeOrAlias: string): LanguagePack {
    const pack = this.find(codeOrAlias);
    if (pack !== undefined) return pack;
    const packs = this.all();
    const aliases = packs.flatMap((p) => p.aliases ?? []);
    throw new UnknownContributionError('language', codeOrAlias, [...packs.map((p) => p.code), ...aliases], this.hintFor(codeOrAlias, packs));
  }

  /** A hint for a miss: a language name given instead of a code, or a country code ('vn' → 'vi'). */
  private hintFor(input: string, packs: readonly LanguagePack[]): string {
    const wanted = input.trim().toLowerCase();
    const byName = packs.find((p) => [p.name, p.nativeName].some((n) => n.toLowerCase() === wanted));
    if (byName !== undefined) return `'${input}' is the name of '${byName.code}': use the code, e.g. \`--lang ${byName.code}\`.`;
    const country = /^[a-z]{2}$/.test(wanted) ? this.find(likelyLanguageOfRegion(wanted) ?? '') : undefined;
    if (country !== undefined) return `'${input}' looks like a country code; the language code for ${country.name} is '${country.code}'.`;
    return 'Use a BCP-47 code from the list (`okapi langs` shows them all), or add a pack: `okapi init lang-pack <code>`.';
  }

  /** One detector over all installed packs (built on first use; profiles compile lazily). */
  detector(): LanguageDetector {
    this.detectorInstance ??= new LanguageDetector(this.all());
    return this.detectorInstance;
  }
}

/** The most likely language of an ISO 3166 region ('vn' → 'vi'), from Node's CLDR data. */
function likelyLanguageOfRegion(region: string): string | undefined {
  try {
    const language = new Intl.Locale(`und-${region.toUpperCase()}`).maximize().language;
    return language === 'und' ? undefined : language;
  } catch {
    return undefined;
  }
}
