#!/usr/bin/env node
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generatedDocs } from './generated-docs';

// `npm run docs`: regenerates docs/cli.md and docs/config.md at the repository root.
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
for (const [file, text] of Object.entries(generatedDocs())) {
  writeFileSync(path.join(repoRoot, file), text);
  process.stdout.write(`wrote ${file}\n`);
}
