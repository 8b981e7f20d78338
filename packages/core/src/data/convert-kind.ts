import { OkapiError } from '../errors/okapi-error';
import type { DatasetRecord, InstructionDataRecord, PreferencePairRecord, RankedRecord, RecordKind, RecordOfKind } from './records';

/** All pairs (better, worse) of a ranked record: C(K,2) when there are no ties, fewer with ties. */
export function expandRankedToPairs(record: RankedRecord): PreferencePairRecord[] {
  const pairs: PreferencePairRecord[] = [];
  const { responses, ranks } = record;
  const order = responses.map((_, i) => i).sort((a, b) => ranks[a]! - ranks[b]!);
  for (let a = 0; a < order.length; a++) {
    for (let b = a + 1; b < order.length; b++) {
      const better = order[a]!;
      const worse = order[b]!;
      if (ranks[better] === ranks[worse]) continue;
      pairs.push({ ...contextOf(record), kind: 'pair', instruction: record.instruction, input: record.input, chosen: responses[better]!, rejected: responses[worse]! });
    }
  }
  return pairs;
}

/** The best response of a ranked record (the first one listed among those tied for first). */
export function bestResponse(record: RankedRecord): string {
  const best = Math.min(...record.ranks);
  return record.responses[record.ranks.indexOf(best)]!;
}

function contextOf(record: DatasetRecord): Pick<DatasetRecord, 'system' | 'history'> {
  return { ...(record.system !== undefined ? { system: record.system } : {}), ...(record.history !== undefined ? { history: record.history } : {}) };
}

function toInstruction(record: DatasetRecord): InstructionDataRecord {
  const output = record.kind === 'instruction' ? record.output : record.kind === 'pair' ? record.chosen : bestResponse(record);
  return { ...contextOf(record), kind: 'instruction', instruction: record.instruction, input: record.input, output };
}

/**
 * Converts a record to another kind: ranked → pairs (all C(K,2)), pair → ranked (K = 2), preference data →
 * instruction data (the preferred response becomes the output). Instruction data has no preference, so it
 * cannot become pairs or ranked lists.
 */
export function convertRecordKind<K extends RecordKind>(record: DatasetRecord, kind: K): RecordOfKind<K>[] {
  if (record.kind === kind) return [record as RecordOfKind<K>];
  if (kind === 'instruction') return [toInstruction(record) as RecordOfKind<K>];
  if (kind === 'pair' && record.kind === 'ranked') return expandRankedToPairs(record) as RecordOfKind<K>[];
  if (kind === 'ranked' && record.kind === 'pair') {
    const ranked: RankedRecord = { ...contextOf(record), kind: 'ranked', instruction: record.instruction, input: record.input, responses: [record.chosen, record.rejected], ranks: [0, 1] };
    return [ranked as RecordOfKind<K>];
  }
  throw new OkapiError(`Cannot convert ${record.kind} records to ${kind} records: instruction data holds no preference between responses.`, {
    hint: 'Convert instruction data to an instruction format (okapi-alpaca, alpaca); preference formats need pairs or ranked responses.',
  });
}
