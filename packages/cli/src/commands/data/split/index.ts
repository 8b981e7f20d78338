import { OkapiError, splitDataset, type CommandDescriptor } from '@okapi/core';
import { datasetOptions, readOptions, reportSummary, resolveInput, userPath } from '../data-options';

/** `okapi data split`: deterministic seeded splits (Okapi: 90/10 for SFT, 95/5 for PPO, seed 0). */
export const dataSplitCommand: CommandDescriptor = {
  name: 'data split',
  summary: 'Split a dataset into files by fractions, deterministically from --seed (e.g. 90/10 like Okapi)',
  examples: [
    'okapi data split vi.json train.json val.json --fractions 0.9,0.1 --seed 0',
    'okapi data split prompts.jsonl train.jsonl test.jsonl --fractions 0.95,0.05',
  ],
  args: [
    { name: 'input', description: 'dataset file to read', required: true },
    { name: 'outputs', description: 'one output file per fraction', required: true, variadic: true },
  ],
  options: [...readOptions.filter((o) => !o.flags.startsWith('--data-dir')), { flags: '--fractions <list>', description: 'comma-separated fractions summing to 1 (default 0.9,0.1)', parse: 'list' }],
  needsValidConfig: false,
  async run(context) {
    const input = await resolveInput(context, 0);
    const outputs = context.args[1];
    const fractions = ((context.options.fractions as string[] | undefined) ?? ['0.9', '0.1']).map(Number);
    if (!Array.isArray(outputs) || outputs.length !== fractions.length || fractions.some((f) => !(f > 0))) {
      throw new OkapiError(`data split needs one output file per fraction (${fractions.length} fractions, ${Array.isArray(outputs) ? outputs.length : 0} outputs).`, {
        hint: 'Example: okapi data split vi.json train.json val.json --fractions 0.9,0.1',
      });
    }
    const result = await splitDataset(input, outputs.map((file) => userPath(context, file)), { ...datasetOptions(context), fractions, seed: context.scope.config.seed });
    if (context.out.jsonMode) { context.out.json(result); return; }
    reportSummary(context, result.report);
    context.out.table(outputs.map((file, i) => ({ file, fraction: fractions[i], records: result.counts[i] })), { title: `Split with seed ${context.scope.config.seed}` });
  },
};
