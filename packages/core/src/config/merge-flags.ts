/**
 * Puts command-line values on top of the file config. A flag the user did not give is `undefined` and
 * never replaces a file value (the changesets lesson). Paths are dotted: 'backend.device'.
 */
export function mergeFlags(
  fileValues: Readonly<Record<string, unknown>>,
  flags: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const merged = structuredClone(fileValues) as Record<string, unknown>;
  for (const [dotted, value] of Object.entries(flags)) {
    if (value === undefined) continue;
    const keys = dotted.split('.');
    let target = merged;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[keys[keys.length - 1]!] = value;
  }
  return merged;
}
