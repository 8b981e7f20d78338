import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OkapiError, RunOriginToken, type CommandDescriptor } from '@okapi/core';
import { configTemplate } from './config-template';

/** `okapi init`: writes a commented okapi.config.ts in the current directory. */
export const initCommand: CommandDescriptor = {
  name: 'init',
  summary: 'Write a commented okapi.config.ts in the current directory',
  examples: ['okapi init', 'okapi init --force'],
  options: [{ flags: '--force', description: 'overwrite an existing okapi.config.ts' }],
  needsValidConfig: false,
  async run({ scope, out, options }) {
    const target = path.join(scope.resolve(RunOriginToken).cwd, 'okapi.config.ts');
    if (existsSync(target) && options.force !== true) {
      throw new OkapiError(`${target} already exists.`, { hint: 'Edit it, or run `okapi init --force` to overwrite it.' });
    }
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, configTemplate, 'utf8');
    await rename(temp, target);
    out.print(`Wrote ${target}. Check the resolved values with \`okapi info\`.`);
  },
};
