"""Checks Okapi.ts model directories against real Hugging Face transformers (and makes directories
with transformers for Okapi.ts to load). Used by test/slow/hf-transformers-interop.test.ts; needs
torch + transformers + safetensors (scripts/setup-hf-reference.sh). Not a runtime dependency.

usage: python hf_interop.py JOBS_JSON RESULTS_JSON
JOBS_JSON is {"tasks": [{"kind": ..., ...}, ...]}; RESULTS_JSON gets one result per task, in order.
Position ids follow HF generate: cumsum(attention_mask) - 1 (pads get 1, never read).
"""
import json
import sys

import torch
import transformers
from transformers import (AutoConfig, AutoModelForCausalLM, AutoModelForSequenceClassification, AutoTokenizer,
                          BloomConfig, BloomForCausalLM, GenerationConfig, LlamaConfig, LlamaForCausalLM)
from transformers.modeling_rope_utils import ROPE_INIT_FUNCTIONS


def token_batch(task):
    ids = torch.tensor(task["input_ids"], dtype=torch.int64)
    mask = torch.tensor(task["attention_mask"], dtype=torch.int64)
    positions = (mask.cumsum(-1) - 1).masked_fill(mask == 0, 1)
    return ids, mask, positions


def forward_kwargs(model, task):
    ids, mask, positions = token_batch(task)
    kwargs = {"input_ids": ids, "attention_mask": mask}
    if model.config.model_type != "bloom":  # BLOOM has no position ids (ALiBi)
        kwargs["position_ids"] = positions
    return kwargs


def loading_report(info):
    return {key: sorted(str(k) for k in info.get(key, [])) for key in ("missing_keys", "unexpected_keys", "mismatched_keys", "error_msgs")}


def causal_lm(task):
    """Loads an Okapi.ts directory with AutoModelForCausalLM; logits for the batch."""
    model, info = AutoModelForCausalLM.from_pretrained(task["dir"], dtype=torch.float32, output_loading_info=True)
    model.eval()
    with torch.no_grad():
        logits = model(**forward_kwargs(model, task)).logits
    config = AutoConfig.from_pretrained(task["dir"])
    return {"class": type(model).__name__, "loading": loading_report(info), "config_dtype": str(config.dtype),
            "logits": logits.tolist()}


def sequence_classification(task):
    """Loads a reward-model directory with AutoModelForSequenceClassification; one score per row."""
    model, info = AutoModelForSequenceClassification.from_pretrained(task["dir"], dtype=torch.float32, output_loading_info=True)
    model.eval()
    with torch.no_grad():
        logits = model(**forward_kwargs(model, task)).logits
    return {"class": type(model).__name__, "loading": loading_report(info), "num_labels": model.config.num_labels,
            "scores": logits[:, 0].tolist()}


def tokenizer(task):
    tok = AutoTokenizer.from_pretrained(task["dir"])
    return {"class": type(tok).__name__, "ids": [tok(text)["input_ids"] for text in task["texts"]],
            "decoded": [tok.decode(tok(text)["input_ids"], skip_special_tokens=True) for text in task["texts"]]}


def generation_config(task):
    config = GenerationConfig.from_pretrained(task["dir"])
    return {key: getattr(config, key, None) for key in ("bos_token_id", "eos_token_id", "pad_token_id", "do_sample", "max_new_tokens")}


def randomize(model, seed):
    """Every parameter random (norm scales around 1), so a swapped or ignored tensor shows in the logits."""
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():
            noise = torch.randn(p.shape, generator=generator) * 0.2
            p.copy_(1 + noise if name.endswith("norm.weight") or name.endswith("ln_f.weight") else noise)


def save_random(task):
    """A random tiny model saved by transformers' save_pretrained (optionally sharded); its logits."""
    if task["family"] == "llama":
        model = LlamaForCausalLM(LlamaConfig(**task["config"]))
    else:
        model = BloomForCausalLM(BloomConfig(**task["config"]))
    randomize(model, task.get("seed", 0))
    model.eval()
    kwargs = {"max_shard_size": task["max_shard_size"]} if "max_shard_size" in task else {}
    if task.get("dtype") == "bfloat16":  # saved as bf16; the logits below come from the rounded weights
        model = model.to(torch.bfloat16)
    model.save_pretrained(task["dir"], **kwargs)
    model = model.float()
    with torch.no_grad():
        logits = model(**forward_kwargs(model, task)).logits
    return {"logits": logits.tolist()}


def rope_tables(task):
    """inv_freq and attention factor from transformers' own rope functions, per sequence length."""
    config = LlamaConfig(**task["config"])
    kind = config.rope_parameters["rope_type"]
    compute = ROPE_INIT_FUNCTIONS.get(kind)
    out = []
    for seq_len in task["seq_lens"]:
        if compute is None:  # "default" lives on the rotary class
            inv_freq, factor = transformers.models.llama.modeling_llama.LlamaRotaryEmbedding.compute_default_rope_parameters(config)
        else:
            inv_freq, factor = compute(config, "cpu", seq_len=seq_len)
        out.append({"seq_len": seq_len, "inv_freq": inv_freq.tolist(), "attention_factor": float(factor)})
    return {"rope_type": kind, "tables": out}


def generate(task):
    """Greedy generation with the KV cache, HF's dynamic-rope updates included; scores of every step."""
    model = AutoModelForCausalLM.from_pretrained(task["dir"], dtype=torch.float32)
    model.eval()
    ids = torch.tensor([task["prompt"]], dtype=torch.int64)
    with torch.no_grad():
        out = model.generate(ids, attention_mask=torch.ones_like(ids), max_new_tokens=task["max_new_tokens"], do_sample=False,
                             output_logits=True, return_dict_in_generate=True, pad_token_id=0, eos_token_id=None)
    return {"ids": out.sequences[0, ids.shape[1]:].tolist(), "logits": [step[0].tolist() for step in out.logits]}


KINDS = {f.__name__: f for f in (causal_lm, sequence_classification, tokenizer, generation_config, save_random, rope_tables, generate)}


def main():
    torch.manual_seed(0)
    with open(sys.argv[1], encoding="utf8") as f:
        tasks = json.load(f)["tasks"]
    results = [KINDS[task["kind"]](task) for task in tasks]
    with open(sys.argv[2], "w", encoding="utf8") as f:
        json.dump({"transformers": transformers.__version__, "torch": torch.__version__, "results": results}, f)


if __name__ == "__main__":
    main()
