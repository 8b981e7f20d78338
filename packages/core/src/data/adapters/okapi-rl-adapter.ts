import type { DatasetAdapter } from '../dataset-adapter';
import type { InstructionDataRecord } from '../records';
import { keyScore } from '../validation/field-checks';
import { parseInstructionShape, serializeInstructionShape } from './instruction-shape';

/**
 * multilingual-rl-tuning-64k/{lang}.json: PPO prompts. Same fields as the SFT data (so detection
 * prefers okapi-alpaca; name this format explicitly), but only the prompt is required.
 */
export const okapiRlAdapter: DatasetAdapter<InstructionDataRecord> = {
  id: 'okapi-rl',
  summary: 'Okapi PPO prompts (multilingual-rl-tuning-64k): instruction, input, output (reference, may be empty)',
  recordKind: 'instruction',
  detect: (raw) => Math.max(0, keyScore(raw, ['instruction', 'input', 'output']) - 1),
  parse: (raw) => parseInstructionShape(raw, { inputOptional: false, outputMayBeEmpty: true }),
  serialize: serializeInstructionShape,
};
