import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { saveModelDirectory, trainBpeTokenizer } from '@okapi/core';
import { tinyBloomConfig, tinyLlamaConfig, tinyModel } from '../fixtures-models/tiny-models';

/**
 * A complete tiny LLaMA (or BLOOM) directory (config, safetensors, a byte-level BPE tokenizer trained on `texts`)
 * as `okapi` commands load it.
 */
export async function writeTinyLlamaDirectory(dir: string, texts: readonly string[], vocabSize = 300, family: 'llama' | 'bloom' = 'llama'): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const tokenizer = await trainBpeTokenizer({ texts, vocabSize });
  const special = tokenizer.special;
  const model = tinyModel((family === 'bloom' ? tinyBloomConfig : tinyLlamaConfig)({
    vocab_size: vocabSize, bos_token_id: special.bos?.id, eos_token_id: special.eos?.id, pad_token_id: special.pad?.id,
  }), 3);
  await saveModelDirectory(dir, model.arch, model.weights);
  await tokenizer.save(dir);
  return path.resolve(dir);
}
