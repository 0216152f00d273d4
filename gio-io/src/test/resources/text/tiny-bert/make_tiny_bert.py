"""Builds the tiny BERT-shaped sentence model the ONNX embedder tests run.

Run with Debian's python3-torch and python3-onnx (no download):
    /usr/bin/python3 make_tiny_bert.py
It writes model.onnx, vocab.txt, tokenizer_config.json, sentence_bert_config.json and
expected.json (token ids written by hand from BERT's WordPiece rules, and the masked-mean-pooled,
L2-normalised embeddings torch computes for them). The outputs are committed (about 20 kB), so the
Java build needs neither torch nor this script.
"""
import json
import math

import torch
from torch import nn

torch.manual_seed(20240611)

VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
         "the", "quick", "brown", "fox", "jump", "##s", "##ed", "over", "lazy", "dog",
         "un", "##aff", "##able", "hello", "world", ",", "!", ".", "'",
         "cafe", "naive", "中", "文", "a", "##b", "##c", "gio", "selects", "data"]
HIDDEN, HEADS, FFN, MAX_POS = 16, 2, 32, 64


class TinyBert(nn.Module):
    def __init__(self):
        super().__init__()
        self.word = nn.Embedding(len(VOCAB), HIDDEN)
        self.pos = nn.Embedding(MAX_POS, HIDDEN)
        self.token_type = nn.Embedding(2, HIDDEN)
        self.ln0 = nn.LayerNorm(HIDDEN)
        self.qkv = nn.Linear(HIDDEN, 3 * HIDDEN)
        self.proj = nn.Linear(HIDDEN, HIDDEN)
        self.ln1 = nn.LayerNorm(HIDDEN)
        self.ff1 = nn.Linear(HIDDEN, FFN)
        self.ff2 = nn.Linear(FFN, HIDDEN)
        self.ln2 = nn.LayerNorm(HIDDEN)

    def forward(self, input_ids, attention_mask, token_type_ids):
        b, s = input_ids.shape
        positions = torch.arange(s).unsqueeze(0).expand(b, s)
        x = self.ln0(self.word(input_ids) + self.pos(positions) + self.token_type(token_type_ids))
        q, k, v = self.qkv(x).split(HIDDEN, dim=-1)
        hd = HIDDEN // HEADS
        q = q.view(b, s, HEADS, hd).transpose(1, 2)
        k = k.view(b, s, HEADS, hd).transpose(1, 2)
        v = v.view(b, s, HEADS, hd).transpose(1, 2)
        scores = q @ k.transpose(-1, -2) / math.sqrt(hd)
        mask = (1.0 - attention_mask[:, None, None, :].float()) * -10000.0
        att = torch.softmax(scores + mask, dim=-1) @ v
        x = self.ln1(x + self.proj(att.transpose(1, 2).reshape(b, s, HIDDEN)))
        x = self.ln2(x + self.ff2(torch.relu(self.ff1(x))))
        return x


def pooled(model, ids):
    t = torch.tensor([ids])
    m = torch.ones_like(t)
    with torch.no_grad():
        h = model(t, m, torch.zeros_like(t))
    e = (h * m.unsqueeze(-1)).sum(1) / m.sum(1, keepdim=True)
    e = e / e.norm(dim=-1, keepdim=True)
    return [float(x) for x in e[0]]


model = TinyBert().eval()
ids = {w: i for i, w in enumerate(VOCAB)}
CASES = {
    "The quick brown fox jumped over the lazy dog.":
        ["[CLS]", "the", "quick", "brown", "fox", "jump", "##ed", "over", "the", "lazy", "dog", ".", "[SEP]"],
    "unaffable": ["[CLS]", "un", "##aff", "##able", "[SEP]"],
    "Hello, WORLD!": ["[CLS]", "hello", ",", "world", "!", "[SEP]"],
    # Accents stripped after lower-casing; "fox's" splits at the apostrophe, and "s" alone is
    # not in the vocabulary.
    "Café  naïve\tfox's": ["[CLS]", "cafe", "naive", "fox", "'", "[UNK]", "[SEP]"],
    "中文abc": ["[CLS]", "中", "文", "a", "##b", "##c", "[SEP]"],
    "zebra gio": ["[CLS]", "[UNK]", "gio", "[SEP]"],
    "": ["[CLS]", "[SEP]"],
}
expected = []
for text, tokens in CASES.items():
    tid = [ids[t] for t in tokens]
    expected.append({"text": text, "tokens": tokens, "ids": tid, "embedding": pooled(model, tid)})

dummy = torch.tensor([[2, 5, 6, 3], [2, 7, 3, 0]])
torch.onnx.export(
    model, (dummy, (dummy != 0).long(), torch.zeros_like(dummy)), "model.onnx",
    input_names=["input_ids", "attention_mask", "token_type_ids"],
    output_names=["last_hidden_state"],
    dynamic_axes={n: {0: "batch", 1: "sequence"} for n in
                  ["input_ids", "attention_mask", "token_type_ids", "last_hidden_state"]},
    opset_version=14)

with open("vocab.txt", "w", encoding="utf-8") as f:
    f.write("\n".join(VOCAB) + "\n")
with open("tokenizer_config.json", "w") as f:
    json.dump({"do_lower_case": True, "model_max_length": 512}, f, indent=2)
with open("sentence_bert_config.json", "w") as f:
    json.dump({"max_seq_length": 32, "do_lower_case": False}, f, indent=2)
with open("expected.json", "w", encoding="utf-8") as f:
    json.dump({"hidden": HIDDEN, "cases": expected}, f, indent=1, ensure_ascii=False)
