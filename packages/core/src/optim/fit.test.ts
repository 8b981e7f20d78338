import { ReferenceBackend } from '../ir';
import { fitOnBackend } from '../testing/backend-conformance-fit';
import { attentionData, mlpData } from '../testing/backend-conformance-data';
import { attentionBlockForward, mlpForward } from '../testing/backend-conformance-models';

describe('training with AdamW on the reference interpreter', () => {
  it('fits a 2-layer MLP to a smooth regression target (MSE < 0.02)', async () => {
    const backend = new ReferenceBackend();
    const losses = await fitOnBackend(backend, mlpForward({ inputs: 4, hidden: 16, outputs: 1 }), mlpData(64), { steps: 300, lr: 0.02, dims: { batch: 64 } });
    expect(losses[0]).toBeGreaterThan(0.2);
    expect(losses.at(-1)).toBeLessThan(0.02);
    expect(backend.memory().tensors).toBe(0);
  });

  it('fits one attention block to a causal-mean target (MSE < 0.005 and < 10% of the start)', async () => {
    const backend = new ReferenceBackend();
    const shape = { batch: 'batch', seq: 'seq', hidden: 8, heads: 2 };
    const losses = await fitOnBackend(backend, attentionBlockForward(shape), attentionData(2, 6, 8), { steps: 150, lr: 0.01, dims: { batch: 2, seq: 6 } });
    expect(losses.at(-1)).toBeLessThan(0.1 * losses[0]);
    expect(losses.at(-1)).toBeLessThan(0.005);
    expect(backend.memory().tensors).toBe(0);
  }, 30000);
});
