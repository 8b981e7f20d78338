"""Independent reference of Hugging Face BloomForCausalLM (transformers' modeling_bloom semantics),
written from scratch in torch for Okapi.ts tests. Not a runtime dependency.

usage: python3 bloom_reference.py INPUT_JSON MODEL_DIR...
  INPUT_JSON: {"input_ids": [[...]], "attention_mask": [[...]]}
  writes MODEL_DIR/reference.json: {"logits": [batch][seq][vocab]} (float64 lists) for each model
"""
import math

import torch

from reference_cli import run_reference


def alibi_slopes(num_heads):
    closest = 2 ** math.floor(math.log2(num_heads))
    base = torch.tensor(2 ** (-(2 ** -(math.log2(closest) - 3))), dtype=torch.float32)
    slopes = torch.pow(base, torch.arange(1, 1 + closest, dtype=torch.int32))
    if closest != num_heads:
        extra_base = torch.tensor(2 ** (-(2 ** -(math.log2(2 * closest) - 3))), dtype=torch.float32)
        remaining = min(closest, num_heads - closest)
        extra = torch.pow(extra_base, torch.arange(1, 1 + 2 * remaining, 2, dtype=torch.int32))
        slopes = torch.cat([slopes, extra], dim=0)
    return slopes


def build_alibi(attention_mask, num_heads):
    # [batch, heads, 1, keys]: slope * position of the key counted over real tokens
    positions = ((attention_mask.cumsum(dim=-1) - 1) * attention_mask)[:, None, None, :].float()
    return alibi_slopes(num_heads)[None, :, None, None] * positions


def gelu_tanh(x):
    return x * 0.5 * (1.0 + torch.tanh(0.79788456 * x * (1 + 0.044715 * x * x)))


def forward(w, cfg, input_ids, attention_mask):
    h = cfg.get("n_embed") or cfg["hidden_size"]
    n_head = cfg["n_head"]
    d = h // n_head
    eps = cfg.get("layer_norm_epsilon", 1e-5)
    post = cfg.get("apply_residual_connection_post_layernorm", False)
    batch, seq = input_ids.shape
    ln = lambda x, p: torch.nn.functional.layer_norm(x, (h,), w[p + ".weight"], w[p + ".bias"], eps)
    lin = lambda x, p: x @ w[p + ".weight"].T + w[p + ".bias"]

    causal = torch.tril(torch.ones(seq, seq, dtype=torch.bool))
    allowed = causal[None, None] & attention_mask.bool()[:, None, None, :]
    alibi = build_alibi(attention_mask, n_head)

    x = ln(w["transformer.word_embeddings.weight"][input_ids], "transformer.word_embeddings_layernorm")
    for i in range(cfg["n_layer"]):
        p = f"transformer.h.{i}"
        normed = ln(x, p + ".input_layernorm")
        residual = normed if post else x
        fused = lin(normed, p + ".self_attention.query_key_value").view(batch, seq, n_head, 3, d)
        q, k, v = (fused[..., j, :].transpose(1, 2) for j in range(3))  # [b, heads, s, d]
        scores = alibi + (q @ k.transpose(-1, -2)) * (1.0 / math.sqrt(d))
        scores = scores.masked_fill(~allowed, torch.finfo(torch.float32).min)
        probs = torch.softmax(scores, dim=-1)
        context = (probs @ v).transpose(1, 2).reshape(batch, seq, h)
        attn_out = lin(context, p + ".self_attention.dense") + residual
        normed2 = ln(attn_out, p + ".post_attention_layernorm")
        residual2 = normed2 if post else attn_out
        x = lin(gelu_tanh(lin(normed2, p + ".mlp.dense_h_to_4h")), p + ".mlp.dense_4h_to_h") + residual2
    x = ln(x, "transformer.ln_f")
    head = w.get("lm_head.weight", w["transformer.word_embeddings.weight"])
    return x @ head.T


if __name__ == "__main__":
    run_reference(forward)
