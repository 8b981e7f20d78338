import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SafetensorsFile } from '../../checkpoint/safetensors-file';
import { writeSafetensors } from '../../checkpoint/safetensors-writer';
import { writeJsonAtomic } from '../../checkpoint/atomic-write';
import type { HostTensor } from '../../ir/host-tensor';
import type { TrainerState } from '../trainer';
import type { OptimizerMoments } from './parameter-store';

export const OPTIMIZER_FILE = 'optimizer.safetensors';
export const TRAINER_STATE_FILE = 'trainer-state.json';

/** Writes AdamW moments (float32, exact) and the trainer state next to a checkpoint's weights. */
export async function saveTrainerState(dir: string, state: TrainerState, moments: OptimizerMoments): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tensors = [
    ...[...moments.m].map(([name, t]) => ({ name: `m:${name}`, shape: t.shape, data: t.data as Float32Array })),
    ...[...moments.v].map(([name, t]) => ({ name: `v:${name}`, shape: t.shape, data: t.data as Float32Array })),
  ];
  await writeSafetensors(path.join(dir, OPTIMIZER_FILE), tensors, 'F32');
  await writeJsonAtomic(path.join(dir, TRAINER_STATE_FILE), state);
}

/** Reads what `saveTrainerState` wrote. */
export async function loadTrainerState(dir: string): Promise<{ state: TrainerState; moments: OptimizerMoments }> {
  const state = JSON.parse(await readFile(path.join(dir, TRAINER_STATE_FILE), 'utf8')) as TrainerState;
  const file = await SafetensorsFile.open(path.join(dir, OPTIMIZER_FILE));
  try {
    const m = new Map<string, HostTensor>();
    const v = new Map<string, HostTensor>();
    for (const name of file.names) {
      const tensor: HostTensor = { dtype: 'float32', shape: [...file.entry(name)!.shape], data: await file.readFloat32(name) };
      (name.startsWith('m:') ? m : v).set(name.slice(2), tensor);
    }
    return { state, moments: { m, v } };
  } finally {
    await file.close();
  }
}
