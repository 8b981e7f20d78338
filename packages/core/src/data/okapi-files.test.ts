import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findLanguageFile, formatFromOkapiDirectory, languageFileCandidates } from './okapi-files';

describe(findLanguageFile.name, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'okapi-langs-'));
    for (const name of ['vi.json', 'jp.json', 'de.jsonl', 'vi.json.rejected.jsonl']) writeFileSync(join(dir, name), '[]');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds {lang}.json, then {lang}.jsonl', async () => {
    expect(await findLanguageFile(dir, 'vi')).toBe(join(dir, 'vi.json'));
    expect(await findLanguageFile(dir, 'de')).toBe(join(dir, 'de.jsonl'));
  });

  it("maps ISO 'ja' to Okapi's 'jp' file name", async () => {
    expect(await findLanguageFile(dir, 'ja')).toBe(join(dir, 'jp.json'));
    expect(languageFileCandidates('jp')).toEqual(['jp.json', 'jp.jsonl', 'ja.json', 'ja.jsonl']);
  });

  it('lists the languages present when the file is missing', async () => {
    await expect(findLanguageFile(dir, 'fr')).rejects.toThrow(/No data file for language 'fr'/);
    await expect(findLanguageFile(dir, 'fr')).rejects.toMatchObject({ hint: 'Languages in this directory: de, jp, vi.' });
  });

  it('knows the published Okapi directory names', () => {
    expect(formatFromOkapiDirectory('data/multilingual-ranking-data-42k')).toBe('okapi-ranking');
    expect(formatFromOkapiDirectory('multilingual-alpaca-52k')).toBe('okapi-alpaca');
    expect(formatFromOkapiDirectory('multilingual-rl-tuning-64k')).toBe('okapi-rl');
    expect(formatFromOkapiDirectory('mine')).toBeUndefined();
  });
});
