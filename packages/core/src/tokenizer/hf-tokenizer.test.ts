import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadTokenizer } from './load-tokenizer';
import type { Tokenizer } from './tokenizer';

const llamaDir = resolve(__dirname, '../../../../../shared/fixtures/models/tiny-random-llama-onnx');
// Llama-2 ids (cases.out): "Hello world" → 15043 3186; " Hello World!" → 29871 15043 2787 29991
const hello = [15043, 3186];

describe('HfTokenizer (LLaMA tokenizer.json)', () => {
  let sut: Tokenizer;
  beforeAll(async () => { sut = await loadTokenizer(llamaDir); });

  it('pads a batch on the right by default, and on the left when asked, with pad <unk> = 0', async () => {
    const right = await sut.encodeBatch(['Hello world', ' Hello World!']);
    expect(right.inputIds).toEqual([[1, ...hello, 0, 0], [1, 29871, 15043, 2787, 29991]]);
    expect(right.attentionMask).toEqual([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1]]);
    const left = await sut.encodeBatch(['Hello world', ' Hello World!'], { paddingSide: 'left' });
    expect(left.inputIds[0]).toEqual([0, 0, 1, ...hello]);
    expect(left.attentionMask[0]).toEqual([0, 0, 1, 1, 1]);
  });

  it('pads to max_length and truncates content on either side, keeping BOS', async () => {
    const padded = await sut.encodeBatch(['Hello world'], { padding: 'max_length', maxLength: 6, padId: 2 });
    expect(padded.inputIds).toEqual([[1, ...hello, 2, 2, 2]]);
    expect(await sut.encode(' Hello World!', { maxLength: 3 })).toEqual([1, 29871, 15043]);
    expect(await sut.encode(' Hello World!', { maxLength: 3, truncationSide: 'left' })).toEqual([1, 2787, 29991]);
    expect(await sut.encode('Hello world', { maxLength: 1 })).toEqual([1]);
  });

  it('renders the LLaMA-2 chat template with the special tokens', () => {
    const text = sut.applyChatTemplate([{ role: 'user', content: ' Hi ' }, { role: 'assistant', content: 'Hello' }]);
    expect(text).toBe('<s>[INST] Hi [/INST] Hello </s>');
  });

  it('turns raise_exception in a template into an OkapiError', () => {
    expect(() => sut.applyChatTemplate([{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }])).toThrow(
      /Rendering the chat template failed: .*Conversation roles must alternate/,
    );
  });

  it('marks special ids', () => {
    expect([0, 1, 2, 15043].map((id) => sut.isSpecial(id))).toEqual([true, true, true, false]);
    expect(sut.tokenToId('<s>')).toBe(1);
    expect(sut.idToToken(15043)).toBe('▁Hello');
    expect(sut.modelMaxLength).toBe(2048);
  });
});

describe('tokenizer settings', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'okapi-tok-'));
    await copyFile(join(llamaDir, 'tokenizer.json'), join(dir, 'tokenizer.json'));
  });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  const config = (value: object) => writeFile(join(dir, 'tokenizer_config.json'), JSON.stringify(value));

  it('follows the post-processor when tokenizer_config.json is absent (LLaMA tokenizer.json adds <s>)', async () => {
    const sut = await loadTokenizer(dir);
    expect(sut.prefixIds).toEqual([1]);
    expect(sut.special.pad).toBeUndefined();
    await expect(sut.encodeBatch(['a', 'a b c'])).rejects.toThrow(/needs a pad token, and this tokenizer has none/);
  });

  it('lets add_bos_token / add_eos_token override the post-processor', async () => {
    await config({ bos_token: '<s>', eos_token: { content: '</s>' }, add_bos_token: false, add_eos_token: true, padding_side: 'left' });
    const sut = await loadTokenizer(dir);
    expect(await sut.encode('Hello world')).toEqual([...hello, 2]);
    expect(sut.paddingSide).toBe('left');
  });

  it('cleans up spaces before punctuation only when clean_up_tokenization_spaces is true', async () => {
    const ids = await (await loadTokenizer(dir)).encode('Hello , world !', { addSpecialTokens: false });
    expect(await (await loadTokenizer(dir)).decode(ids)).toBe('Hello , world !');
    await config({ clean_up_tokenization_spaces: true });
    expect(await (await loadTokenizer(dir)).decode(ids)).toBe('Hello, world!');
  });

  it('names a special token that is not in the vocabulary', async () => {
    await config({ pad_token: '<pad>' });
    await expect(loadTokenizer(dir)).rejects.toThrow(/names pad_token '<pad>', which is not in the vocabulary/);
  });

  it('names a bad padding_side', async () => {
    await config({ padding_side: 'top' });
    await expect(loadTokenizer(dir)).rejects.toThrow(/"padding_side" must be "left" or "right", found "top"/);
  });

  it('says when a directory has no tokenizer, and when it has no chat template', async () => {
    await rm(join(dir, 'tokenizer.json'));
    await expect(loadTokenizer(dir)).rejects.toThrow(/No tokenizer.json or tokenizer.model in/);
    await copyFile(join(llamaDir, 'tokenizer.json'), join(dir, 'tokenizer.json'));
    const sut = await loadTokenizer(dir);
    expect(() => sut.applyChatTemplate([{ role: 'user', content: 'x' }])).toThrow(/has no chat_template/);
  });
});
