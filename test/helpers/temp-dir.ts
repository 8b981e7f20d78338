import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Repository root (tests run from anywhere). */
export const repoRoot = path.resolve(__dirname, '..', '..');

/**
 * A temporary directory inside the repo (test/.tmp, git-ignored), so config files in it can import
 * '@okapi/core' through the workspace's node_modules, as a user's project would.
 */
export function makeTempDir(prefix: string): { dir: string; write(file: string, text: string): string; remove(): void } {
  const base = path.join(repoRoot, 'test', '.tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(path.join(base, `${prefix}-`));
  return {
    dir,
    write(file, text) {
      const target = path.join(dir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
      return target;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
