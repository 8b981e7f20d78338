import { definePlugin } from '@okapi/core';
import { allPacks } from './all-packs';
import { version } from './version';

/** Registers the 32 built-in language packs. */
export default definePlugin({
  meta: { name: '@okapi/lang-packs', version },
  register: (r) => allPacks.forEach((pack) => r.languagePack(pack)),
});
