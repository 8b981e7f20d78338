#!/usr/bin/env node
import 'reflect-metadata';
import { main } from './main';

// `okapi langs | head` closes stdout early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// Ctrl-C asks the running command to stop cleanly (trainers checkpoint first); a second one kills.
const controller = new AbortController();
process.once('SIGINT', () => {
  process.stderr.write('\nInterrupted: finishing the current step and saving (Ctrl-C again to force quit)…\n');
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

main(process.argv.slice(2), { signal: controller.signal }).then((code) => {
  process.exitCode = code;
});
