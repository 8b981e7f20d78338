import type { InstructionDataRecord, PreferencePairRecord, RankedRecord } from '../../data/records';
import { tokenizeInstruction, type TokenizeOptions } from '../../data/tokenized/tokenize-instruction';
import { rankedPairs, type TokenizedComparison } from './preference-batches';

/**
 * Tokenises a preference record as RM / DPO training sees it: each response becomes prompt + response
 * (Okapi prompt, EOS when it fits, cut at maxLength), a pair as ranks [0, 1], a ranked list as given.
 * Records with no strict preference (all responses tied) give undefined.
 */
export async function tokenizeComparison(record: PreferencePairRecord | RankedRecord, options: TokenizeOptions): Promise<TokenizedComparison | undefined> {
  const responses = record.kind === 'pair' ? [record.chosen, record.rejected] : record.responses;
  const ranks = record.kind === 'pair' ? [0, 1] : record.ranks;
  if (rankedPairs(ranks).length === 0) return undefined;
  const sequences = [];
  for (const output of responses) {
    const instruction: InstructionDataRecord = {
      kind: 'instruction', instruction: record.instruction, input: record.input, output,
      ...(record.system !== undefined ? { system: record.system } : {}), ...(record.history !== undefined ? { history: record.history } : {}),
    };
    sequences.push(await tokenizeInstruction(instruction, options));
  }
  return { sequences, ranks };
}
