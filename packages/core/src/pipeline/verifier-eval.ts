import type { TensorBackend } from '../backend/tensor-backend';
import type { InstructionDataRecord } from '../data/records';
import { generate } from '../generation/generate';
import type { LoadedModel } from '../models/model-directory';
import { createGenerationRunner } from '../models/runtime/generation-runners';
import type { Prompter } from '../prompting/prompter';
import type { Tokenizer } from '../tokenizer/tokenizer';

/** Quality of one response: score in [0, 1], correct when it is the right answer. */
export type ResponseCheck = (record: InstructionDataRecord, response: string) => { score: number; correct: boolean } | undefined;

export interface VerifiedSample {
  readonly instruction: string;
  readonly input: string;
  readonly response: string;
  readonly score: number;
  readonly correct: boolean;
}

export interface VerifierEvalResult {
  readonly n: number;
  /** Share of exactly correct answers. */
  readonly accuracy: number;
  /** Mean verifier score (partial credit). */
  readonly meanScore: number;
  readonly samples: readonly VerifiedSample[];
}

/**
 * Held-out evaluation by a verifier: greedy answers to Okapi prompts, each checked against the
 * record's task (the demo's metric, and PPO's held-out reward).
 */
export async function evaluateWithVerifier(
  backend: TensorBackend, model: LoadedModel, tokenizer: Tokenizer, prompter: Prompter,
  records: readonly InstructionDataRecord[], check: ResponseCheck, o: { batchSize: number; maxNewTokens: number },
): Promise<VerifierEvalResult> {
  const prompts = await Promise.all(records.map((r) => tokenizer.encode(prompter.render(r))));
  const longest = Math.max(...prompts.map((p) => p.length));
  const limit = model.arch.config.maxPositions ?? Infinity;
  const runner = createGenerationRunner(backend, model.arch, model.weights, Math.min(limit, longest + o.maxNewTokens));
  const quirks = model.family.tokenizer;
  const samples: VerifiedSample[] = [];
  try {
    for (let i = 0; i < records.length; i += o.batchSize) {
      const batch = prompts.slice(i, i + o.batchSize);
      const result = await generate(runner, batch, {
        doSample: false, maxNewTokens: o.maxNewTokens,
        eosIds: quirks.stopIds(tokenizer.special, model.arch.config), padId: quirks.padId(tokenizer.special, model.arch.config),
      });
      const texts = await tokenizer.decodeBatch(result.outputIds, { skipSpecialTokens: true });
      texts.forEach((text, j) => {
        const record = records[i + j]!;
        const verdict = check(record, text.trim()) ?? { score: 0, correct: false };
        samples.push({ instruction: record.instruction, input: record.input, response: text.trim(), ...verdict });
      });
    }
  } finally {
    await runner.dispose();
  }
  const n = samples.length;
  return { n, accuracy: samples.filter((s) => s.correct).length / n, meanScore: samples.reduce((a, s) => a + s.score, 0) / n, samples };
}
