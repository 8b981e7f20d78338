import type { Rng } from '../../util/rng';

/** A task instance: the input shown to the model and the one correct answer. */
export interface DemoProblem {
  readonly input: string;
  readonly answer: string;
}

/**
 * A verifiable task of the demo data. Answers are short and language-neutral (digits, Latin letters);
 * the instruction is phrased in each language.
 */
export interface DemoTask {
  readonly id: DemoTaskId;
  /** The instruction, by language code (the 26 Okapi languages and en). */
  readonly instructions: Readonly<Record<string, string>>;
  make(rng: Rng): DemoProblem;
  /**
   * Three wrong answers of decreasing quality (a near miss, a worse one, a badly formed one); the
   * generator checks with `score` that the four candidates are strictly ordered.
   */
  wrongAnswers(problem: DemoProblem, rng: Rng): [string, string, string];
  /** Quality of a response in [0, 1]: 1 exactly when it is the correct answer. */
  score(input: string, response: string): number;
}

export type DemoTaskId = 'add' | 'sort' | 'reverse' | 'max' | 'count' | 'upper';
