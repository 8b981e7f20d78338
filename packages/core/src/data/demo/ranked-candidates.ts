import type { Rng } from '../../util/rng';
import type { InstructionDataRecord, RankedRecord } from '../records';
import type { DemoTask } from './demo-task';

/** Wrong answers are random; a few draws usually find a strictly ordered set when one exists. */
const ATTEMPTS = 5;

/**
 * K = 4 candidates for one prompt — the correct answer and three wrong ones — ranked by the task's
 * quality measure, in shuffled order so position says nothing. Undefined when the candidates keep tying
 * (the caller draws another problem).
 */
export function rankedCandidates(task: DemoTask, prompt: InstructionDataRecord, rng: Rng): RankedRecord | undefined {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const candidates = [prompt.output, ...task.wrongAnswers({ input: prompt.input, answer: prompt.output }, rng)];
    const scores = candidates.map((c) => task.score(prompt.input, c));
    if (scores.every((s, i) => i === 0 || s < scores[i - 1]!)) {
      const order = rng.shuffle([0, 1, 2, 3]);
      return {
        kind: 'ranked', instruction: prompt.instruction, input: prompt.input,
        responses: order.map((i) => candidates[i]!), ranks: order,
      };
    }
  }
  return undefined;
}
