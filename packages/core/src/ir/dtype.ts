/** Element types a tensor can have. Computation is float32; f16/bf16 are storage types. */
export type DType = 'float32' | 'float16' | 'bfloat16' | 'float64' | 'int32' | 'int64' | 'bool';
