import type { OkapiUserConfig } from './core-schema';

/** Identity helper that gives `okapi.config.ts` files types and completion. */
export function defineConfig(config: OkapiUserConfig): OkapiUserConfig {
  return config;
}
