import type { CommandDescriptor } from '@okapi/core';
import { infoCommand } from './info';
import { initCommand } from './init';

/** Every command the CLI itself contributes, listed explicitly. */
export const allCommands: readonly CommandDescriptor[] = [infoCommand, initCommand];
