// Jest's node environment gives each test file its own realm, so a Float32Array made in a test is not
// an instance of the host's Float32Array, and onnxruntime-node rejects it. Share the host's typed-array
// constructors so tensors cross into native code exactly as they do outside jest.
const { TestEnvironment } = require('jest-environment-node');

const SHARED_GLOBALS = [
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView',
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
];

class OkapiNodeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED_GLOBALS) this.global[name] = globalThis[name];
  }
}

module.exports = OkapiNodeEnvironment;
