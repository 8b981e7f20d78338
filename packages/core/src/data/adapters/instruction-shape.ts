import type { ParseOutcome } from '../dataset-adapter';
import type { InstructionDataRecord } from '../records';
import { FieldReader, isPlainObject, notAnObject } from '../validation/field-checks';

export interface InstructionShapeRules {
  /** Missing `input` reads as '' (Stanford Alpaca) instead of an issue (Okapi files always have it). */
  readonly inputOptional: boolean;
  /** RL prompts only need the prompt; their reference output may be ''. */
  readonly outputMayBeEmpty: boolean;
}

/** Parses the (instruction, input, output) shape shared by okapi-alpaca, okapi-rl and alpaca. */
export function parseInstructionShape(raw: unknown, rules: InstructionShapeRules): ParseOutcome<InstructionDataRecord> {
  if (!isPlainObject(raw)) return { ok: false, issues: [notAnObject(raw)] };
  const fields = new FieldReader(raw);
  const instruction = fields.text('instruction');
  const input = fields.optionalText('input', rules.inputOptional);
  const output = rules.outputMayBeEmpty ? fields.optionalText('output') : fields.text('output');
  if (fields.issues.length > 0) return { ok: false, issues: fields.issues };
  return { ok: true, record: { kind: 'instruction', instruction, input, output } };
}

/** Okapi's prompt has only instruction and input, so multi-turn context is written into the input. */
export function flattenContext(record: { system?: string; history?: readonly { user: string; assistant: string }[]; input: string }): string {
  const parts: string[] = [];
  if (record.system) parts.push(`System: ${record.system}`);
  for (const turn of record.history ?? []) parts.push(`User: ${turn.user}`, `Assistant: ${turn.assistant}`);
  if (parts.length === 0) return record.input;
  return record.input === '' ? parts.join('\n') : `${parts.join('\n')}\n${record.input}`;
}

export function serializeInstructionShape(record: InstructionDataRecord): Record<string, string> {
  return { instruction: record.instruction, input: flattenContext(record), output: record.output };
}
