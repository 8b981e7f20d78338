import type { ZodType } from 'zod';

/**
 * A top-level config key owned by a plugin or a built-in (e.g. `onnx`, `sft`, `ppo`). Its schema is
 * merged into config validation, so typos inside it get the same errors and suggestions as core keys.
 */
export interface ConfigSection {
  readonly key: string;
  readonly summary: string;
  readonly schema: ZodType;
}
