import type { OkapiConfig } from '../config/core-schema';
import type { Logger } from '../util/logger';
import { createToken } from './token';

/** The frozen, validated config of this run. */
export const Config = createToken<OkapiConfig>('Config');
/** Where services report progress and warnings. */
export const LoggerToken = createToken<Logger>('Logger');
