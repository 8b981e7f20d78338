import type * as TfCore from '@tensorflow/tfjs-core';

/** The tfjs-core namespace. Loaded lazily (never at import time), passed to kernels explicitly. */
export type Tf = typeof TfCore;
export type Tensor = TfCore.Tensor;
export type TfDType = TfCore.DataType;
