"""PyTorch eager baseline for bench/train-sft.mjs: SFT steps of an HF-equivalent LLaMA (what
transformers' LlamaForCausalLM computes: token embedding, pre-RMSNorm blocks with rotary GQA attention
under a causal + padding mask, SwiGLU MLP, final RMSNorm, LM head tied to the embedding, next-token
cross-entropy with ignore index -100), random weights, torch.optim.AdamW with the SftTrainer's
defaults (betas 0.9/0.95, eps 1e-8, weight decay 0.05 except norms, global-norm clipping at 1.0).

Prints one JSON line: torch version, BLAS check, 1024^3 matmul GFLOP/s of this run, per-step times.
Run with Debian's /usr/bin/python3 (python3-torch over libopenblas0-pthread), OPENBLAS_CORETYPE and
OPENBLAS_L2_SIZE unset (bench/train-sft.mjs does this).
"""
import argparse
import json
import math
import time

import torch
import torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument("--hidden", type=int, default=576)
p.add_argument("--layers", type=int, default=30)
p.add_argument("--heads", type=int, default=9)
p.add_argument("--kv-heads", type=int, default=3)
p.add_argument("--intermediate", type=int, default=1536)
p.add_argument("--vocab", type=int, default=49152)
p.add_argument("--seq", type=int, default=256)
p.add_argument("--batch", type=int, default=4)
p.add_argument("--threads", type=int, default=2)
p.add_argument("--steps", type=int, default=3)
a = p.parse_args()

torch.set_num_threads(a.threads)
torch.manual_seed(0)
HEAD_DIM = a.hidden // a.heads
EPS = 1e-5


def matmul_gflops():
    x, y = torch.randn(1024, 1024), torch.randn(1024, 1024)
    x @ y
    t = time.perf_counter()
    for _ in range(5):
        x @ y
    return 5 * 2 * 1024 ** 3 / (time.perf_counter() - t) / 1e9


class RMSNorm(torch.nn.Module):
    def __init__(self, n):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.ones(n))

    def forward(self, x):
        return self.weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + EPS))


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def linear(i, o):
    layer = torch.nn.Linear(i, o, bias=False)
    torch.nn.init.normal_(layer.weight, std=0.02)
    return layer


class Block(torch.nn.Module):
    def __init__(self):
        super().__init__()
        h, kv = a.hidden, a.kv_heads * HEAD_DIM
        self.input_layernorm, self.post_attention_layernorm = RMSNorm(h), RMSNorm(h)
        self.q_proj, self.k_proj, self.v_proj, self.o_proj = linear(h, h), linear(h, kv), linear(h, kv), linear(h, h)
        self.gate_proj, self.up_proj, self.down_proj = linear(h, a.intermediate), linear(h, a.intermediate), linear(a.intermediate, h)

    def attention(self, x, cos, sin, mask):
        b, s, _ = x.shape
        q = self.q_proj(x).view(b, s, a.heads, HEAD_DIM).transpose(1, 2)
        k = self.k_proj(x).view(b, s, a.kv_heads, HEAD_DIM).transpose(1, 2)
        v = self.v_proj(x).view(b, s, a.kv_heads, HEAD_DIM).transpose(1, 2)
        q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        groups = a.heads // a.kv_heads  # repeat_kv, as HF does
        k, v = k.repeat_interleave(groups, dim=1), v.repeat_interleave(groups, dim=1)
        scores = q @ k.transpose(-1, -2) / math.sqrt(HEAD_DIM) + mask
        context = torch.softmax(scores, dim=-1) @ v
        return self.o_proj(context.transpose(1, 2).reshape(b, s, a.hidden))

    def forward(self, x, cos, sin, mask):
        x = x + self.attention(self.input_layernorm(x), cos, sin, mask)
        h = self.post_attention_layernorm(x)
        return x + self.down_proj(F.silu(self.gate_proj(h)) * self.up_proj(h))


class LlamaForCausalLM(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.embed_tokens = torch.nn.Embedding(a.vocab, a.hidden)
        torch.nn.init.normal_(self.embed_tokens.weight, std=0.02)
        self.layers = torch.nn.ModuleList(Block() for _ in range(a.layers))
        self.norm = RMSNorm(a.hidden)

    def forward(self, input_ids, attention_mask):
        b, s = input_ids.shape
        inv = 1.0 / (10000 ** (torch.arange(0, HEAD_DIM, 2, dtype=torch.float32) / HEAD_DIM))
        freqs = torch.outer(torch.arange(s, dtype=torch.float32), inv)
        emb = torch.cat((freqs, freqs), dim=-1)
        cos, sin = emb.cos()[None, None], emb.sin()[None, None]
        causal = torch.ones(s, s, dtype=torch.bool).tril()
        allowed = causal[None, None] & attention_mask.bool()[:, None, None, :]
        mask = torch.zeros(b, 1, s, s).masked_fill(~allowed, torch.finfo(torch.float32).min)
        x = self.embed_tokens(input_ids)
        for block in self.layers:
            x = block(x, cos, sin, mask)
        return self.norm(x) @ self.embed_tokens.weight.T  # tied LM head


model = LlamaForCausalLM()
n_params = sum(t.numel() for t in model.parameters())
decay = [t for n, t in model.named_parameters() if "norm" not in n]
no_decay = [t for n, t in model.named_parameters() if "norm" in n]
opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.05}, {"params": no_decay, "weight_decay": 0.0}],
                        lr=1e-5, betas=(0.9, 0.95), eps=1e-8)
g = torch.Generator().manual_seed(1)
input_ids = torch.randint(0, a.vocab, (a.batch, a.seq), generator=g)
attention_mask = torch.ones(a.batch, a.seq, dtype=torch.long)
labels = torch.cat((input_ids[:, 1:], torch.full((a.batch, 1), -100)), dim=1)  # shifted next-token targets


def step():
    opt.zero_grad(set_to_none=True)
    logits = model(input_ids, attention_mask)
    loss = F.cross_entropy(logits.view(-1, a.vocab), labels.view(-1), ignore_index=-100)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    return loss.item()


gflops = matmul_gflops()
t0 = time.perf_counter()
losses = [step()]  # warm-up: allocator, first-touch of optimizer state
first_ms = (time.perf_counter() - t0) * 1000
step_ms = []
for _ in range(a.steps):
    t = time.perf_counter()
    losses.append(step())
    step_ms.append((time.perf_counter() - t) * 1000)
with open("/proc/self/status") as f:
    peak_kib = next(int(line.split()[1]) for line in f if line.startswith("VmHWM"))
print(json.dumps({
    "torch": torch.__version__, "blas": "openblas" if "libopenblas" in open("/proc/self/maps").read() else "other",
    "matmulGflops": gflops, "params": n_params, "firstStepMs": first_ms, "stepMs": step_ms,
    "losses": losses, "peakRssMiB": peak_kib / 1024,
}))
