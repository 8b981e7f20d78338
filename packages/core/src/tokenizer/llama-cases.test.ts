import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadTokenizer } from './load-tokenizer';
import type { Tokenizer } from './tokenizer';

// Fixtures: 46 texts and the ids HF AutoTokenizer (Llama-2) gives them, without BOS (llama.cpp test data).
const fixtures = resolve(__dirname, '../../../../../shared/fixtures');
const texts = readFileSync(join(fixtures, 'tokenizers/llama/cases.inp'), 'utf8').split('\n__ggml_vocab_test__\n').slice(0, 46);
const expectedIds = readFileSync(join(fixtures, 'tokenizers/llama/cases.out'), 'utf8').split('\n').slice(0, 46)
  .map((line) => line.trim().split(' ').filter((s) => s !== '').map(Number));
const cases = texts.map((text, i) => ({ i, text, ids: expectedIds[i] }));

describe.each([
  ['tokenizer.json', 'models/tiny-random-llama-onnx'],
  ['tokenizer.model', 'tokenizers/llama'],
])('LLaMA tokenizer via %s', (_file, fixtureDir) => {
  let sut: Tokenizer;
  let dir: string;
  beforeAll(async () => {
    if (_file === 'tokenizer.json') {
      sut = await loadTokenizer(join(fixtures, fixtureDir));
    } else {
      // tokenizer.model alone, as a directory with nothing else would have it
      dir = await mkdtemp(join(tmpdir(), 'okapi-sp-'));
      await copyFile(join(fixtures, fixtureDir, 'tokenizer.model'), join(dir, 'tokenizer.model'));
      sut = await loadTokenizer(dir);
    }
  });
  afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

  it('has the 46 cases', () => {
    expect(cases).toHaveLength(46);
    expect(sut.vocabSize).toBe(32000);
  });

  it.each(cases)('case $i encodes to the HF ids', async ({ text, ids }) => {
    expect(await sut.encode(text, { addSpecialTokens: false })).toEqual(ids);
  });

  it('decodes every case back to its text', async () => {
    const decoded = await sut.decodeBatch(expectedIds);
    expect(decoded).toEqual(texts);
  });

  it('adds BOS (<s> = 1) by default, as LLaMA does, and skips it when decoding', async () => {
    const ids = await sut.encode('Hello world');
    expect(ids).toEqual([1, ...expectedIds[texts.indexOf('Hello world')]]);
    expect(sut.special.bos).toEqual({ token: '<s>', id: 1 });
    expect(sut.special.eos).toEqual({ token: '</s>', id: 2 });
    expect(await sut.decode([...ids, 2], { skipSpecialTokens: true })).toBe('Hello world');
    expect(await sut.decode([...ids, 2])).toBe('<s> Hello world</s>');
  });
});
