import { registerEvalContributions } from '../eval/register-eval';
import { registerModelFamilies } from '../models/register-model-families';
import { registerRewardContributions } from '../reward/register-rewards';
import { registerTrainerContributions } from '../trainers/register-trainers';
import { registerDataContributions } from '../data/register-data';
import { definePlugin } from './plugin';

/**
 * Core's built-in contributions (trainers, model families, dataset adapters, eval tasks, reward
 * models), registered through the same API as any plugin (vite's "core plugins").
 */
export const corePlugin = definePlugin({
  meta: { name: '@okapi/core', version: '0.1.0' },
  register(r) {
    // Each area adds its registration call here as it lands.
    registerModelFamilies(r);
    registerEvalContributions(r);
    registerDataContributions(r);
    registerRewardContributions(r);
    registerTrainerContributions(r);
  },
});
