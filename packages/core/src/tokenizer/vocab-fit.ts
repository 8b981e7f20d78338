import { OkapiError } from '../errors/okapi-error';

/**
 * A tokenizer may have fewer ids than the embedding has rows (models pad the vocabulary), never more:
 * an id past the last row would index outside the embedding matrix.
 */
export function assertTokenizerFitsModel(tokenizerVocabSize: number, embeddingRows: number, modelDir: string): void {
  if (tokenizerVocabSize > embeddingRows) {
    throw new OkapiError(
      `The tokenizer in ${modelDir} has ${tokenizerVocabSize} ids but the model's embedding has only ${embeddingRows} rows (vocab_size in config.json)`,
      { hint: 'The tokenizer does not belong to this model, or tokens were added without resizing the embeddings.' },
    );
  }
}
