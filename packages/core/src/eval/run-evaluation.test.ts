import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evalFixtures, readFixtureJson, readFixtureJsonl } from './__tests__/eval-fixtures';
import { codePointEncoder, UnitCostScorer } from './__tests__/fake-model';
import { runEvaluation } from './run-evaluation';
import { arcTask } from './tasks/arc-task';
import { hellaswagTask } from './tasks/hellaswag-task';
import { mmluTask } from './tasks/mmlu-task';
import { xcopaTask } from './tasks/xcopa-task';
import { OkapiError } from '../errors/okapi-error';

const cpLength = (s: string): number => Array.from(s).length;

/** With log-prob -1 per code point of " " + choice: acc picks the first shortest choice, acc_norm the first longest. */
function expectedAccuracies(choicesAndGold: { choices: string[]; gold: number }[]): { acc: number; accNorm: number } {
  let acc = 0;
  let accNorm = 0;
  for (const { choices, gold } of choicesAndGold) {
    const lengths = choices.map(cpLength);
    if (lengths.indexOf(Math.min(...lengths)) === gold) acc++;
    if (lengths.indexOf(Math.max(...lengths)) === gold) accNorm++;
  }
  return { acc: acc / choicesAndGold.length, accNorm: accNorm / choicesAndGold.length };
}

describe(runEvaluation.name, () => {
  it('scores every arc_vi validation doc; acc and acc_norm match the hand rule for the unit-cost scorer', async () => {
    const scorer = new UnitCostScorer();
    const [result] = await runEvaluation({ encoder: codePointEncoder, scorer }, {
      dataDir: evalFixtures, runs: [{ task: arcTask, lang: 'vi' }], split: 'validation', shots: 0, batchSize: 16,
    });
    const records = readFixtureJson('m_arc/vi_validation.json');
    const docs = records.map((r) => {
      const choices = ['option_a', 'option_b', 'option_c', 'option_d', 'option_e'].map((k) => r[k]).filter((v): v is string => typeof v === 'string');
      return { choices, gold: 'ABCDE'.indexOf(r.answer as string) };
    });
    const expected = expectedAccuracies(docs);
    expect(result!.n).toBe(records.length);
    expect(result!.metrics.acc).toBeCloseTo(expected.acc, 12);
    expect(result!.metrics.acc_norm).toBeCloseTo(expected.accNorm, 12);
    const p = expected.acc;
    expect(result!.metrics.acc_stderr).toBeCloseTo(Math.sqrt((p * (1 - p) * records.length) / (records.length - 1) / records.length), 12);
    expect(result!.version).toBe(0);
    expect(scorer.calls).toHaveLength(Math.ceil(records.length / 16));
  });

  it('xcopa_it scores acc only; choices share one context array per item', async () => {
    const scorer = new UnitCostScorer();
    const [result] = await runEvaluation({ encoder: codePointEncoder, scorer }, { dataDir: evalFixtures, runs: [{ task: xcopaTask, lang: 'it' }], limit: 20 });
    expect(Object.keys(result!.metrics).sort()).toEqual(['acc', 'acc_stderr']);
    const requests = scorer.calls.flat();
    expect(requests).toHaveLength(40);
    for (let i = 0; i < requests.length; i += 2) expect(requests[i]!.context).toBe(requests[i + 1]!.context);
    const records = readFixtureJsonl('xcopa/data/it/test.it.jsonl');
    expect(result!.n).toBe(20);
    expect(records.length).toBeGreaterThan(20);
  });

  it('truncates contexts from the left to maxLength + 1 - continuation length', async () => {
    const scorer = new UnitCostScorer(256);
    const [result] = await runEvaluation({ encoder: codePointEncoder, scorer }, {
      dataDir: evalFixtures, runs: [{ task: mmluTask, lang: 'de' }], split: 'validation', shots: 2, limit: 3, logSamples: true,
    });
    for (const sample of result!.samples!) {
      const full = Array.from(sample.context, (c) => c.codePointAt(0)!);
      // Calls go longest context first, so find this item's requests by their (truncated) context.
      const itemRequests = scorer.calls.flat().filter((r) => r.context.every((id, i) => id === full[full.length - r.context.length + i]));
      expect(itemRequests).toHaveLength(4);
      for (const [choice, r] of itemRequests.entries()) {
        expect(r.context.length + r.continuation.length).toBe(257);
        expect(r.context).toEqual(full.slice(full.length - r.context.length));
        expect(sample.loglikelihoods[choice]).toBe(-cpLength(sample.continuations[choice]!));
      }
      expect(sample.truncated_tokens).toBe(full.length - Math.min(...itemRequests.map((r) => r.context.length)));
      expect(sample.truncated_tokens).toBeGreaterThan(0);
    }
  });

  it('lists every missing file with where to get the data before scoring anything', async () => {
    const scorer = new UnitCostScorer();
    const run = runEvaluation({ encoder: codePointEncoder, scorer }, {
      dataDir: evalFixtures, runs: [{ task: hellaswagTask, lang: 'vi' }, { task: mmluTask, lang: 'vi' }, { task: arcTask, lang: 'vi' }],
    });
    await expect(run).rejects.toThrow(OkapiError);
    await expect(run).rejects.toThrow(/hellaswag_vi \(validation\): m_hellaswag\/vi_validation\.json\n {2}mmlu_vi \(test\): m_mmlu\/vi_test\.json$/);
    await expect(run).rejects.toMatchObject({ hint: expect.stringContaining('https://github.com/nlp-uoregon/mlmm-evaluation') });
    expect(scorer.calls).toHaveLength(0);
  });

  it('names file, record and field of a malformed record', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'okapi-eval-'));
    try {
      await mkdir(join(dir, 'm_hellaswag'));
      const good = { activity_label: 'A', ctx_a: 'b', ctx_b: 'c', endings: ['d', 'e'], label: '1' };
      await writeFile(join(dir, 'm_hellaswag', 'xx_validation.json'), JSON.stringify([good, { ...good, label: '7' }]));
      const task = { ...hellaswagTask, languages: ['xx'] };
      const run = runEvaluation({ encoder: codePointEncoder, scorer: new UnitCostScorer() }, { dataDir: dir, runs: [{ task, lang: 'xx' }] });
      await expect(run).rejects.toThrow(/xx_validation\.json, record 1: field "label" must be an integer from 0 to 1, found "7"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
