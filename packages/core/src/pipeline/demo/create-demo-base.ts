import { mkdir } from 'node:fs/promises';
import type { DemoLanguageData } from '../../data/demo/generate-demo-data';
import type { FamilyRegistry } from '../../models/family-registry';
import { saveModelDirectory } from '../../models/model-directory';
import { initParameters } from '../../models/parameter-init';
import type { Prompter } from '../../prompting/prompter';
import { trainBpeTokenizer } from '../../tokenizer/train-bpe-tokenizer';
import { demoModelConfig, type DemoPreset } from './demo-presets';

/**
 * The demo's starting point, made from nothing: a byte-level BPE tokenizer trained on the demo texts
 * (prompts rendered as the stages will render them) and a seeded random model of `family`.
 */
export async function createDemoBase(
  dir: string, family: 'llama' | 'bloom', data: readonly DemoLanguageData[], prompter: Prompter,
  preset: DemoPreset, families: FamilyRegistry, seed: number,
): Promise<string> {
  const texts = data.flatMap((d) => [...d.sft, ...d.ppo].map((r) => prompter.render(r) + r.output));
  // LLaMA tokenizers add BOS, BLOOM's add nothing (OKAPI-FACTS): the demo follows its family
  const tokenizer = await trainBpeTokenizer({ texts, vocabSize: preset.vocabSize, addBos: family === 'llama' });
  const special = { bos: tokenizer.special.bos!.id, eos: tokenizer.special.eos!.id, pad: tokenizer.special.pad!.id };
  const hfConfig = demoModelConfig(family, preset, special);
  const arch = families.byId(family).architecture(hfConfig);
  await mkdir(dir, { recursive: true });
  await saveModelDirectory(dir, arch, initParameters(arch.parameters(), `demo/${seed}`));
  await tokenizer.save(dir);
  return dir;
}
