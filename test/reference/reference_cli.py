"""Shared I/O of the torch references: reads our safetensors and runs a forward over each model directory.

usage of a reference: python3 <family>_reference.py INPUT_JSON MODEL_DIR...
  INPUT_JSON: {"input_ids": [[...]], "attention_mask": [[...]]}
  writes MODEL_DIR/reference.json: {"logits": [batch][seq][vocab]} (float64 lists) for each model
"""
import json
import struct
import sys

import torch


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (header_len,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + header_len])
    base = 8 + header_len
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        assert info["dtype"] == "F32", f"{name}: only F32 supported here, got {info['dtype']}"
        start, end = info["data_offsets"]
        buf = bytearray(raw[base + start : base + end])
        tensors[name] = torch.frombuffer(buf, dtype=torch.float32).reshape(info["shape"]).clone()
    return tensors


def run_reference(forward):
    """forward(weights, config, input_ids, attention_mask) -> logits; applied to every MODEL_DIR."""
    input_path, model_dirs = sys.argv[1], sys.argv[2:]
    with open(input_path) as f:
        inputs = json.load(f)
    for model_dir in model_dirs:
        with open(f"{model_dir}/config.json") as f:
            cfg = json.load(f)
        w = read_safetensors(f"{model_dir}/model.safetensors")
        with torch.no_grad():
            logits = forward(w, cfg, torch.tensor(inputs["input_ids"]), torch.tensor(inputs["attention_mask"]))
        with open(f"{model_dir}/reference.json", "w") as f:
            json.dump({"logits": logits.double().tolist()}, f)
