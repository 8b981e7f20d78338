import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseSentencePieceModel, PieceType, SentencePieceAlgorithm } from './sentencepiece-model';
import { sentencePieceToTokenizerJson } from './sentencepiece-to-tokenizer-json';

const fixtures = resolve(__dirname, '../../../../../shared/fixtures');

describe(sentencePieceToTokenizerJson.name, () => {
  const model = parseSentencePieceModel(readFileSync(join(fixtures, 'tokenizers/llama/tokenizer.model')), 'tokenizer.model');
  const converted = JSON.parse(sentencePieceToTokenizerJson(model, { addBos: true, addEos: false, origin: 'tokenizer.model' }));
  // Meta's own tokenizer.json for Llama 2, produced by transformers' converter
  const reference = JSON.parse(readFileSync(join(fixtures, 'models/tiny-random-llama-onnx/tokenizer.json'), 'utf8'));

  it('reads the LLaMA SentencePiece model as BPE with byte fallback, no extra-whitespace removal', () => {
    expect(model.algorithm).toBe(SentencePieceAlgorithm.Bpe);
    expect(model.byteFallback).toBe(true);
    expect(model.addDummyPrefix).toBe(true);
    expect(model.removeExtraWhitespaces).toBe(false);
    expect(model.pieces.slice(0, 4).map((p) => [p.piece, p.type])).toEqual([
      ['<unk>', PieceType.Unknown], ['<s>', PieceType.Control], ['</s>', PieceType.Control], ['<0x00>', PieceType.Byte],
    ]);
  });

  it('derives the same vocabulary and merges, in the same order, as the reference tokenizer.json', () => {
    // The one known difference: piece 31353 is U+2028 (LINE SEPARATOR) in tokenizer.model, but Meta's
    // tokenizer.json stores it as "" (the character was lost when that file was made).
    const { '\u2028': separator, ...ours } = converted.model.vocab as Record<string, number>;
    const { '': lost, ...theirs } = reference.model.vocab as Record<string, number>;
    expect([separator, lost]).toEqual([31353, 31353]);
    expect(ours).toEqual(theirs);
    expect(converted.model.merges).toEqual(reference.model.merges);
  });

  it('builds the same normalizer, decoder, added tokens and BOS post-processor', () => {
    expect(converted.normalizer).toEqual(reference.normalizer);
    expect(converted.decoder).toEqual(reference.decoder);
    expect(converted.added_tokens).toEqual(reference.added_tokens);
    expect(converted.post_processor.single).toEqual(reference.post_processor.single);
  });

  it('refuses bytes that are not a SentencePiece model', () => {
    expect(() => parseSentencePieceModel(Buffer.from('{"not": "protobuf"}'), 'x.model')).toThrow(/x.model is not a SentencePiece model/);
  });
});
