import type { CommandDescriptor } from '@okapi/core';
import { evalCompareCommand } from './eval-compare-command';
import { evalCommand } from './eval-command';

export { evalCommand, evalCompareCommand };

/** The `okapi eval …` commands, for the CLI's command list. */
export const evalCommands: readonly CommandDescriptor[] = [evalCommand, evalCompareCommand];
