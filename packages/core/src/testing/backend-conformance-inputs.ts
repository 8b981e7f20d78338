import type { CaseInput } from '../ir/check/op-case';

// Short constructors for op-case inputs.
export const f32 = (name: string, shape: readonly number[], values?: readonly number[], range?: readonly [number, number]): CaseInput => ({ name, dtype: 'float32', shape, values, range });
export const i64 = (name: string, shape: readonly number[], values: readonly number[]): CaseInput => ({ name, dtype: 'int64', shape, values });
export const i32 = (name: string, shape: readonly number[], values: readonly number[]): CaseInput => ({ name, dtype: 'int32', shape, values });
export const bool = (name: string, shape: readonly number[], values: readonly number[]): CaseInput => ({ name, dtype: 'bool', shape, values });
