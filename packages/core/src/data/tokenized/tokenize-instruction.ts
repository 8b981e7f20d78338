import type { InstructionDataRecord } from '../records';
import type { TokenEncoder } from './token-encoder';

/** One training sequence: prompt + response ids, with where the response starts. */
export interface TokenizedExample {
  readonly inputIds: number[];
  /** Tokens belonging to the prompt (loss can be masked there: the response-only option). */
  readonly promptLength: number;
  /** The full text was longer than `maxLength` and was cut. */
  readonly truncated: boolean;
}

export interface TokenizeOptions {
  readonly encoder: TokenEncoder;
  /** The prompt for a record (e.g. `prompter.render`); the training text is prompt + output. */
  readonly render: (record: InstructionDataRecord) => string;
  /** Okapi SFT: 512. */
  readonly maxLength: number;
  /** Appended when the sequence has room for it (Okapi: "EOS appended when it fits"). */
  readonly eosId?: number;
}

/**
 * Tokenises a record the way Okapi's SFT does: the whole text (prompt + output) with the tokenizer's
 * special tokens, cut to `maxLength` from the right, EOS added only if the cut left room. The prompt
 * length comes from tokenising the prompt alone (as alpaca-lora does).
 */
export async function tokenizeInstruction(record: InstructionDataRecord, options: TokenizeOptions): Promise<TokenizedExample> {
  const prompt = options.render(record);
  const full = await options.encoder.encode(prompt + record.output);
  const promptIds = await options.encoder.encode(prompt);
  const truncated = full.length > options.maxLength;
  const inputIds = truncated ? full.slice(0, options.maxLength) : [...full];
  if (options.eosId !== undefined && inputIds.length < options.maxLength && inputIds.at(-1) !== options.eosId) inputIds.push(options.eosId);
  return { inputIds, promptLength: Math.min(promptIds.length, inputIds.length), truncated };
}
