/// <reference types="jest" />
import type { BackendCapabilities } from '../backend/backend-descriptor';
import type { CompileOptions, TensorBackend } from '../backend/tensor-backend';
import { createGraph, finiteDifferenceCheck, gradientFeeds, gradientGraph, isGradientCase, type DType, type OpCase } from '../ir';
import { opCases } from './backend-conformance-cases';
import { defineBlockTests, defineFitTests, defineOutputContractTests, defineResidencyTests } from './backend-conformance-groups';
import { checkAgainstReference, checkForward } from './backend-conformance-checks';
import type { Tolerance } from './backend-conformance-run';

export interface ConformanceOptions {
  /** From the backend's descriptor: `training: false` skips every gradient and fit test; dtypes not listed skip the cases that use them. */
  readonly capabilities?: Partial<Pick<BackendCapabilities, 'training' | 'dtypes'>>;
  /** Test id → reason. Ids are shown in test names, e.g. 'forward/Erf', 'gradient/Slice steps 1 and 2', 'block/gradient', 'session/…', 'residency/…', 'fit/mlp'. */
  readonly skip?: Readonly<Record<string, string>>;
  /** Passed to every compile (e.g. { decompose: 'all' } to test decompositions instead of fused kernels). */
  readonly compile?: CompileOptions;
  /** Defaults: forward { rtol 1e-4, atol 1e-5 }, gradients { rtol 2e-3, atol 2e-4 } (float32 vs float64 truth). */
  readonly tolerance?: { readonly forward?: Tolerance; readonly gradient?: Tolerance };
}

/** Suite context shared by the test groups. */
export interface ConformanceContext {
  readonly backend: () => TensorBackend;
  readonly options: ConformanceOptions;
  readonly forwardTol: Tolerance;
  readonly gradientTol: Tolerance;
  /** `it`, or `it.skip` with the reason in the name, for a test id. */
  test(id: string, fn: () => Promise<void>, timeout?: number, autoSkip?: string): void;
}

const allDTypes: readonly DType[] = ['float32', 'float64', 'float16', 'bfloat16', 'int32', 'int64', 'bool'];

/**
 * The conformance suite every TensorBackend runs from the repo's test/conformance/: each op's forward
 * against hand-computed values, each gradient against the float64 reference (itself checked with
 * finite differences), a random transformer block, AdamW fits, residency and tensor-leak checks.
 */
export function describeBackendConformance(name: string, makeBackend: () => TensorBackend | Promise<TensorBackend>, options: ConformanceOptions = {}): void {
  describe(`${name} backend conformance`, () => {
    let backend: TensorBackend | undefined;
    const known = new Set<string>();
    const dtypes = options.capabilities?.dtypes ?? allDTypes;
    const training = options.capabilities?.training ?? true;
    const ctx: ConformanceContext = {
      backend: () => backend as TensorBackend,
      options,
      forwardTol: options.tolerance?.forward ?? { rtol: 1e-4, atol: 1e-5 },
      gradientTol: options.tolerance?.gradient ?? { rtol: 2e-3, atol: 2e-4 },
      test(id, fn, timeout, autoSkip) {
        known.add(id);
        const reason = options.skip?.[id] ?? autoSkip;
        if (reason !== undefined) it.skip(`${id} (skipped: ${reason})`, () => undefined);
        // generous default: compiling a session can be slow on a loaded 2-core machine
        else it(id, withLeakCheck(() => backend as TensorBackend, fn), timeout ?? 30_000);
      },
    };

    beforeAll(async () => {
      backend = await makeBackend();
      await backend.init();
    }, 60_000);
    afterAll(async () => backend?.dispose());

    for (const c of opCases) {
      const missing = caseDTypes(c).find((d) => !dtypes.includes(d));
      const dtypeSkip = missing && `dtype ${missing} not in capabilities`;
      ctx.test(`forward/${c.name}`, () => checkForward(ctx, c), undefined, dtypeSkip);
      if (!isGradientCase(c)) continue;
      ctx.test(`gradient/${c.name}`, async () => {
        expect(finiteDifferenceCheck(c)).toEqual([]);
        const graph = gradientGraph(c);
        await checkAgainstReference(ctx, graph, gradientFeeds(c, graph), ctx.gradientTol);
      }, undefined, training ? dtypeSkip : 'capabilities.training is false');
    }
    defineBlockTests(ctx, training);
    defineResidencyTests(ctx);
    defineOutputContractTests(ctx);
    defineFitTests(ctx, training);

    it('every skip id names a test of this suite', () => {
      expect(Object.keys(options.skip ?? {}).filter((id) => !known.has(id))).toEqual([]);
    });
  });
}

/** Every dtype a case's graph uses (inputs and every node output). */
function caseDTypes(c: OpCase): DType[] {
  const g = createGraph(c.name);
  c.build(c.inputs.map((i) => g.input(i.name, i.dtype, i.shape)));
  return [...new Set([...g.inputs, ...g.nodes.map((n) => n.output)].map((v) => v.dtype))];
}

function withLeakCheck(backend: () => TensorBackend, fn: () => Promise<void>): () => Promise<void> {
  return async () => {
    const before = backend().memory().tensors;
    await fn();
    expect(backend().memory().tensors).toBe(before);
  };
}
