import { CommandContribution, OkapiError, type CommandDescriptor } from '@okapi/core';
import { globalOptions } from '../../global-options';
import { completionScript } from './completion-script';

/** `okapi completion bash|zsh`: prints a shell completion script for every installed command. */
export const completionCommand: CommandDescriptor = {
  name: 'completion',
  summary: 'Print a shell completion script (bash or zsh)',
  examples: ['okapi completion bash >> ~/.bashrc', 'okapi completion zsh > "${fpath[1]}/_okapi"'],
  args: [{ name: 'shell', description: 'bash or zsh', required: true }],
  needsValidConfig: false,
  async run({ scope, out, args }) {
    const shell = String(args[0]);
    if (shell !== 'bash' && shell !== 'zsh') {
      throw new OkapiError(`Unsupported shell '${shell}'.`, { hint: 'Use `okapi completion bash` or `okapi completion zsh`.' });
    }
    const commands = scope.container.resolveAll<CommandDescriptor>(CommandContribution);
    out.print(completionScript(shell, commands, globalOptions));
  },
};
