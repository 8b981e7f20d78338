import type { CommandDescriptor } from '@okapi/core';
import { dataConvertCommand } from './convert';
import { dataDemoCommand } from './demo';
import { dataSampleCommand } from './sample';
import { dataSplitCommand } from './split';
import { dataStatsCommand } from './stats';
import { dataValidateCommand } from './validate';

export { dataConvertCommand, dataDemoCommand, dataSampleCommand, dataSplitCommand, dataStatsCommand, dataValidateCommand };

/** The `okapi data …` commands, for the CLI's command list. */
export const dataCommands: readonly CommandDescriptor[] = [
  dataValidateCommand, dataStatsCommand, dataConvertCommand, dataSplitCommand, dataSampleCommand, dataDemoCommand,
];
