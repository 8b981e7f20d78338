/** The commented `okapi.config.ts` that `okapi init` writes. */
export const configTemplate = `import { defineConfig } from '@okapi/core';

// Okapi.ts configuration. Every key is optional; command-line flags override these values.
// Reference: docs/config.md. Check what was resolved with \`okapi info\`.
export default defineConfig({
  // Extra plugins: package names or paths relative to this file (built-ins are always loaded).
  plugins: [],

  // Tensor backend: 'auto' picks the best one that works here; 'onnx' or 'tfjs' to choose.
  // device: 'cpu', or 'cuda' with the onnxruntime CUDA execution provider installed.
  backend: { name: 'auto', device: 'cpu' },

  // Target language (see \`okapi langs\`) and prompt template: 'okapi' (the English Alpaca
  // template Okapi used for every language) or 'native' (headers in the target language).
  lang: 'vi',
  prompt: 'okapi',

  // One seed for data splits, shuffling, initialisation and sampling.
  seed: 0,

  // Runs (checkpoints, metrics, HTML reports) go here.
  outputDir: 'runs',
});
`;
