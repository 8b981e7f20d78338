import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { OkapiError } from '../errors/okapi-error';

/** Okapi's published SFT files name Japanese 'jp'; ISO says 'ja'. Either finds either. */
const LANGUAGE_FILE_ALIASES: Readonly<Record<string, readonly string[]>> = { ja: ['ja', 'jp'], jp: ['jp', 'ja'] };

/** Which Okapi dataset a directory holds, by the names the authors published them under. */
const OKAPI_DIRECTORY_FORMATS: readonly (readonly [RegExp, string])[] = [
  [/multilingual-alpaca/i, 'okapi-alpaca'],
  [/multilingual-ranking/i, 'okapi-ranking'],
  [/multilingual-rl-tuning/i, 'okapi-rl'],
];

const EXTENSIONS = ['.json', '.jsonl'];

/** File names tried for a language, in order: `{lang}.json`, `{lang}.jsonl`, then the alias. */
export function languageFileCandidates(lang: string): string[] {
  const codes = LANGUAGE_FILE_ALIASES[lang] ?? [lang];
  return codes.flatMap((code) => EXTENSIONS.map((ext) => `${code}${ext}`));
}

/** The format an Okapi data directory implies ('multilingual-ranking-data-42k' → okapi-ranking), if any. */
export function formatFromOkapiDirectory(dir: string): string | undefined {
  return OKAPI_DIRECTORY_FORMATS.find(([pattern]) => pattern.test(dir))?.[1];
}

/** Finds `--data-dir DIR --lang xx`'s file, or says which languages the directory has. */
export async function findLanguageFile(dir: string, lang: string): Promise<string> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (e) {
    throw new OkapiError(`Cannot read data directory ${dir}: ${(e as Error).message}`, { hint: 'Pass --data-dir pointing at a folder of {lang}.json files.' });
  }
  const found = languageFileCandidates(lang).find((name) => entries.includes(name));
  if (found !== undefined) return join(dir, found);
  const available = entries.filter((n) => EXTENSIONS.some((ext) => n.endsWith(ext)) && !n.includes('.rejected.')).map((n) => n.replace(/\.jsonl?$/, ''));
  throw new OkapiError(`No data file for language '${lang}' in ${dir} (looked for ${languageFileCandidates(lang).join(', ')}).`, {
    hint: available.length > 0 ? `Languages in this directory: ${[...new Set(available)].sort().join(', ')}.` : 'The directory holds no .json / .jsonl files.',
  });
}
