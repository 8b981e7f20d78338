import { LanguageRegistry, type CommandDescriptor, type LanguagePack } from '@okapi/core';

/** One row of `okapi langs`. */
export function languageRow(pack: LanguagePack): Record<string, unknown> {
  return {
    code: pack.code,
    name: pack.name,
    'native name': pack.nativeName,
    script: pack.scripts.join(', '),
    level: pack.resourceLevel ?? '—',
    'Okapi models': pack.okapiModels.length > 0 ? pack.okapiModels.join(', ') : '—',
    'eval tasks': pack.evalTasks.length > 0 ? pack.evalTasks.join(', ') : '—',
  };
}

/** `okapi langs`: the installed language packs, from built-ins and config plugins alike. */
export const langsCommand: CommandDescriptor = {
  name: 'langs',
  summary: 'List the installed language packs (code, names, script, Okapi level, models, eval tasks)',
  examples: ['okapi langs', 'okapi langs --json', 'okapi langs show vi'],
  needsValidConfig: false,
  async run({ scope, out }) {
    const packs = scope.resolve(LanguageRegistry).all();
    out.table(packs.map(languageRow), { title: `${packs.length} language packs` });
    if (!out.jsonMode) out.info('Prompt previews: `okapi langs show <code>`. Add a language: `okapi init lang-pack <code>`.');
  },
};
