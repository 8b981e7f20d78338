import { z } from 'zod';

/** LoRA adapters (Hu et al., 2021), named and defaulted as in PEFT's `LoraConfig`. */
export const loraOptionsSchema = z.object({
  rank: z.number().int().positive().default(8).describe('Adapter rank r (PEFT `r`).'),
  alpha: z.number().positive().default(8).describe('Adapters add (alpha / rank)·B·A·x to each target linear (PEFT `lora_alpha`).'),
  dropout: z.number().min(0).lt(1).default(0).describe('Dropout on the adapter input x while training (PEFT `lora_dropout`).'),
  targetModules: z.array(z.string().min(1)).min(1).optional()
    .describe('Linear modules that get adapters, by HF module name or name suffix (PEFT `target_modules`). Default per family: q_proj,v_proj (LLaMA), query_key_value (BLOOM).'),
  mergeOnSave: z.boolean().default(true)
    .describe("Save W + (alpha/rank)·B·A as a plain HF model; false keeps the base weights and adds PEFT's adapter_config.json + adapter_model.safetensors."),
});

export type LoraOptions = z.output<typeof loraOptionsSchema>;
