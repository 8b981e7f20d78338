import type { DatasetAdapter, FieldIssue, ParseOutcome } from '../dataset-adapter';
import type { ChatTurn, PreferencePairRecord } from '../records';
import { describeValue, isPlainObject, keyScore, notAnObject } from '../validation/field-checks';

const USER_ROLES = ['human', 'user'];
const ASSISTANT_ROLES = ['gpt', 'assistant'];

interface Turn { readonly role: string; readonly text: string }

function readTurn(value: unknown, field: string, issues: FieldIssue[]): Turn | undefined {
  if (typeof value === 'string' && value.trim() !== '') return { role: 'gpt', text: value };
  if (!isPlainObject(value)) {
    issues.push({ field, expected: "a turn object { from, value } (or a non-empty string for chosen/rejected)", received: describeValue(value) });
    return undefined;
  }
  const role = value.from ?? value.role;
  const text = value.value ?? value.content;
  if (typeof role !== 'string') issues.push({ field: `${field}.from`, expected: "'human', 'gpt' or 'system'", received: describeValue(role) });
  if (typeof text !== 'string' || text.trim() === '') issues.push({ field: `${field}.value`, expected: 'non-empty string', received: describeValue(text) });
  return typeof role === 'string' && typeof text === 'string' ? { role, text } : undefined;
}

/** system? (human gpt)* human → system, history, instruction. */
function splitConversation(turns: readonly Turn[], issues: FieldIssue[]): { system?: string; history: ChatTurn[]; instruction: string } {
  let start = 0;
  const system = turns[0]?.role === 'system' ? turns[0].text : undefined;
  if (system !== undefined) start = 1;
  const history: ChatTurn[] = [];
  for (let i = start; i < turns.length; i++) {
    const expected = (i - start) % 2 === 0 ? USER_ROLES : ASSISTANT_ROLES;
    if (!expected.includes(turns[i]!.role)) {
      issues.push({ field: `conversations[${i}].from`, expected: `'${expected[0]}' (turns alternate human, gpt, …)`, received: describeValue(turns[i]!.role) });
    }
  }
  if ((turns.length - start) % 2 !== 1) {
    issues.push({ field: 'conversations', expected: 'to end with a human turn', received: `${turns.length} turns ending with '${turns.at(-1)?.role ?? 'nothing'}'` });
  }
  for (let i = start; i + 1 < turns.length - 1; i += 2) history.push({ user: turns[i]!.text, assistant: turns[i + 1]!.text });
  return { system, history, instruction: turns.at(-1)?.text ?? '' };
}

function parseShareGptPair(raw: unknown): ParseOutcome<PreferencePairRecord> {
  if (!isPlainObject(raw)) return { ok: false, issues: [notAnObject(raw)] };
  const issues: FieldIssue[] = [];
  const conversation = raw.conversations;
  if (!Array.isArray(conversation) || conversation.length === 0) {
    issues.push({ field: 'conversations', expected: 'non-empty array of turns', received: describeValue(conversation) });
  }
  const turns = (Array.isArray(conversation) ? conversation : []).map((t, i) => readTurn(t, `conversations[${i}]`, issues));
  const chosen = readTurn(raw.chosen, 'chosen', issues);
  const rejected = readTurn(raw.rejected, 'rejected', issues);
  if (issues.length > 0) return { ok: false, issues };
  const { system, history, instruction } = splitConversation(turns as Turn[], issues);
  if (chosen!.text === rejected!.text) issues.push({ field: 'rejected.value', expected: 'a response different from chosen', received: 'the same text' });
  if (issues.length > 0) return { ok: false, issues };
  const context = { ...(system !== undefined ? { system } : {}), ...(history.length > 0 ? { history } : {}) };
  return { ok: true, record: { kind: 'pair', instruction, input: '', chosen: chosen!.text, rejected: rejected!.text, ...context } };
}

function serializeShareGptPair(record: PreferencePairRecord): unknown {
  const conversations: { from: string; value: string }[] = [];
  if (record.system) conversations.push({ from: 'system', value: record.system });
  for (const turn of record.history ?? []) conversations.push({ from: 'human', value: turn.user }, { from: 'gpt', value: turn.assistant });
  const prompt = record.input === '' ? record.instruction : `${record.instruction}\n${record.input}`;
  conversations.push({ from: 'human', value: prompt });
  return { conversations, chosen: { from: 'gpt', value: record.chosen }, rejected: { from: 'gpt', value: record.rejected } };
}

/** Preference pairs in the ShareGPT form (LLaMA-Factory): conversations, chosen, rejected. */
export const sharegptPairsAdapter: DatasetAdapter<PreferencePairRecord> = {
  id: 'sharegpt-pairs',
  summary: 'Preference pairs, ShareGPT form: conversations [{from, value}], chosen, rejected',
  recordKind: 'pair',
  detect: (raw) => keyScore(raw, ['conversations', 'chosen', 'rejected'], ['system', 'tools']),
  parse: parseShareGptPair,
  serialize: serializeShareGptPair,
};
