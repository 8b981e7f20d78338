import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { runCliProcess } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

// The built binary in a real process: what a user's shell sees (exit codes, streams, no stack traces).
describe('okapi (spawned process)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    tmp = makeTempDir('cli-process');
    tmp.write('package.json', '{ "name": "user-project" }');
  });
  afterAll(() => tmp.remove());

  it('prints help listing the commands, and per-command help with examples', () => {
    const top = runCliProcess(['--help'], tmp.dir);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Usage: okapi/);
    expect(top.stdout).toMatch(/\binfo\b.*resolved config/);
    expect(top.stdout).toMatch(/\binit\b/);
    const info = runCliProcess(['info', '--help'], tmp.dir);
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/Examples:\n {2}\$ okapi info/);
    expect(info.stdout).toContain('--backend <name>');
  });

  it('prints the version from package.json', () => {
    const result = runCliProcess(['--version'], tmp.dir);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('info shows where config came from, plugins and backends', () => {
    const result = runCliProcess(['info'], tmp.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Config file: none found/);
    expect(result.stdout).toMatch(/Plugins/);
    expect(result.stdout).toMatch(/@okapi\/core/);
    expect(result.stdout).toMatch(/Backends/);
  });

  it('a config mistake exits 2 with one paragraph and no stack trace', () => {
    const result = runCliProcess(['info', '--config', 'missing.json'], tmp.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error Config file 'missing.json' does not exist/);
    expect(result.stderr).toMatch(/hint/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('okapi output into a closed pipe', () => {
  it('exits quietly when the reader stops early (okapi langs show vi | head -1)', () => {
    const bin = path.join(__dirname, '..', '..', 'packages', 'cli', 'dist', 'bin.js');
    const result = spawnSync('bash', ['-c', `set -o pipefail; node ${bin} langs show vi | head -1`], { encoding: 'utf8' });
    expect(result.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
