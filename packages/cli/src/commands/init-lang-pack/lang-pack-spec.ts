import { OkapiError } from '@okapi/core';

/** What the scaffold needs to know about the new language; guessed from CLDR data, overridable by flags. */
export interface LangPackSpec {
  readonly code: string;
  readonly name: string;
  readonly nativeName: string;
  readonly script: string;
  readonly direction: 'ltr' | 'rtl';
}

const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm']);

/** Canonical BCP-47 code, names and script for `code`, from Node's ICU unless given. */
export function langPackSpec(code: string, given: { name?: string; nativeName?: string; script?: string } = {}): LangPackSpec {
  let canonical: string;
  try {
    [canonical] = Intl.getCanonicalLocales(code);
  } catch {
    throw new OkapiError(`'${code}' is not a valid BCP-47 language tag.`, {
      hint: "Use a language code such as 'sw', 'fil' or 'sr-Latn' (ISO 639 language, optional script/region subtags).",
    });
  }
  const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(canonical);
  const native = safeNativeName(canonical);
  const script = given.script ?? new Intl.Locale(canonical).maximize().script ?? 'Latn';
  return {
    code: canonical,
    name: given.name ?? english ?? canonical,
    nativeName: given.nativeName ?? native ?? english ?? canonical,
    script,
    direction: RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr',
  };
}

function safeNativeName(code: string): string | undefined {
  try {
    return new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    return undefined;
  }
}
