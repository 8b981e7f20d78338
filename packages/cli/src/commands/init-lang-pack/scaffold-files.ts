import type { LangPackSpec } from './lang-pack-spec';
import { packSource } from './pack-source';

/** The files of a new language-pack plugin package, by path relative to its folder. */
export function scaffoldFiles(spec: LangPackSpec, coreVersion: string): Record<string, string> {
  const name = `okapi-lang-${spec.code.toLowerCase()}`;
  return {
    'package.json': `${JSON.stringify({
      name, version: '0.1.0', description: `${spec.name} language pack for Okapi.ts`, type: 'module',
      exports: './index.mjs', files: ['index.mjs', 'pack.mjs'],
      scripts: { test: 'node --test test/' },
      peerDependencies: { '@okapi/core': `^${coreVersion}` },
    }, null, 2)}\n`,
    'index.mjs': `// An Okapi.ts plugin: registers one language pack. Nothing happens on import; Okapi calls register().
import { pack } from './pack.mjs';

export default {
  meta: { name: ${JSON.stringify(name)}, version: '0.1.0' },
  register(r) {
    r.languagePack(pack);
  },
};
`,
    'pack.mjs': packSource(spec),
    'test/pack.test.mjs': `// Runs Okapi.ts's language-pack conformance suite on this pack: \`npm test\`.
import 'reflect-metadata';
import { test } from 'node:test';
import { languagePackConformanceCases } from '@okapi/core/testing';
import { pack } from '../pack.mjs';

for (const c of languagePackConformanceCases([pack])) test(c.title, () => c.run());
`,
    'README.md': readme(spec, name),
  };
}

function readme(spec: LangPackSpec, name: string): string {
  return `# ${name}

The ${spec.name} (${spec.nativeName}, \`${spec.code}\`) language pack for [Okapi.ts](../), as a plugin.

## Use it

In \`okapi.config.ts\` (paths are relative to the config file):

\`\`\`ts
export default defineConfig({ plugins: ['./${name}/index.mjs'], lang: '${spec.code}' });
\`\`\`

or \`npm install ./${name}\` and list \`'${name}'\` in \`plugins\`. Then \`okapi langs\` lists it,
\`okapi langs show ${spec.code}\` previews its prompts and \`okapi sft --lang ${spec.code}\` trains with it.

## Finish it

1. In \`pack.mjs\`, translate the prompt headers and write three or more sample sentences.
2. For reliable language detection (the language-fidelity reward), build a profile from a few
   thousand characters of real ${spec.name} text:
   \`\`\`js
   import { readFileSync } from 'node:fs';
   import { buildNgramProfile } from '@okapi/core';
   // in pack: detection: { profile: buildNgramProfile(readFileSync(new URL('./corpus.txt', import.meta.url), 'utf8')) },
   \`\`\`
   or generate a static profile once and paste the JSON into \`pack.mjs\`.
3. \`npm test\` runs Okapi.ts's conformance suite (unique codes, valid tags, templates render and split
   back, idempotent normalisation, the detector recognises your samples).

See docs/adding-a-language.md in Okapi.ts for the whole walk-through.
`;
}
