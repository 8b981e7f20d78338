"""torch.onnx.export of the LLaMA-style block stack of bench/train-step-model.mjs, for the inference
comparison of bench/train-inference-export.mjs ("our graph vs an equivalent hand-exported model").

The weights are the benchmark's own (read from a float32 file in parameterSpecs order, projections
stored [in, out] as the IR multiplies x @ W), so both models compute the same function and their
outputs can be compared. cos/sin/mask are constants of the exported graph; the only input is
hidden_states [batch, seq, hidden]; the output is y.

usage: export_stack.py WEIGHTS.bin OUT.onnx hidden heads layers seq batch intermediate
"""
import math
import sys

import numpy as np
import torch

weights_path, out_path = sys.argv[1], sys.argv[2]
hidden, heads, layers, seq, batch, inter = (int(a) for a in sys.argv[3:9])
d = hidden // heads


def rms_norm(x, w):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-6) * w


def rotate_half(x):
    return torch.cat((-x[..., d // 2:], x[..., : d // 2]), dim=-1)


class Stack(torch.nn.Module):
    def __init__(self, flat):
        super().__init__()
        offset = 0

        def take(*shape):
            nonlocal offset
            n = int(np.prod(shape))
            t = torch.from_numpy(flat[offset:offset + n].copy()).view(*shape)
            offset += n
            return torch.nn.Parameter(t, requires_grad=False)

        self.blocks = torch.nn.ModuleList()
        for _ in range(layers):  # parameterSpecs order: ln1, q, k, v, o, ln2, gate, up, down
            b = torch.nn.Module()
            b.ln1 = take(hidden)
            b.q, b.k, b.v, b.o = take(hidden, hidden), take(hidden, hidden), take(hidden, hidden), take(hidden, hidden)
            b.ln2 = take(hidden)
            b.gate, b.up, b.down = take(hidden, inter), take(hidden, inter), take(inter, hidden)
            self.blocks.append(b)
        self.final = take(hidden)
        assert offset == flat.size, f"weights file has {flat.size} floats, the stack needs {offset}"
        inv = 1.0 / (10000 ** (torch.arange(0, d, 2, dtype=torch.float32) / d))
        emb = torch.outer(torch.arange(seq, dtype=torch.float32), inv).repeat(1, 2)
        self.register_buffer("cos", emb.cos()[None, None])
        self.register_buffer("sin", emb.sin()[None, None])
        self.register_buffer("mask", torch.full((seq, seq), -1e9).triu(1)[None, None])

    def forward(self, x):
        split = lambda t: t.view(batch, seq, heads, d).transpose(1, 2)
        for b in self.blocks:
            h = rms_norm(x, b.ln1)
            q, k, v = split(h @ b.q), split(h @ b.k), split(h @ b.v)
            q, k = q * self.cos + rotate_half(q) * self.sin, k * self.cos + rotate_half(k) * self.sin
            p = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d) + self.mask, dim=-1)
            x = x + (p @ v).transpose(1, 2).reshape(batch, seq, hidden) @ b.o
            h = rms_norm(x, b.ln2)
            x = x + (torch.nn.functional.silu(h @ b.gate) * (h @ b.up)) @ b.down
        return rms_norm(x, self.final)


model = Stack(np.fromfile(weights_path, dtype=np.float32)).eval()
with torch.no_grad():
    torch.onnx.export(model, (torch.zeros(batch, seq, hidden),), out_path, input_names=["hidden_states"],
                      output_names=["y"], opset_version=14, do_constant_folding=True)
print(torch.__version__)
