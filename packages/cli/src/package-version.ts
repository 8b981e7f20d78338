import { readFileSync } from 'node:fs';
import path from 'node:path';

/** This package's version (from package.json one level above src/ and dist/). */
export const cliVersion: string = (JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
