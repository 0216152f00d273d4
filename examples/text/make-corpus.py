#!/usr/bin/env python3
"""Rebuilds the shipped text corpus from a Debian 12 machine (see README.md in this folder).

  debian-synopses.tsv     section<TAB>synopsis of 15,000 packages (apt-cache dumpavail), seeded sample
  debian-descriptions.txt the long description of every installed package (/var/lib/dpkg/status), one per line
  debian-changelog.txt    6,000 changelog lines (/usr/share/doc/*/changelog.Debian.gz), seeded sample,
                          every line with non-ASCII characters kept
"""
import glob, gzip, random, re, subprocess, sys

out = sys.argv[1] if len(sys.argv) > 1 else "."
rnd = random.Random(17)

def stanzas(text):
    for block in text.split("\n\n"):
        fields, key = {}, None
        for line in block.split("\n"):
            if line.startswith(" ") and key:
                fields[key] += "\n" + line
            elif ":" in line:
                key, _, value = line.partition(":")
                fields[key] = value.strip()
        if fields:
            yield fields

def one_line(s):
    return re.sub(r"\s+", " ", s).strip()

# 1. synopses with their section (distinct texts)
dump = subprocess.run(["apt-cache", "dumpavail"], capture_output=True, text=True).stdout
seen, rows = set(), []
for f in stanzas(dump):
    if "Section" in f and "Description" in f:
        syn = one_line(f["Description"].split("\n")[0])
        if syn and syn not in seen:
            seen.add(syn)
            rows.append((f["Section"].split("/")[-1], syn))
rows.sort()
rnd.shuffle(rows)
with open(f"{out}/debian-synopses.tsv", "w", encoding="utf-8") as w:
    for sec, syn in rows[:15000]:
        w.write(f"{sec}\t{syn}\n")

# 2. long descriptions of installed packages
status = open("/var/lib/dpkg/status", encoding="utf-8").read()
descs = set()
for f in stanzas(status):
    if "Description" in f:
        lines = f["Description"].split("\n")
        body = " ".join(l.strip() for l in lines[1:] if l.strip() != ".")
        if len(body) > 40:
            descs.add(one_line(body))
with open(f"{out}/debian-descriptions.txt", "w", encoding="utf-8") as w:
    for d in sorted(descs):
        w.write(d + "\n")

# 3. changelog lines (no trailer lines with e-mail addresses)
lines = set()
for path in sorted(glob.glob("/usr/share/doc/*/changelog.Debian.gz")):
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as r:
        for line in r:
            line = one_line(line)
            if len(line) >= 20 and not line.startswith("--") and "@" not in line and "\ufffd" not in line:
                lines.add(line)
lines = sorted(lines)
non_ascii = [l for l in lines if any(ord(c) > 127 for c in l)]
ascii_lines = [l for l in lines if all(ord(c) < 128 for c in l)]
rnd.shuffle(ascii_lines)
chosen = sorted(set(non_ascii + ascii_lines[: 6000 - len(non_ascii)]))
rnd.shuffle(chosen)
with open(f"{out}/debian-changelog.txt", "w", encoding="utf-8") as w:
    for l in chosen:
        w.write(l + "\n")
