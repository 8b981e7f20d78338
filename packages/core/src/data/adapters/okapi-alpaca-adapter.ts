import type { DatasetAdapter } from '../dataset-adapter';
import type { InstructionDataRecord } from '../records';
import { keyScore } from '../validation/field-checks';
import { parseInstructionShape, serializeInstructionShape } from './instruction-shape';

const FIELDS = ['instruction', 'input', 'output'] as const;

/** multilingual-alpaca-52k/{lang}.json: SFT data, every record has instruction, input and output. */
export const okapiAlpacaAdapter: DatasetAdapter<InstructionDataRecord> = {
  id: 'okapi-alpaca',
  summary: 'Okapi SFT data (multilingual-alpaca-52k): instruction, input, output',
  recordKind: 'instruction',
  detect: (raw) => keyScore(raw, FIELDS),
  parse: (raw) => parseInstructionShape(raw, { inputOptional: false, outputMayBeEmpty: false }),
  serialize: serializeInstructionShape,
};
