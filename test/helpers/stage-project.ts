import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from './temp-dir';
import { writeTinyLlamaDirectory } from './tiny-model-dir';

export interface StageProjectSetup {
  /** Data files to write, path (relative to the project) → JSON records. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The project's okapi.config.json (a one-thread onnx backend and lang vi are added). */
  readonly config: Record<string, unknown>;
  /** Where the starting tiny LLaMA goes, and the texts its tokenizer is trained on. */
  readonly model: { readonly dir: string; readonly texts: readonly string[] };
}

export interface StageProject {
  readonly dir: string;
  write(file: string, text: string): string;
  /** The metrics.jsonl lines of a run directory. */
  metrics(run?: string): ReturnType<typeof JSON.parse>[];
}

/**
 * A user's project for one CLI stage test (beforeAll / afterAll): package.json, data files, config
 * and a tiny LLaMA directory, in a temp dir inside the repo so config files can import @okapi/core.
 */
export function useStageProject(prefix: string, setup: StageProjectSetup): StageProject {
  let tmp: ReturnType<typeof makeTempDir> | undefined;
  const current = () => {
    if (tmp === undefined) throw new Error('useStageProject: the project exists only inside tests');
    return tmp;
  };
  beforeAll(async () => {
    tmp = makeTempDir(prefix);
    tmp.write('package.json', '{ "name": "user-project" }');
    for (const [file, records] of Object.entries(setup.data)) tmp.write(file, JSON.stringify(records));
    tmp.write('okapi.config.json', JSON.stringify({ backend: { name: 'onnx', threads: 1 }, lang: 'vi', ...setup.config }));
    await writeTinyLlamaDirectory(path.join(tmp.dir, setup.model.dir), [...setup.model.texts]);
  }, 60_000);
  afterAll(() => tmp?.remove());
  return {
    get dir() { return current().dir; },
    write: (file, text) => current().write(file, text),
    metrics: (run = 'run') => readFileSync(path.join(current().dir, run, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)),
  };
}
