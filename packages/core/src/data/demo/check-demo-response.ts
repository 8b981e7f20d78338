import type { DemoTaskId } from './demo-task';
import { DEMO_TASKS } from './demo-tasks';

/** Instruction text → (task, language), for recognising demo prompts in any file. */
const BY_INSTRUCTION = new Map(DEMO_TASKS.flatMap((task) => Object.entries(task.instructions).map(([lang, text]) => [text, { task, lang }] as const)));

export interface DemoCheck {
  readonly task: DemoTaskId;
  readonly lang: string;
  /** Quality in [0, 1] (the measure the RM candidates are ranked by). */
  readonly score: number;
  readonly correct: boolean;
}

/** The first non-empty line: what a model answers before it rambles on. */
function answerLine(response: string): string {
  return response.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
}

/**
 * The verifier for demo prompts (PPO reward, held-out evaluation): recognises the task from the
 * instruction and scores the response against the answer computed from the input. Undefined for a
 * prompt that is not a demo prompt.
 */
export function checkDemoResponse(prompt: { readonly instruction: string; readonly input: string }, response: string): DemoCheck | undefined {
  const found = BY_INSTRUCTION.get(prompt.instruction);
  if (found === undefined) return undefined;
  const score = found.task.score(prompt.input, answerLine(response));
  return { task: found.task.id, lang: found.lang, score, correct: score === 1 };
}
