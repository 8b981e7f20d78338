import type { DatasetAdapter } from '../dataset-adapter';
import type { InstructionDataRecord } from '../records';
import { keyScore } from '../validation/field-checks';
import { parseInstructionShape, serializeInstructionShape } from './instruction-shape';

/** Stanford Alpaca JSON (and its relatives): instruction and output; input optional; extra keys ignored. */
export const alpacaAdapter: DatasetAdapter<InstructionDataRecord> = {
  id: 'alpaca',
  summary: 'Alpaca JSON: instruction, output, optional input (extra keys ignored)',
  recordKind: 'instruction',
  detect: (raw) => keyScore(raw, ['instruction', 'output'], ['input', 'system', 'history']),
  parse: (raw) => parseInstructionShape(raw, { inputOptional: true, outputMayBeEmpty: false }),
  serialize: serializeInstructionShape,
};
