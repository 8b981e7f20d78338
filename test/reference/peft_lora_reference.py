"""PEFT's LoRA forward written out in torch, as an independent check of the adapters Okapi.ts saves
(test/slow/lora-peft-reference.test.ts). Needs torch + transformers + safetensors; not a runtime dependency.

usage: python peft_lora_reference.py JOB_JSON RESULT_JSON
JOB_JSON: {"unmerged": DIR, "merged": DIR, "input_ids": [[...]]}. DIR "unmerged" holds the base model and
PEFT's adapter_config.json + adapter_model.safetensors; "merged" is the plain merged model.
"""
import json
import sys

import torch
from safetensors.torch import load_file
from transformers import AutoModelForCausalLM

PREFIX = "base_model.model."


def with_lora(directory):
    """Each adapted nn.Linear returns base(x) + (lora_alpha / r) * B(A(x)) (eval mode: no dropout), as PEFT's LoraLayer."""
    with open(f"{directory}/adapter_config.json") as f:
        config = json.load(f)
    assert config["peft_type"] == "LORA", config
    scaling = config["lora_alpha"] / config["r"]
    tensors = load_file(f"{directory}/adapter_model.safetensors")
    model = AutoModelForCausalLM.from_pretrained(directory, dtype=torch.float32)
    modules = sorted({k[len(PREFIX):-len(".lora_A.weight")] for k in tensors if k.endswith(".lora_A.weight")})
    assert len(tensors) == 2 * len(modules), sorted(tensors)
    for path in modules:
        # PEFT's target rule: the module path equals a target name or ends with "." + name
        assert any(path == t or path.endswith("." + t) for t in config["target_modules"]), (path, config["target_modules"])
        linear = model.get_submodule(path)
        a, b = tensors[f"{PREFIX}{path}.lora_A.weight"], tensors[f"{PREFIX}{path}.lora_B.weight"]
        assert tuple(a.shape) == (config["r"], linear.in_features) and tuple(b.shape) == (linear.out_features, config["r"]), path

        def add_lora(_module, inputs, output, a=a, b=b):
            return output + scaling * ((inputs[0] @ a.T) @ b.T)

        linear.register_forward_hook(add_lora)
    return model, modules


def logits(model, input_ids):
    with torch.no_grad():
        return model(input_ids=torch.tensor(input_ids, dtype=torch.int64)).logits.flatten().tolist()


def main():
    with open(sys.argv[1]) as f:
        job = json.load(f)
    adapted, modules = with_lora(job["unmerged"])
    merged = AutoModelForCausalLM.from_pretrained(job["merged"], dtype=torch.float32)
    result = {"modules": modules, "adapted": logits(adapted, job["input_ids"]), "merged": logits(merged, job["input_ids"])}
    with open(sys.argv[2], "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
