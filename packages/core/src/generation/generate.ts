import { OkapiError } from '../errors/okapi-error';
import { Rng } from '../util/rng';
import type { GenerationModel } from './generate-model';
import { leftPadPrompts } from './generate-padding';
import { TextStreamer, type TokenEvent } from './generate-stream';
import { chooseNextToken } from './next-token';
import type { SamplingOptions } from './sampling-options';
import { stopReason, type StopReason } from './stop-criteria';

export interface GenerateOptions extends SamplingOptions {
  readonly maxNewTokens: number;
  /** Ids that end a row (kept in its output, as HF does). */
  readonly eosIds: readonly number[];
  /** Fed for padding and for rows that have finished. */
  readonly padId: number;
  readonly stopStrings?: readonly string[];
  /** Seed of the sampling RNG (ignored when greedy). @defaultValue 0 */
  readonly seed?: number | string;
  /** Turns generated ids into text; needed for stop strings and for text in streamed events. */
  readonly decode?: (ids: readonly number[]) => string | Promise<string>;
  /** Streaming: called for every new token of every row, in order. */
  readonly onToken?: (event: TokenEvent) => void;
}

export interface GenerateResult {
  /** Generated ids only, per row (EOS included when it ended the row). */
  readonly outputIds: number[][];
  readonly stopReasons: StopReason[];
  /** Decoded generated text (cut before a stop string), when `decode` was given. */
  readonly texts?: string[];
}

/**
 * The generation loop: left-pads the batch, prefills once, then decodes one token per row per step
 * through the model's KV cache, choosing tokens with the shared logits processors (greedy or seeded
 * sampling) until every row hits EOS, a stop string or max_new_tokens.
 */
export async function generate(model: GenerationModel, prompts: readonly (readonly number[])[], options: GenerateOptions): Promise<GenerateResult> {
  checkRequest(model, prompts, options);
  const rng = Rng.fromSeed(options.seed ?? 0);
  const rows = prompts.length;
  const outputs: number[][] = prompts.map(() => []);
  const reasons: (StopReason | undefined)[] = new Array(rows).fill(undefined);
  const streamer = new TextStreamer(rows, options.decode, options.onToken);
  let logits = await model.prefill(leftPadPrompts(prompts, options.padId), options.maxNewTokens);
  try {
    for (let step = 0; step < options.maxNewTokens; step++) {
      const next = new Array<number>(rows).fill(options.padId);
      for (let row = 0; row < rows; row++) {
        if (reasons[row] !== undefined) continue;
        next[row] = chooseNextToken(logits[row], [...prompts[row], ...outputs[row]], options, rng);
        outputs[row].push(next[row]);
        const text = await streamer.push(row, next[row]);
        reasons[row] = stopReason(outputs[row], text ?? '', { eosIds: options.eosIds, stopStrings: options.stopStrings, maxNewTokens: options.maxNewTokens });
      }
      if (reasons.every((r) => r !== undefined)) break;
      logits = await model.decode(next);
    }
  } finally {
    model.end();
  }
  return { outputIds: outputs, stopReasons: reasons.map((r) => r ?? 'max_new_tokens'), texts: await streamer.finalTexts(options.stopStrings ?? []) };
}

function checkRequest(model: GenerationModel, prompts: readonly (readonly number[])[], options: GenerateOptions): void {
  if (prompts.length === 0) throw new OkapiError('generate: no prompts given', { hint: 'Pass at least one tokenized prompt.' });
  const empty = prompts.findIndex((p) => p.length === 0);
  if (empty >= 0) throw new OkapiError(`generate: prompt ${empty} is empty`, { hint: 'Every prompt needs at least one token (LLaMA adds BOS).' });
  if (!Number.isInteger(options.maxNewTokens) || options.maxNewTokens < 1) {
    throw new OkapiError(`generate: max_new_tokens must be a positive integer, got ${options.maxNewTokens}`);
  }
  if ((options.stopStrings?.length ?? 0) > 0 && options.decode === undefined) {
    throw new OkapiError('generate: stop strings need a decode function', { hint: 'Pass decode: ids => tokenizer.decode(ids).' });
  }
  const bad = prompts.flat().find((id) => !Number.isInteger(id) || id < 0 || id >= model.vocabSize);
  if (bad !== undefined) {
    throw new OkapiError(`generate: token id ${bad} is outside the model's vocabulary (0..${model.vocabSize - 1})`, {
      hint: 'The tokenizer does not belong to this model (its vocabulary is larger than the embedding matrix).',
    });
  }
}
