import type { CommandDescriptor } from '@okapi/core';
import { chatCommand } from './chat';
import { completionCommand } from './completion';
import { dataCommands } from './data';
import { demoCommand } from './demo';
import { doctorCommand } from './doctor';
import { evalCommands } from './eval';
import { exportCommand } from './export';
import { dpoCommand } from './dpo';
import { generateCommand } from './generate';
import { infoCommand } from './info';
import { pipelineCommand } from './pipeline';
import { initCommand } from './init';
import { initLangPackCommand } from './init-lang-pack';
import { langsCommand, langsShowCommand } from './langs';
import { ppoCommand } from './ppo';
import { rmCommand } from './rm';
import { sftCommand } from './sft';

/** Every command the CLI itself contributes, listed explicitly. */
export const allCommands: readonly CommandDescriptor[] = [infoCommand, initCommand, doctorCommand, completionCommand, langsCommand, langsShowCommand, initLangPackCommand, sftCommand, rmCommand, dpoCommand, ppoCommand, demoCommand, generateCommand, chatCommand, pipelineCommand, exportCommand, ...dataCommands, ...evalCommands];
