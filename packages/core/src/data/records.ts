/**
 * The typed records every adapter produces. Three kinds cover the Okapi data and the common formats:
 * instruction data (SFT and RL prompts), preference pairs, and K-ranked response lists.
 */

/** One earlier exchange of a multi-turn conversation (ShareGPT data has them; Okapi data does not). */
export interface ChatTurn {
  readonly user: string;
  readonly assistant: string;
}

/** Optional conversation context a record may carry before its instruction. */
export interface RecordContext {
  readonly system?: string;
  readonly history?: readonly ChatTurn[];
}

/** Okapi / Alpaca instruction data; for RL prompts `output` is the reference response. */
export interface InstructionDataRecord extends RecordContext {
  readonly kind: 'instruction';
  readonly instruction: string;
  /** '' when the task has no input (Okapi's convention). */
  readonly input: string;
  readonly output: string;
}

/** One preference: `chosen` is better than `rejected` for the same prompt. */
export interface PreferencePairRecord extends RecordContext {
  readonly kind: 'pair';
  readonly instruction: string;
  readonly input: string;
  readonly chosen: string;
  readonly rejected: string;
}

/**
 * K ≥ 2 responses to one prompt with their ranks: `ranks[i]` is the rank of `responses[i]`,
 * 0 = best; equal ranks are ties (no preference between those two).
 */
export interface RankedRecord extends RecordContext {
  readonly kind: 'ranked';
  readonly instruction: string;
  readonly input: string;
  readonly responses: readonly string[];
  readonly ranks: readonly number[];
}

export type DatasetRecord = InstructionDataRecord | PreferencePairRecord | RankedRecord;
export type RecordKind = DatasetRecord['kind'];

export type RecordOfKind<K extends RecordKind> = Extract<DatasetRecord, { kind: K }>;
