import { ReferenceBackend } from '@okapi/core';
import { describeBackendConformance } from '@okapi/core/testing';

// The float64 reference interpreter runs the whole suite: it checks the suite itself (hand-computed
// values, finite differences, fits) and is the truth every other backend is compared with.
describeBackendConformance('reference', () => new ReferenceBackend(), {
  capabilities: { training: true, dtypes: ['float32', 'float64', 'int32', 'int64', 'bool'] },
  // outputs are downloaded as float32, so agreement is to float32 rounding
  tolerance: { forward: { rtol: 1e-6, atol: 1e-7 }, gradient: { rtol: 1e-6, atol: 1e-7 } },
});
