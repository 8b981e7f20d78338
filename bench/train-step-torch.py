"""PyTorch eager baseline for bench/train-step.mjs: the same LLaMA-style stack, forward + backward +
torch.optim.AdamW, float32, on CPU with a given thread count. Prints one JSON line.

Run by train-step.mjs with /usr/bin/python3 (Debian python3-torch; install libopenblas0-pthread, or
Debian's torch falls back to the reference BLAS); OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are unset.
"""
import json
import math
import sys
import time

import torch

hidden, heads, layers, seq, batch, inter, threads, steps = (int(a) for a in sys.argv[1:9])
torch.set_num_threads(threads)
torch.manual_seed(0)
d = hidden // heads


def matmul_gflops():
    a, b = torch.randn(1024, 1024), torch.randn(1024, 1024)
    a @ b
    t = time.perf_counter()
    for _ in range(5):
        a @ b
    return 5 * 2 * 1024 ** 3 / (time.perf_counter() - t) / 1e9


def rms_norm(x, w):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-6) * w


def rotate_half(x):
    return torch.cat((-x[..., d // 2:], x[..., : d // 2]), dim=-1)


class Block(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1 = torch.nn.Parameter(torch.ones(hidden))
        self.ln2 = torch.nn.Parameter(torch.ones(hidden))
        lin = lambda i, o: torch.nn.Linear(i, o, bias=False)
        self.q, self.k, self.v, self.o = lin(hidden, hidden), lin(hidden, hidden), lin(hidden, hidden), lin(hidden, hidden)
        self.gate, self.up, self.down = lin(hidden, inter), lin(hidden, inter), lin(inter, hidden)

    def forward(self, x, cos, sin, mask):
        h = rms_norm(x, self.ln1)
        split = lambda t: t.view(batch, seq, heads, d).transpose(1, 2)
        q, k, v = split(self.q(h)), split(self.k(h)), split(self.v(h))
        q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        p = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d) + mask, dim=-1)
        x = x + self.o((p @ v).transpose(1, 2).reshape(batch, seq, hidden))
        h = rms_norm(x, self.ln2)
        return x + self.down(torch.nn.functional.silu(self.gate(h)) * self.up(h))


blocks = torch.nn.ModuleList(Block() for _ in range(layers))
final = torch.nn.Parameter(torch.ones(hidden))
pos = torch.arange(seq, dtype=torch.float32)
inv = 1.0 / (10000 ** (torch.arange(0, d, 2, dtype=torch.float32) / d))
freqs = torch.outer(pos, inv)
emb = torch.cat((freqs, freqs), dim=-1)
cos, sin = emb.cos()[None, None], emb.sin()[None, None]
mask = torch.full((seq, seq), -1e9).triu(1)[None, None]
x = torch.rand(batch, seq, hidden) - 0.5
target = torch.rand(batch, seq, hidden) - 0.5
params = list(blocks.parameters()) + [final]
decay = [p for p in params if p.dim() > 1]
no_decay = [p for p in params if p.dim() == 1]
opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}], lr=1e-3)


def forward():
    h = x
    for b in blocks:
        h = b(h, cos, sin, mask)
    return rms_norm(h, final)


def step():
    opt.zero_grad(set_to_none=True)
    loss = (forward() - target).pow(2).mean()
    loss.backward()
    opt.step()


def timed(fn, n):
    fn()
    t = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t) / n * 1000


gflops = matmul_gflops()
train_ms = timed(step, steps)
with torch.no_grad():
    infer_ms = timed(forward, steps)
print(json.dumps({"torch": torch.__version__, "matmulGflops": gflops, "trainMs": train_ms, "inferMs": infer_ms, "blas": torch.__config__.show().count("openblas") > 0}))
