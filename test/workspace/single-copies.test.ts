import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/temp-dir';

// tsyringe keeps decorator metadata in a module-level map and contributions are matched by token
// identity, so a second copy of tsyringe or @okapi/core breaks DI at run time (STYLE §5.7).
function copiesOf(name: string): string[] {
  const found: string[] = [];
  const walk = (modules: string) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      const scoped = entry.startsWith('@') ? readdirSync(path.join(modules, entry)).map((e) => `${entry}/${e}`) : [entry];
      for (const pkg of scoped) {
        const dir = path.join(modules, pkg);
        if (pkg === name) found.push(dir);
        walk(path.join(dir, 'node_modules'));
      }
    }
  };
  walk(path.join(repoRoot, 'node_modules'));
  for (const pkg of readdirSync(path.join(repoRoot, 'packages'))) walk(path.join(repoRoot, 'packages', pkg, 'node_modules'));
  return found;
}

describe('workspace', () => {
  it.each(['tsyringe', '@okapi/core'])('has exactly one copy of %s', (name) => {
    expect(copiesOf(name)).toEqual([path.join(repoRoot, 'node_modules', name)]);
  });

  it('plugins take @okapi/core and tsyringe as peer dependencies', () => {
    for (const plugin of ['backend-onnx', 'backend-tfjs', 'lang-packs']) {
      const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'packages', plugin, 'package.json'), 'utf8'));
      expect(Object.keys(manifest.peerDependencies)).toEqual(expect.arrayContaining(['@okapi/core', 'tsyringe']));
      expect(Object.keys(manifest.dependencies ?? {})).not.toContain('@okapi/core');
      expect(Object.keys(manifest.dependencies ?? {})).not.toContain('tsyringe');
    }
  });

  it('every package declares exports', () => {
    for (const pkg of readdirSync(path.join(repoRoot, 'packages'))) {
      const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'packages', pkg, 'package.json'), 'utf8'));
      expect(manifest.exports?.['.']).toBeDefined();
    }
  });
});
