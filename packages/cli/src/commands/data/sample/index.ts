import { OkapiError, sampleDataset, type CommandDescriptor } from '@okapi/core';
import { datasetOptions, positiveInt, readOptions, reportSummary, resolveInput, userPath } from '../data-options';

/** `okapi data sample`: a seeded uniform sample, in one pass whatever the file size. */
export const dataSampleCommand: CommandDescriptor = {
  name: 'data sample',
  summary: 'Write a uniform random sample of N records (seeded, in file order)',
  examples: ['okapi data sample vi.json small.json --size 1000', 'okapi data sample --data-dir multilingual-alpaca-52k --lang de de-200.jsonl --size 200 --seed 3'],
  args: [
    { name: 'input', description: 'dataset file to read (or use --data-dir with --lang and give only the output)', required: true },
    { name: 'output', description: 'file to write (.json or .jsonl)' },
  ],
  options: [...readOptions, { flags: '-n, --size <n>', description: 'records to keep', parse: 'int' }],
  needsValidConfig: false,
  async run(context) {
    const fromDir = typeof context.options.dataDir === 'string' && context.args[1] === undefined;
    const input = fromDir ? await resolveInput({ ...context, args: [] }) : await resolveInput(context, 0);
    const output = fromDir ? context.args[0] : context.args[1];
    if (typeof output !== 'string') throw new OkapiError('data sample needs an output file.', { hint: 'Example: okapi data sample vi.json small.json --size 1000' });
    const size = positiveInt(context.options.size, '--size');
    const result = await sampleDataset(input, userPath(context, output), { ...datasetOptions(context), size, seed: context.scope.config.seed });
    if (context.out.jsonMode) { context.out.json(result); return; }
    reportSummary(context, result.report);
    context.out.print(`Wrote ${result.written} records to ${output} (seed ${context.scope.config.seed})`);
  },
};
