import { definePlugin } from '@okapi/core';
import { allCommands } from './commands/all-commands';
import { cliVersion } from './package-version';

/** The `okapi` commands, contributed through the same API as any plugin's commands. */
export const cliPlugin = definePlugin({
  meta: { name: '@okapi/cli', version: cliVersion },
  register(r) {
    for (const command of allCommands) r.command(command);
  },
});
