/** Kept equal to package.json's version (checked by plugin.test.ts). */
export const version = '0.1.0';
