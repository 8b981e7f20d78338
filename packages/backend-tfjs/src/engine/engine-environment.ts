import { existsSync } from 'node:fs';
import { requireModule, resolveModule, type ModuleLoader, type ModuleResolver } from './module-loader';

/** What engine probing touches on this machine; tests inject fakes. */
export interface EngineEnvironment {
  readonly load: ModuleLoader;
  readonly resolve: ModuleResolver;
  readonly exists: (path: string) => boolean;
}

export const nodeEnvironment: EngineEnvironment = { load: requireModule, resolve: resolveModule, exists: existsSync };
