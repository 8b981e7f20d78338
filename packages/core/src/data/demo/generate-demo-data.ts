import { OkapiError } from '../../errors/okapi-error';
import { UnknownContributionError } from '../../errors/unknown-contribution-error';
import { Rng } from '../../util/rng';
import type { InstructionDataRecord, RankedRecord } from '../records';
import type { DemoTask, DemoTaskId } from './demo-task';
import { DEMO_LANGUAGES, DEMO_TASKS } from './demo-tasks';
import { rankedCandidates } from './ranked-candidates';
import { withTeacherEcho } from './teacher-echo';

/** Records per language for each stage. */
export interface DemoSizes {
  /** SFT examples (okapi-alpaca shape). */
  readonly sft: number;
  /** Reward-model prompts, each with K = 4 ranked candidates. */
  readonly rm: number;
  /** PPO prompts (okapi-rl shape; output = the reference answer). */
  readonly ppo: number;
  /** Held-out prompts, never seen in the other splits. */
  readonly eval: number;
}

export const DEFAULT_DEMO_SIZES: DemoSizes = { sft: 2000, rm: 500, ppo: 500, eval: 200 };

export interface DemoOptions {
  readonly seed: number;
  /** Default: all 27 demo languages. */
  readonly langs?: readonly string[];
  readonly sizes?: Partial<DemoSizes>;
  /** Default: every demo task. */
  readonly tasks?: readonly DemoTaskId[];
  /** Share of SFT answers the imperfect teacher replaces by the echoed input (see withTeacherEcho); default 0. */
  readonly teacherEcho?: number;
}

export interface DemoLanguageData {
  readonly lang: string;
  readonly sft: InstructionDataRecord[];
  readonly rm: RankedRecord[];
  readonly ppo: InstructionDataRecord[];
  readonly eval: InstructionDataRecord[];
}

/** Generates one problem and returns it with the task, skipping inputs reserved for evaluation. */
function drawProblem(tasks: readonly DemoTask[], rng: Rng, lang: string, reserved: ReadonlySet<string>): { task: DemoTask; record: InstructionDataRecord } {
  for (;;) {
    const task = rng.pick(tasks);
    const problem = task.make(rng);
    const record: InstructionDataRecord = { kind: 'instruction', instruction: task.instructions[lang]!, input: problem.input, output: problem.answer };
    if (!reserved.has(`${record.instruction}\u0000${record.input}`)) return { task, record };
  }
}

function generateLanguage(lang: string, tasks: readonly DemoTask[], sizes: DemoSizes, teacherEcho: number, root: Rng): DemoLanguageData {
  const reserved = new Set<string>();
  const evalRng = root.fork(`demo/${lang}/eval`);
  const evalRecords = Array.from({ length: sizes.eval }, () => {
    const { record } = drawProblem(tasks, evalRng, lang, reserved);
    reserved.add(`${record.instruction}\u0000${record.input}`);
    return record;
  });
  const draw = (split: string, n: number) => {
    const rng = root.fork(`demo/${lang}/${split}`);
    return Array.from({ length: n }, () => drawProblem(tasks, rng, lang, reserved).record);
  };
  const rmRng = root.fork(`demo/${lang}/rm`);
  const rm = Array.from({ length: sizes.rm }, () => {
    for (;;) {
      const { task, record } = drawProblem(tasks, rmRng, lang, reserved);
      const ranked = rankedCandidates(task, record, rmRng);
      if (ranked !== undefined) return ranked;
    }
  });
  return {
    lang,
    // its own RNG stream, so the records of every split are the same at any echo rate
    sft: withTeacherEcho(draw('sft', sizes.sft), teacherEcho, root.fork(`demo/${lang}/teacher`)),
    rm,
    ppo: draw('ppo', sizes.ppo),
    eval: evalRecords,
  };
}

/**
 * The built-in multilingual demo data: verifiable tasks phrased in each language, deterministic from the
 * seed (same seed, same records, on every machine). Held-out prompts never occur in the other splits.
 */
export function generateDemoData(options: DemoOptions): DemoLanguageData[] {
  const langs = options.langs ?? DEMO_LANGUAGES;
  for (const lang of langs) {
    if (!DEMO_LANGUAGES.includes(lang)) throw new UnknownContributionError('demo language', lang, DEMO_LANGUAGES);
  }
  const taskIds = DEMO_TASKS.map((t) => t.id);
  for (const id of options.tasks ?? []) {
    if (!taskIds.includes(id)) throw new UnknownContributionError('demo task', id, taskIds);
  }
  const tasks = options.tasks === undefined || options.tasks.length === 0 ? DEMO_TASKS : DEMO_TASKS.filter((t) => options.tasks!.includes(t.id));
  const sizes = { ...DEFAULT_DEMO_SIZES, ...options.sizes };
  const teacherEcho = options.teacherEcho ?? 0;
  if (!(teacherEcho >= 0 && teacherEcho <= 1)) {
    throw new OkapiError(`Demo data: teacherEcho must be a share between 0 and 1, got ${teacherEcho}`, { hint: 'Use e.g. 0.4 (40% of SFT answers echo the input) or 0 for a perfect teacher.' });
  }
  const root = Rng.fromSeed(options.seed);
  return langs.map((lang) => generateLanguage(lang, tasks, sizes, teacherEcho, root));
}
