import { describeRejection, ExitError, openDataset, type CommandDescriptor } from '@okapi/core';
import { datasetOptions, readOptions, reportSummary, resolveInput } from '../data-options';

/** How many rejected records are listed on the terminal (all are counted, and written with --rejected). */
const SHOWN = 20;

/** `okapi data validate`: checks every record and lists what is wrong, where; exit 1 if anything is. */
export const dataValidateCommand: CommandDescriptor = {
  name: 'data validate',
  summary: 'Check every record of a dataset file and report what is wrong, with file, record, line and field',
  examples: [
    'okapi data validate vi.json',
    'okapi data validate --data-dir multilingual-alpaca-52k --lang vi',
    'okapi data validate pairs_en.json --format sharegpt-pairs --rejected bad.jsonl --json',
  ],
  args: [{ name: 'file', description: 'dataset file (.json array or .jsonl)' }],
  options: readOptions.filter((o) => !o.flags.startsWith('--on-invalid')),
  needsValidConfig: false,
  async run(context) {
    const file = await resolveInput(context);
    const options = { ...datasetOptions(context, { rejectedPath: null }), onInvalid: 'skip' as const, maxRejectedKept: SHOWN };
    const stream = await openDataset(file, options);
    for await (const loaded of stream) void loaded;
    const { report } = stream;
    if (context.out.jsonMode) context.out.json(report);
    else {
      reportSummary(context, report);
      for (const r of report.rejected) context.out.print(describeRejection(r));
      const hidden = report.invalid - report.rejected.filter((r) => r.reason !== 'duplicate').length;
      if (hidden > 0) context.out.print(`… and ${hidden} more (pass --rejected FILE to get them all)`);
      if (report.duplicates > 0) context.out.warn(`${report.duplicates} records duplicate an earlier one (--dedupe drops them when training).`);
      if (report.invalid === 0) context.out.print(`OK: ${report.accepted} valid records (${report.format}).`);
    }
    if (report.invalid > 0) throw new ExitError(1);
  },
};
