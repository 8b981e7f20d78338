"""Independent reference of Hugging Face LlamaForCausalLM (transformers' modeling_llama semantics),
written from scratch in torch for Okapi.ts tests. Not a runtime dependency.

usage: python3 llama_reference.py INPUT_JSON MODEL_DIR...  (same files as bloom_reference.py)
Position ids follow HF generate: cumsum(attention_mask) - 1 (pads get 1, never read).
"""
import math

import torch

from reference_cli import run_reference


def inverse_frequencies(cfg, d):
    theta = cfg.get("rope_theta", 10000.0)
    inv = 1.0 / (theta ** (torch.arange(0, d, 2, dtype=torch.int64).float() / d))
    scaling = cfg.get("rope_scaling") or {}
    kind = scaling.get("rope_type", scaling.get("type", "default"))
    if kind == "linear":
        inv = inv / scaling["factor"]
    elif kind == "llama3":
        factor, low, high = scaling["factor"], scaling["low_freq_factor"], scaling["high_freq_factor"]
        old = scaling["original_max_position_embeddings"]
        wavelen = 2 * math.pi / inv
        scaled = torch.where(wavelen > old / low, inv / factor, inv)
        smooth = (old / wavelen - low) / (high - low)
        smoothed = (1 - smooth) * scaled / factor + smooth * scaled
        medium = ~(wavelen < old / high) & ~(wavelen > old / low)
        inv = torch.where(medium, smoothed, scaled)
    return inv


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def forward(w, cfg, input_ids, attention_mask):
    h, n_head = cfg["hidden_size"], cfg["num_attention_heads"]
    n_kv = cfg.get("num_key_value_heads") or n_head
    d = cfg.get("head_dim") or h // n_head
    eps = cfg.get("rms_norm_eps", 1e-6)
    bias = cfg.get("attention_bias", False)
    batch, seq = input_ids.shape

    def rms(x, name):
        var = x.pow(2).mean(-1, keepdim=True)
        return w[name] * (x * torch.rsqrt(var + eps))

    def lin(x, name, with_bias=False):
        y = x @ w[name + ".weight"].T
        return y + w[name + ".bias"] if with_bias else y

    positions = (attention_mask.cumsum(-1) - 1).masked_fill(attention_mask == 0, 1)
    freqs = positions[:, :, None].float() * inverse_frequencies(cfg, d)[None, None, :]
    emb = torch.cat((freqs, freqs), dim=-1)
    cos, sin = emb.cos()[:, None], emb.sin()[:, None]
    allowed = torch.tril(torch.ones(seq, seq, dtype=torch.bool))[None, None] & attention_mask.bool()[:, None, None, :]

    x = w["model.embed_tokens.weight"][input_ids]
    for i in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{i}"
        normed = rms(x, p + ".input_layernorm.weight")
        q = lin(normed, p + ".self_attn.q_proj", bias).view(batch, seq, n_head, d).transpose(1, 2)
        k = lin(normed, p + ".self_attn.k_proj", bias).view(batch, seq, n_kv, d).transpose(1, 2)
        v = lin(normed, p + ".self_attn.v_proj", bias).view(batch, seq, n_kv, d).transpose(1, 2)
        q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        k = k.repeat_interleave(n_head // n_kv, dim=1)  # HF repeat_kv
        v = v.repeat_interleave(n_head // n_kv, dim=1)
        scores = (q @ k.transpose(2, 3)) / math.sqrt(d)
        scores = scores.masked_fill(~allowed, torch.finfo(torch.float32).min)
        context = (torch.softmax(scores, dim=-1) @ v).transpose(1, 2).reshape(batch, seq, n_head * d)
        x = x + lin(context, p + ".self_attn.o_proj", bias)
        normed = rms(x, p + ".post_attention_layernorm.weight")
        gate = torch.nn.functional.silu(lin(normed, p + ".mlp.gate_proj"))
        x = x + lin(gate * lin(normed, p + ".mlp.up_proj"), p + ".mlp.down_proj")
    x = rms(x, "model.norm.weight")
    head = w.get("lm_head.weight", w["model.embed_tokens.weight"])
    return x @ head.T


if __name__ == "__main__":
    run_reference(forward)
