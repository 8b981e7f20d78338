import {
  LanguageRegistry, Prompter, selectPromptTemplate, type CommandDescriptor, type LanguagePack, type PromptStyle,
} from '@okapi/core';
import { languageRow } from './langs-command';

/** The example record previews use: the pack's own sample sentences as instruction and input. */
function exampleRecord(pack: LanguagePack): { instruction: string; input: string } {
  return { instruction: pack.samples[0] ?? '…', input: pack.samples[1] ?? '' };
}

function preview(pack: LanguagePack, style: PromptStyle) {
  const prompter = new Prompter(selectPromptTemplate(pack, style));
  const record = exampleRecord(pack);
  return { withInput: prompter.render(record), withoutInput: prompter.render({ instruction: record.instruction }) };
}

/** `okapi langs show <code>`: a pack's details and a preview of both prompt templates. */
export const langsShowCommand: CommandDescriptor = {
  name: 'langs show',
  summary: "Show one language pack and preview its prompts (Okapi's English template and the native one)",
  examples: ['okapi langs show vi', 'okapi langs show pt-BR', 'okapi langs show de --json'],
  args: [{ name: 'code', description: "language code or alias (vi, zh-Hans, pt-BR → pt; Okapi's jp → ja once a ja pack is installed)", required: true }],
  needsValidConfig: false,
  async run({ scope, out, args }) {
    const pack = scope.resolve(LanguageRegistry).get(String(args[0]));
    const prompts = { okapi: preview(pack, 'okapi'), native: preview(pack, 'native') };
    if (out.jsonMode) {
      out.json({ ...languageRow(pack), aliases: pack.aliases ?? [], normalization: pack.normalization ?? { form: 'NFC' }, samples: pack.samples, prompts });
      return;
    }
    out.table([languageRow(pack)]);
    if ((pack.aliases ?? []).length > 0) out.print(`Aliases: ${pack.aliases?.join(', ')}`);
    out.print(`Normalisation: ${JSON.stringify(pack.normalization ?? { form: 'NFC' })}`);
    for (const style of ['okapi', 'native'] as const) {
      out.print(`\n── prompt: '${style}'${style === 'okapi' ? ' (default)' : ''}, with input ──\n${prompts[style].withInput}`);
      out.print(`── prompt: '${style}', without input ──\n${prompts[style].withoutInput}`);
    }
    out.info(`Pick the template in config: \`prompt: 'okapi' | 'native'\` (now '${scope.config.prompt}').`);
  },
};
