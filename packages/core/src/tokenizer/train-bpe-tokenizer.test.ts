import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tokenizer } from 'tokenizers';
import { loadTokenizer } from './load-tokenizer';
import { learnByteLevelMerges } from './train-bpe-merges';
import { trainBpeTokenizer } from './train-bpe-tokenizer';

const corpus = [
  'Xin chào thế giới. Tôi là một mô hình ngôn ngữ.',
  'Hallo Welt. Ich bin ein Sprachmodell.',
  'Привет, мир. Я языковая модель.',
  'Bonjour le monde. Je suis un modèle de langue.',
  '你好，世界。我是一个语言模型。',
];

describe(trainBpeTokenizer.name, () => {
  it('learns the most frequent pair first', async () => {
    // "ab" occurs 6 times, "cd" 2 times: byte-level symbols for ASCII letters are the letters themselves
    const merges = await learnByteLevelMerges(['ab ab ab', 'ab ab ab', 'cd cd']);
    expect(merges[0]).toEqual(['a', 'b']);
  });

  it('is deterministic', async () => {
    const texts = Array(5).fill(corpus).flat();
    expect(await learnByteLevelMerges(texts)).toEqual(await learnByteLevelMerges(texts));
  });

  it('gives exactly the requested vocabulary size, special tokens first, BLOOM-style (no BOS)', async () => {
    const sut = await trainBpeTokenizer({ texts: Array(20).fill(corpus).flat(), vocabSize: 300 });
    expect(sut.vocabSize).toBe(300);
    expect([sut.special.unk?.id, sut.special.bos?.id, sut.special.eos?.id, sut.special.pad?.id]).toEqual([0, 1, 2, 3]);
    expect(sut.prefixIds).toEqual([]);
    expect(sut.suffixIds).toEqual([]);
  });

  it('round-trips text in every script, including characters it never saw', async () => {
    const sut = await trainBpeTokenizer({ texts: Array(20).fill(corpus).flat(), vocabSize: 400, addEos: true });
    for (const text of [...corpus, 'Unseen: 🦙 ½ ﬁ\n\ttabs  and  spaces', ' leading space']) {
      const ids = await sut.encode(text);
      expect(ids[ids.length - 1]).toBe(sut.special.eos!.id);
      expect(await sut.decode(ids, { skipSpecialTokens: true })).toBe(text);
    }
    const frequent = await sut.encode(corpus[0], { addSpecialTokens: false });
    expect(frequent.length).toBeLessThan(Buffer.byteLength(corpus[0])); // merges compress seen text
  });

  it('saves a directory that loads back to the same ids', async () => {
    const root = await mkdtemp(join(tmpdir(), 'okapi-bpe-save-'));
    let dir = root;
    try {
      const trained = await trainBpeTokenizer({ texts: corpus, vocabSize: 320, addBos: true });
      await trained.save(join(dir, 'nested'));
      dir = join(dir, 'nested');
      expect((await readdir(dir)).sort()).toEqual(['special_tokens_map.json', 'tokenizer.json', 'tokenizer_config.json']);
      const sut = await loadTokenizer(dir);
      for (const text of corpus) expect(await sut.encode(text)).toEqual(await trained.encode(text));
      expect((await sut.encode('x'))[0]).toBe(1);
      // HF fast tokenizers follow tokenizer.json's post-processor, so it must add BOS too
      const native = Tokenizer.fromFile(join(dir, 'tokenizer.json'));
      const plain = await trained.encode(corpus[1], { addSpecialTokens: false });
      expect((await native.encode(corpus[1], null, { addSpecialTokens: true })).getIds()).toEqual([1, ...plain]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('refuses a vocabulary smaller than special tokens + 256 bytes', async () => {
    await expect(trainBpeTokenizer({ texts: corpus, vocabSize: 100 })).rejects.toThrow(/vocabSize 100 is too small: .* at least 260/);
  });
});
