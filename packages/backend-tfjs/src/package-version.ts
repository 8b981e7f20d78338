// Kept in step with package.json (checked by plugin.test.ts).
export const packageVersion = '0.1.0';
