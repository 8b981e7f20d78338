import type { LangPackSpec } from './lang-pack-spec';

const q = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** pack.mjs: the pack as plain data, importable without a build step and without @okapi/core. */
export function packSource(spec: LangPackSpec): string {
  return `// The ${spec.name} language pack for Okapi.ts. Replace every TODO, then run \`npm test\`.
/** @type {import('@okapi/core').LanguagePack} */
export const pack = {
  code: ${q(spec.code)},
  // Other codes that should find this pack (e.g. a file-name code used by your data).
  aliases: [],
  name: ${q(spec.name)},
  nativeName: ${q(spec.nativeName)},
  // ISO 15924 scripts, the usual one first. The detector only considers packs whose script the text uses.
  scripts: [${q(spec.script)}],
  direction: ${q(spec.direction)},
  // Okapi's resource level ('high' | 'medium' | 'low'); undefined for languages outside Okapi's 26.
  resourceLevel: undefined,
  // 'bloom' / 'llama' when an Okapi checkpoint exists for this language.
  okapiModels: [],
  // Eval task ids with data in this language, e.g. ['arc', 'hellaswag', 'mmlu'].
  evalTasks: [],
  // TODO: translate these into ${spec.name}. They form the native template (\`prompt: 'native'\` in config);
  // the default template stays Okapi's English one.
  prompt: {
    preambleWithInput:
      'Below is an instruction that describes a task, paired with an input that provides further context. Write a response that appropriately completes the request.',
    preambleWithoutInput:
      'Below is an instruction that describes a task. Write a response that appropriately completes the request.',
    instruction: 'Instruction',
    input: 'Input',
    response: 'Response',
  },
  // NFC always; add removeTatweel / removeArabicDiacritics / removeZeroWidth if your script needs them.
  normalization: { form: 'NFC' },
  // TODO: three or more natural sentences in ${spec.name}. Without a detection profile the language
  // detector learns the language from these alone; see README.md to add a profile from a real corpus.
  samples: [
    ${q(spec.nativeName)},
  ],
};
`;
}
