import { definePlugin } from '@okapi/core';
import { tfjsDescriptor } from './tfjs-descriptor';
import { tfjsConfigSection } from './tfjs-options';
import { packageVersion } from './package-version';

/** `plugins: ['@okapi/backend-tfjs']`: contributes the 'tfjs' backend and its `tfjs` config section. */
export default definePlugin({
  meta: { name: '@okapi/backend-tfjs', version: packageVersion },
  register(r) {
    r.backend(tfjsDescriptor);
    r.configSection(tfjsConfigSection);
  },
});
