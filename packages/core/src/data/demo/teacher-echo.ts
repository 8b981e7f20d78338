import type { Rng } from '../../util/rng';
import type { InstructionDataRecord } from '../records';

/**
 * The demo's imperfect teacher: each SFT answer is, with probability `rate`, replaced by the input
 * copied through unchanged — the defect distilled or machine-translated instruction data has when a
 * response was left untranslated or echoed. SFT imitates it; a reward that checks answers (the verifier,
 * or an RM trained on ranked answers) is what can teach the model to stop.
 */
export function withTeacherEcho(records: readonly InstructionDataRecord[], rate: number, rng: Rng): InstructionDataRecord[] {
  if (rate === 0) return [...records];
  return records.map((r) => (rng.next() < rate ? { ...r, output: r.input } : r));
}
