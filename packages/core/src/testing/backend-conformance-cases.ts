import type { OpCase } from '../ir/check/op-case';
import { elementwiseCases } from './backend-conformance-cases-elementwise';
import { fusedCases } from './backend-conformance-cases-fused';
import { structureCases } from './backend-conformance-cases-structure';

/** Every op case of the conformance suite; together they cover every core op. */
export const opCases: readonly OpCase[] = [...elementwiseCases, ...structureCases, ...fusedCases];
