import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LanguageRegistry, OkapiError, RunOriginToken, type CommandDescriptor } from '@okapi/core';
import { langPackSpec } from './lang-pack-spec';
import { scaffoldFiles } from './scaffold-files';

const CORE_VERSION = '0.1.0';

/** `okapi init lang-pack <code>`: scaffolds a language-pack plugin package (pack, test, README). */
export const initLangPackCommand: CommandDescriptor = {
  name: 'init lang-pack',
  summary: 'Scaffold a language-pack plugin package (pack.mjs, conformance test, README) for a new language',
  examples: ['okapi init lang-pack sw', 'okapi init lang-pack am --name Amharic --dir packs/amharic', 'okapi init lang-pack ja --script Jpan'],
  args: [{ name: 'code', description: 'BCP-47 code of the new language (sw, fil, sr-Latn)', required: true }],
  options: [
    { flags: '--name <english>', description: 'English name (default: from CLDR)' },
    { flags: '--native-name <name>', description: "the language's name for itself (default: from CLDR)" },
    { flags: '--script <iso15924>', description: "main script, e.g. Latn, Ethi (default: CLDR's likely script)" },
    { flags: '--dir <path>', description: 'folder to create (default: ./okapi-lang-<code>)' },
    { flags: '--force', description: 'write into an existing folder, overwriting its files' },
  ],
  needsValidConfig: false,
  async run({ scope, out, args, options }) {
    const spec = langPackSpec(String(args[0]), {
      name: options.name as string | undefined, nativeName: options.nativeName as string | undefined, script: options.script as string | undefined,
    });
    const installed = scope.resolve(LanguageRegistry).find(spec.code);
    if (installed !== undefined && installed.code.toLowerCase() === spec.code.toLowerCase()) {
      throw new OkapiError(`A '${spec.code}' pack (${installed.name}) is already installed.`, {
        hint: 'Pick another code; two packs with one code make plugin loading fail. `okapi langs` lists installed codes.',
      });
    }
    const dir = path.resolve(scope.resolve(RunOriginToken).cwd, (options.dir as string | undefined) ?? `okapi-lang-${spec.code.toLowerCase()}`);
    if (existsSync(dir) && options.force !== true) {
      throw new OkapiError(`${dir} already exists.`, { hint: 'Choose another folder with --dir, or pass --force to overwrite its files.' });
    }
    for (const [file, content] of Object.entries(scaffoldFiles(spec, CORE_VERSION))) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content, 'utf8');
    }
    out.print(`Created ${dir} (${spec.name}, ${spec.nativeName}, script ${spec.script}).`);
    out.info(`Next: fill in the TODOs in pack.mjs, add './${path.relative(scope.resolve(RunOriginToken).cwd, dir)}/index.mjs' to 'plugins' in your config, then \`okapi langs show ${spec.code}\`.`);
  },
};
