import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/temp-dir';

// `npm run test:slow -- <path>` must run just that file. jest's --selectProjects takes a list, so a
// path after it was read as a second project name and every slow suite ran.
const script: string = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts['test:slow'];
const buildStep = 'tsc -b && ';

/** The script without its build step, run the way npm runs it: arguments appended to the command line. */
function listSlowTests(args: readonly string[]): string[] {
  const command = `${script.slice(buildStep.length)} ${args.join(' ')} --listTests`;
  const stdout = execFileSync('sh', ['-c', command], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return stdout.split('\n').filter((line) => line.endsWith('.test.ts')).map((file) => path.relative(repoRoot, file)).sort();
}

function slowSuitesOnDisk(dir = 'test/slow'): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return slowSuitesOnDisk(rel);
    return entry.name.endsWith('.test.ts') ? [rel] : [];
  });
}

describe('npm run test:slow', () => {
  it('starts with the build step', () => {
    expect(script.startsWith(buildStep)).toBe(true);
  });

  it('runs every slow suite and nothing else when given no path', () => {
    expect(listSlowTests([])).toEqual(slowSuitesOnDisk().sort());
  }, 30_000);

  it('runs only the file named after --', () => {
    const [one] = slowSuitesOnDisk();
    expect(listSlowTests([one])).toEqual([one]);
  }, 30_000);

  it('passes jest flags through after a path', () => {
    const [one] = slowSuitesOnDisk();
    expect(listSlowTests([one, '-t', 'anything'])).toEqual([one]);
  }, 30_000);
});
