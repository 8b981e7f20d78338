import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadTokenizer } from './load-tokenizer';
import type { Tokenizer } from './tokenizer';

// Ids produced by the reference SentencePiece library for English and Chinese Alpaca texts; the texts
// themselves are read from the shared fixtures (see testdata/llama-sentencepiece-alpaca.json "about").
const fixtures = resolve(__dirname, '../../../../../shared/fixtures');
const reference = JSON.parse(readFileSync(join(__dirname, 'testdata/llama-sentencepiece-alpaca.json'), 'utf8')) as {
  cases: { file: string; record: number; field: string; ids: number[] }[];
};
const records = new Map<string, Record<string, string>[]>();
const textOf = (c: { file: string; record: number; field: string }): string => {
  if (!records.has(c.file)) records.set(c.file, JSON.parse(readFileSync(join(fixtures, c.file), 'utf8')));
  return records.get(c.file)![c.record][c.field];
};

describe('LLaMA tokenizers against the SentencePiece library on real text', () => {
  let dir: string;
  const tokenizers: Record<string, Tokenizer> = {};
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'okapi-spref-'));
    await copyFile(join(fixtures, 'tokenizers/llama/tokenizer.model'), join(dir, 'tokenizer.model'));
    tokenizers['tokenizer.model'] = await loadTokenizer(dir);
    tokenizers['tokenizer.json'] = await loadTokenizer(join(fixtures, 'models/tiny-random-llama-onnx'));
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it.each(['tokenizer.model', 'tokenizer.json'])('%s gives the reference ids for all 120 texts and decodes them back', async (which) => {
    const sut = tokenizers[which];
    const mismatches: string[] = [];
    for (const c of reference.cases) {
      const text = textOf(c);
      const ids = await sut.encode(text, { addSpecialTokens: false });
      if (ids.join() !== c.ids.join()) mismatches.push(`${c.file}#${c.record}.${c.field}`);
      else if ((await sut.decode(ids)) !== text) mismatches.push(`decode ${c.file}#${c.record}.${c.field}`);
    }
    expect(reference.cases).toHaveLength(120);
    expect(mismatches).toEqual([]);
  });
});
