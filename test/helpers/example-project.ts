import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCliInProcess } from './run-cli';
import { repoRoot } from './temp-dir';
import { writeTinyLlamaDirectory } from './tiny-model-dir';

/**
 * The user's project the `--help` examples assume: what a user would have downloaded (the Okapi
 * datasets, the eval data, the Alpaca / ShareGPT files, the released okapi-vi-bloom) stands in
 * small at the same paths. Everything the documented steps produce (./demo-data, runs/…) is left to
 * those steps, except, with `standInModels`, the demo's models (runs/demo-*), for the quick test
 * that does not run the demo (the slow one checks that the demo writes exactly these paths).
 */
export async function prepareExampleProject(dir: string, o: { standInModels: boolean }): Promise<void> {
  const write = (file: string, value: unknown) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), typeof value === 'string' ? value : JSON.stringify(value));
  };
  write('package.json', '{ "name": "user-project" }');
  write('okapi.config.json', exampleProjectConfig);
  await writeStandInDatasets(dir);
  writeEvalDatasets(dir);
  const fixture = (file: string) => path.join(repoRoot, '..', 'shared', 'fixtures', file);
  symlinkSync(fixture('instruct/alpaca_en_5000.json'), path.join(dir, 'alpaca_data.json')); // the Stanford Alpaca file
  symlinkSync(fixture('preference/pairs_en_300.json'), path.join(dir, 'pairs_en.json')); // ShareGPT pairs (LLaMA-Factory)
  // the tokenizer learns the Okapi prompt, so a prompt takes about as few tokens as with the demo's tokenizer
  const prompt = 'Below is an instruction that describes a task, paired with an input that provides further context. Write a response that appropriately completes the request.';
  const texts = [...Array(4).fill(`${prompt}\n\n### Instruction:\nCộng hai số sau.\n\n### Input:\n2 3\n\n### Response:\n5`), 'Xin chào', 'Hello'];
  await writeTinyLlamaDirectory(path.join(dir, 'okapi-vi-bloom'), texts, 300, 'bloom');
  if (o.standInModels) for (const model of demoModelStandIns) await writeTinyLlamaDirectory(path.join(dir, model), texts);
}

/** The demo's models the quick examples use (`okapi demo` and `okapi demo --lang de` write them). */
export const demoModelStandIns = ['runs/demo-vi/sft/final', 'runs/demo-vi/ppo/final', 'runs/demo-de/ppo/final'];

/**
 * A small-machine project config: one intra-op thread, and stage sizes that keep runs short where an
 * example leaves them to the defaults (Okapi's full recipe: hours; the full demo: up to 10 minutes; the
 * `demo` keys shrink any --size). Flags in an example still win.
 */
export const exampleProjectConfig = {
  backend: { name: 'onnx', threads: 1 },
  sft: { maxSteps: 6, microBatchSize: 4, maxLength: 96, warmupSteps: 1, learningRate: 1e-3, evalEvery: 50, saveEvery: 50 },
  rm: { maxSteps: 4, microBatchSize: 4, gradientAccumulationSteps: 1, maxLength: 96, evalEvery: 50, saveEvery: 50 },
  dpo: { maxSteps: 4, microBatchSize: 2, gradientAccumulationSteps: 1, maxLength: 96, evalEvery: 50, saveEvery: 50 },
  ppo: { iterations: 1, numRollouts: 4, chunkSize: 4, ppoEpochs: 1, maxNewTokens: 6, maxPromptLength: 64, validationSplit: 0.05, evalEvery: 50, saveEvery: 50 },
  demo: { vocabSize: 300, hiddenSize: 16, layers: 1, heads: 2, sftSteps: 4, rmSteps: 2, ppoIterations: 1, ppoRollouts: 4, evalPrompts: 4, maxNewTokens: 4 },
};

/** The Okapi training datasets (multilingual-alpaca-52k, multilingual-ranking-data-42k) and user files, small. */
async function writeStandInDatasets(dir: string): Promise<void> {
  const okapi = async (argv: readonly string[]) => {
    const result = await runCliInProcess(argv, dir);
    if (result.code !== 0) throw new Error(`preparing the example project: okapi ${argv.join(' ')}: ${result.stderr}`);
  };
  await okapi(['data', 'demo', '.stand-ins', '--langs', 'vi,de,hi', '--sft', '40', '--rm', '12', '--ppo', '12', '--eval', '8']);
  renameSync(path.join(dir, '.stand-ins', 'sft'), path.join(dir, 'multilingual-alpaca-52k'));
  renameSync(path.join(dir, '.stand-ins', 'rm-pairs'), path.join(dir, 'multilingual-ranking-data-42k'));
  await okapi(['data', 'convert', 'multilingual-alpaca-52k/vi.json', 'vi.json', '--to', 'okapi-alpaca']);
  await okapi(['data', 'convert', '.stand-ins/ppo/vi.json', 'prompts.jsonl', '--to', 'okapi-rl']);
  await okapi(['data', 'convert', '.stand-ins/rm/vi.json', 'ranked.jsonl', '--to', 'ranked']);
  rmSync(path.join(dir, '.stand-ins'), { recursive: true });
}

/** ./datasets in the Okapi eval layout (m_arc, m_hellaswag, m_mmlu, xcopa), a few questions each. */
function writeEvalDatasets(dir: string): void {
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, 'datasets', file)), { recursive: true });
    writeFileSync(path.join(dir, 'datasets', file), text);
  };
  const letters = ['A', 'B', 'C', 'D'];
  // 25-shot ARC draws from train, 25-shot MMLU 26 from val (the scored one dropped); 6 are scored
  const questions = (lang: string, split: string) => Array.from({ length: split === 'train' || split === 'val' ? 26 : 6 }, (_, i) => ({
    id: `${lang}-${split}-${i}`, instruction: `${i} + ${i} = ?`, answer: letters[i % 4],
    option_a: String(2 * i), option_b: String(2 * i + 1), option_c: String(i), option_d: String(3 * i + 2),
  }));
  for (const lang of ['vi', 'de']) {
    for (const split of ['train', 'validation', 'test']) write(`m_arc/${lang}_${split}.json`, JSON.stringify(questions(lang, split)));
    for (const split of ['val', 'test']) write(`m_mmlu/${lang}_${split}.json`, JSON.stringify(questions(lang, split)));
    write(`m_hellaswag/${lang}_validation.json`, JSON.stringify(Array.from({ length: 6 }, (_, i) => ({
      ind: i, activity_label: 'Counting', ctx_a: `We count to ${i}.`, ctx_b: 'then we', endings: [`stop at ${i}.`, 'sing.', 'run.', 'sleep.'], label: 0,
    }))));
  }
  for (const split of ['val', 'test']) {
    write(`xcopa/data/vi/${split}.vi.jsonl`, Array.from({ length: 6 }, (_, i) => JSON.stringify({
      idx: i, premise: `Trời mưa ${i} giờ.`, choice1: 'Đường ướt.', choice2: 'Đường khô.', question: i % 2 === 0 ? 'effect' : 'cause', label: 0,
    })).join('\n'));
  }
}
