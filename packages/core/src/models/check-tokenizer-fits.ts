import { OkapiError } from '../errors/okapi-error';
import type { ModelArchitecture } from './model-architecture';

/**
 * A tokenizer whose ids exceed the embedding matrix would index out of range at run time; refuse
 * the pair up front. (Fewer tokenizer ids than rows is normal: HF pads vocab_size to a multiple.)
 */
export function checkTokenizerFits(tokenizerVocabSize: number, arch: ModelArchitecture, where = 'model directory'): void {
  const rows = arch.config.vocabSize;
  if (tokenizerVocabSize > rows) {
    throw new OkapiError(`${where}: the tokenizer has ${tokenizerVocabSize} tokens but the ${arch.family} embedding matrix has only ${rows} rows (config vocab_size)`, {
      hint: 'The tokenizer belongs to another model, or tokens were added without resizing the embeddings; use the tokenizer saved with these weights.',
    });
  }
}
