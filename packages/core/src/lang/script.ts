/**
 * An ISO 15924 script code ('Latn', 'Cyrl', 'Deva', 'Hani', …). Any code that Unicode's Script property
 * knows works; 'Hans', 'Hant', 'Jpan' and 'Kore' stand for the Unicode scripts they mix.
 */
export type ScriptCode = string;

const compositeScripts: Readonly<Record<string, readonly string[]>> = {
  Hans: ['Hani'],
  Hant: ['Hani'],
  Jpan: ['Hani', 'Hira', 'Kana'],
  Kore: ['Hang', 'Hani'],
};

const patternCache = new Map<string, RegExp | null>();

/** The Unicode scripts a code stands for ('Jpan' → Hani, Hira, Kana; 'Latn' → Latn). */
export function unicodeScriptsOf(code: ScriptCode): readonly string[] {
  return compositeScripts[code] ?? [code];
}

/** A regex matching one character of `unicodeScript`, or null if Unicode has no such script. */
export function scriptPattern(unicodeScript: string): RegExp | null {
  if (!patternCache.has(unicodeScript)) {
    let pattern: RegExp | null;
    try {
      pattern = new RegExp(`\\p{Script=${unicodeScript}}`, 'u');
    } catch {
      pattern = null;
    }
    patternCache.set(unicodeScript, pattern);
  }
  return patternCache.get(unicodeScript) ?? null;
}

/** Whether `code` is a script this library can recognise characters of. */
export function isKnownScript(code: ScriptCode): boolean {
  return unicodeScriptsOf(code).every((s) => scriptPattern(s) !== null);
}

const letter = /[\p{L}\p{M}]/u;

/** How many letters of `text` are in each of `scripts` (Unicode script names), and how many letters in all. */
export function countScripts(text: string, scripts: readonly string[]): { counts: Map<string, number>; letters: number } {
  const patterns = scripts.map((s) => [s, scriptPattern(s)] as const).filter((e): e is readonly [string, RegExp] => e[1] !== null);
  const counts = new Map<string, number>(patterns.map(([s]) => [s, 0]));
  let letters = 0;
  for (const ch of text) {
    if (!letter.test(ch)) continue;
    const hit = patterns.find(([, p]) => p.test(ch));
    // combining marks of no script (Inherited) follow their base letter and are not counted
    if (hit === undefined && /\p{M}/u.test(ch)) continue;
    letters += 1;
    if (hit !== undefined) counts.set(hit[0], (counts.get(hit[0]) ?? 0) + 1);
  }
  return { counts, letters };
}

/** Keeps only the letters of `text` that belong to one of `scripts`; everything else becomes a space. */
export function lettersInScripts(text: string, scripts: readonly string[]): string {
  const patterns = scripts.map(scriptPattern).filter((p): p is RegExp => p !== null);
  const inheritedMark = /\p{M}/u;
  let kept = '';
  for (const ch of text) kept += patterns.some((p) => p.test(ch)) || inheritedMark.test(ch) ? ch : ' ';
  return kept;
}
