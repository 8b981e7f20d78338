/** Why generation of one sequence ended. */
export type StopReason = 'eos' | 'stop_string' | 'max_new_tokens';

export interface StopCriteria {
  readonly eosIds: readonly number[];
  readonly stopStrings?: readonly string[];
  readonly maxNewTokens: number;
}

/** The earliest stop string in `text`, with where it starts; undefined when none occurs. */
export function findStopString(text: string, stopStrings: readonly string[]): { index: number; stop: string } | undefined {
  let found: { index: number; stop: string } | undefined;
  for (const stop of stopStrings) {
    if (stop === '') continue;
    const index = text.indexOf(stop);
    if (index >= 0 && (found === undefined || index < found.index)) found = { index, stop };
  }
  return found;
}

/** `text` cut just before the earliest stop string (unchanged when none occurs). */
export function cutAtStopString(text: string, stopStrings: readonly string[]): string {
  const found = findStopString(text, stopStrings);
  return found === undefined ? text : text.slice(0, found.index);
}

/**
 * Whether generation should stop after the newest token: EOS first (the token is an EOS id), then a
 * stop string in the generated text, then the token budget.
 */
export function stopReason(generatedIds: readonly number[], generatedText: string, criteria: StopCriteria): StopReason | undefined {
  const last = generatedIds[generatedIds.length - 1];
  if (last !== undefined && criteria.eosIds.includes(last)) return 'eos';
  if (findStopString(generatedText, criteria.stopStrings ?? []) !== undefined) return 'stop_string';
  if (generatedIds.length >= criteria.maxNewTokens) return 'max_new_tokens';
  return undefined;
}
