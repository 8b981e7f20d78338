// Held-out text for the language-detection benchmark. None of it was used to build the packs' n-gram
// profiles (those come from the UDHR). Returns, per language code, a list of passages (plain text).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const fixtures = path.resolve(import.meta.dirname, '..', '..', 'shared', 'fixtures');
const localeDir = '/usr/share/locale';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** m_ARC test questions with their options (the Okapi authors' data, CC BY-NC 4.0). */
function arcPassages(lang) {
  const file = path.join(fixtures, 'eval', 'm_arc', `${lang}_test.json`);
  if (!existsSync(file)) return [];
  return readJson(file).map((r) => [r.instruction, r.option_a, r.option_b, r.option_c, r.option_d].filter(Boolean).join(' '));
}

/** XCOPA premises and choices (CC BY 4.0). */
function xcopaPassages(lang) {
  const dir = path.join(fixtures, 'eval', 'xcopa');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.includes(`.${lang}.`) || f.includes(`_${lang}.`) || f.includes(`-${lang}.`));
  return files.flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean)
    .map((line) => JSON.parse(line)).map((r) => [r.premise, r.choice1, r.choice2].join(' ')));
}

/** Alpaca outputs (English, CC BY-NC 4.0). */
function alpacaPassages(file) {
  const full = path.join(fixtures, 'instruct', file);
  return existsSync(full) ? readJson(full).map((r) => r.output) : [];
}

/** Translated messages of the gettext catalogs Debian packages install under /usr/share/locale/<lang>. */
function gettextPassages(lang) {
  const dir = path.join(localeDir, lang, 'LC_MESSAGES');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.mo')).sort()
    .flatMap((f) => readMo(path.join(dir, f)))
    .map(cleanMessage).filter((s) => s.length >= 20);
}

/** The msgstr of each entry of a GNU .mo file whose translation differs from the original. */
function readMo(file) {
  const buf = readFileSync(file);
  const le = buf.readUInt32LE(0) === 0x950412de;
  const u32 = (at) => (le ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
  const count = u32(8);
  const [originals, translations] = [u32(12), u32(16)];
  const out = [];
  for (let i = 1; i < count; i += 1) {
    const str = (table) => buf.toString('utf8', u32(table + i * 8 + 4), u32(table + i * 8 + 4) + u32(table + i * 8));
    const [msgid, msgstr] = [str(originals), str(translations)];
    if (msgstr !== msgid) out.push(msgstr.split('\0')[0]);
  }
  return out;
}

/** Drops what is not prose: format directives, option names, paths, URLs and markup. */
function cleanMessage(text) {
  return text.replace(/%[-+ #0-9.*]*[a-zA-Z]|\{[^}]*\}|<[^>]*>|https?:\S+|\S*[/\\]\S*|-{1,2}[a-z][\w-]*|\S+@\S+|&/g, ' ')
    .replace(/\s+/g, ' ').trim();
}

const sources = {
  arc: arcPassages, xcopa: xcopaPassages, gettext: gettextPassages,
};

/** Passages for `lang` and the name of the source they came from. */
export function heldOutPassages(lang) {
  if (lang === 'en') return { source: 'alpaca_en outputs', passages: alpacaPassages('alpaca_en_5000.json') };
  const arc = sources.arc(lang);
  if (arc.length > 0) return { source: 'm_ARC test', passages: arc };
  const xcopa = sources.xcopa(lang);
  if (xcopa.length > 0) return { source: 'XCOPA', passages: xcopa };
  return { source: `gettext catalogs (${localeDir}/${lang})`, passages: sources.gettext(lang) };
}
