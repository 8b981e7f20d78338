import { join, resolve } from 'node:path';
import { IncrementalDecoder } from './incremental-decoder';
import { loadTokenizer } from './load-tokenizer';
import type { Tokenizer } from './tokenizer';
import { assertTokenizerFitsModel } from './vocab-fit';

const llamaDir = resolve(__dirname, '../../../../../shared/fixtures/models/tiny-random-llama-onnx');

describe(IncrementalDecoder.name, () => {
  let tokenizer: Tokenizer;
  beforeAll(async () => { tokenizer = await loadTokenizer(join(llamaDir)); });

  it.each([
    'Hello world, this is 🦙.cpp',
    'нещо на Български',
    '   leading spaces and\nnew lines\t',
    'ied 4 ½ months',
  ])('streams %j in pieces that join to the full decode, never showing a broken character', async (text) => {
    const ids = [...(await tokenizer.encode(text)), 2]; // BOS … EOS, as a generation would produce
    const sut = new IncrementalDecoder(tokenizer);
    const pieces: string[] = [];
    for (const id of ids) pieces.push(await sut.push(id));
    pieces.push(await sut.flush());
    expect(pieces.join('')).toBe(await tokenizer.decode(ids, { skipSpecialTokens: true }));
    expect(pieces.join('')).toBe(text);
    expect(pieces.some((p) => p.includes('\uFFFD'))).toBe(false);
  });

  it('holds back the bytes of an emoji until it is complete', async () => {
    const ids = await tokenizer.encode('🦙', { addSpecialTokens: false }); // byte-fallback tokens
    const sut = new IncrementalDecoder(tokenizer);
    const pieces: string[] = [];
    for (const id of ids) pieces.push(await sut.push(id));
    expect(pieces.filter((p) => p !== '')).toEqual(['🦙']);
    expect(pieces[pieces.length - 1]).toBe('🦙');
  });
});

describe(assertTokenizerFitsModel.name, () => {
  it('accepts a padded embedding and refuses a too-small one', () => {
    expect(() => assertTokenizerFitsModel(32000, 32064, 'm')).not.toThrow();
    expect(() => assertTokenizerFitsModel(32001, 32000, 'm')).toThrow(/has 32001 ids but the model's embedding has only 32000 rows/);
  });
});
