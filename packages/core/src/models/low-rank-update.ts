import type { HostTensor } from '../ir/host-tensor';

/**
 * W + scaling·B·A for one linear (HF layout: W [out, in], A [rank, in], B [out, rank]) — merging a
 * LoRA adapter, as PEFT's `merge_and_unload`. Each element's update is summed in float64 and rounded
 * to float32 once.
 */
export function addLowRankUpdate(w: HostTensor, a: ArrayLike<number | bigint>, b: ArrayLike<number | bigint>, rank: number, scaling: number): HostTensor<'float32'> {
  const [outFeatures, inFeatures] = w.shape as [number, number];
  const out = new Float32Array(outFeatures * inFeatures);
  const delta = new Float64Array(inFeatures); // one row of scaling·B·A
  for (let o = 0; o < outFeatures; o++) {
    delta.fill(0);
    for (let k = 0; k < rank; k++) {
      const scaledB = scaling * Number(b[o * rank + k]);
      for (let i = 0; i < inFeatures; i++) delta[i]! += scaledB * Number(a[k * inFeatures + i]);
    }
    for (let i = 0; i < inFeatures; i++) out[o * inFeatures + i] = Number(w.data[o * inFeatures + i]) + delta[i]!;
  }
  return { dtype: 'float32', shape: [outFeatures, inFeatures], data: out };
}
