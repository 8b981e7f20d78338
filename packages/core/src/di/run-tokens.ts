import type { TensorBackend } from '../backend/tensor-backend';
import type { LoadedPlugin } from './contribution-ledger';
import type { OkapiConfig } from '../config/core-schema';
import type { Logger } from '../util/logger';
import { createToken } from './token';

/** The frozen, validated config of this run. */
export const Config = createToken<OkapiConfig>('Config');
/** Where services report progress and warnings. */
export const LoggerToken = createToken<Logger>('Logger');

/** Where this run's config came from and which plugins were loaded (for `okapi info` and reports). */
export interface RunOrigin {
  /** The config file used, or undefined when none was found. */
  readonly configFile?: string;
  readonly plugins: readonly LoadedPlugin[];
  /** Config values that came from command-line flags, by dotted path. */
  readonly flags: Readonly<Record<string, unknown>>;
  readonly cwd: string;
}
export const RunOriginToken = createToken<RunOrigin>('RunOrigin');

/** The tensor backend chosen for this run (initialised), resolved by trainers and pipelines. */
export const ActiveBackend = createToken<TensorBackend>('ActiveBackend');
