import type { RunScope } from '../di/run-scope';
import { ActiveBackend } from '../di/run-tokens';
import { BackendRegistry } from './backend-registry';
import type { TensorBackend } from './tensor-backend';

/**
 * Chooses the backend the config asks for (explicit id or 'auto' by priority), initialises it and
 * makes it this run's `ActiveBackend`; the run scope disposes it at the end. Idempotent per scope.
 */
export async function activateBackend(scope: RunScope): Promise<TensorBackend> {
  // recursive: a per-language child scope reuses the run's backend (and its compiled sessions)
  if (scope.container.isRegistered(ActiveBackend, true)) return scope.resolve(ActiveBackend);
  const choice = await scope.resolve(BackendRegistry).select(scope.config.backend);
  const backend = scope.resolve(choice.descriptor.useClass);
  await backend.init();
  scope.provide(ActiveBackend, backend);
  scope.logger.debug(`backend: ${backend.id} on ${backend.device}`);
  return backend;
}
