// Runs a bench step in its own Node process (so each engine's memory is its own) and returns the
// JSON object it prints as its last stdout line. stderr (progress) passes through.
import { spawn } from 'node:child_process';

export function runNodeChild(script, args, { env = {}, nodeArgs = [] } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`${script} exited with ${signal ?? code}${stdout ? `; stdout: ${stdout.slice(-2000)}` : ''}`));
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`${script} printed no JSON result line; stdout: ${stdout.slice(-2000)}`));
      }
    });
  });
}

/** Runs a command (not Node) to completion, output passed through; rejects on a non-zero exit. */
export function runCommand(command, args, { env = {}, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env }, cwd });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}
