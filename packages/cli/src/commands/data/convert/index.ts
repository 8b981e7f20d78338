import { convertDataset, OkapiError, type CommandDescriptor } from '@okapi/core';
import { datasetOptions, readOptions, reportSummary, resolveInput, userPath } from '../data-options';

/** `okapi data convert`: any supported format to any other that can hold the records, streamed. */
export const dataConvertCommand: CommandDescriptor = {
  name: 'data convert',
  summary: 'Convert a dataset to another format (ranked lists expand to all pairs); .jsonl output writes JSON Lines',
  examples: [
    'okapi data convert pairs_en.json en.json --to okapi-ranking',
    'okapi data convert ranked.jsonl pairs.jsonl --to okapi-ranking',
    'okapi data convert alpaca_data.json vi.jsonl --to okapi-alpaca --on-invalid skip',
  ],
  args: [
    { name: 'input', description: 'dataset file to read', required: true },
    { name: 'output', description: 'file to write (.json = JSON array, .jsonl = JSON Lines)', required: true },
  ],
  options: [...readOptions.filter((o) => !o.flags.startsWith('--data-dir')), { flags: '--to <format>', description: "target format (adapter id: 'okapi-alpaca', 'okapi-ranking', 'ranked', 'sharegpt-pairs', …)" }],
  needsValidConfig: false,
  async run(context) {
    const input = await resolveInput(context, 0);
    const output = context.args[1];
    const to = context.options.to;
    if (typeof output !== 'string' || typeof to !== 'string') {
      throw new OkapiError('data convert needs an output file and --to FORMAT.', { hint: 'Example: okapi data convert in.json out.json --to okapi-ranking' });
    }
    const result = await convertDataset(input, userPath(context, output), { ...datasetOptions(context), to });
    if (context.out.jsonMode) { context.out.json(result); return; }
    reportSummary(context, result.report);
    context.out.print(`Wrote ${result.written} ${result.target} records to ${output}`);
  },
};
