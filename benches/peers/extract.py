"""Keyword extraction with a Python library, for benches/peers/run.sh.

    python extract.py flashtext|pyahocorasick TAXONOMY.json DIR

TAXONOMY.json is `skillgap taxonomy list --format json`; every skill's name,
aliases and ambiguous spellings become keywords that map to the skill id. Every
file under DIR is read (UTF-8, bad bytes replaced) and searched for whole-word
keywords, ASCII and Unicode case folded; the set of skill ids found is kept per
file, as a user of these libraries would. Prints one JSON line: the tool, its
version, documents, matches, the seconds the search loop took (walk, reading
and matching: wall and CPU) and the seconds of everything before it.

- flashtext: `KeywordProcessor(case_sensitive=False)`, `extract_keywords`; a
  keyword must start and end at a boundary (a character other than ASCII
  letters, digits and `_`); longest keyword first at each position.
- pyahocorasick: one automaton over the lower-cased keywords, `iter_long`
  (leftmost-longest, non-overlapping) over the lower-cased text, then a
  whole-word check in Python: where the keyword starts (ends) with a letter or
  digit, the character before (after) it must not be one, nor `_`. A
  candidate that fails the check is dropped (skillgap retries one byte later).
"""

import json
import os
import sys
import time

t0 = time.perf_counter()
c0 = time.process_time()
tool, taxonomy_path, root = sys.argv[1:4]

with open(taxonomy_path, encoding="utf-8") as f:
    taxonomy = json.load(f)
keywords = []  # (spelling, skill id)
for skill in taxonomy["skills"]:
    spellings = [skill["name"], *skill["aliases"], *(a["text"] for a in skill["ambiguous"])]
    keywords.extend((s.strip(), skill["id"]) for s in spellings if s.strip())


def files(root):
    for d, dirs, names in os.walk(root):
        dirs.sort()
        for n in sorted(names):
            yield os.path.join(d, n)


def read(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", errors="replace")


if tool == "flashtext":
    from importlib.metadata import version

    from flashtext import KeywordProcessor

    kp = KeywordProcessor(case_sensitive=False)
    for spelling, skill in keywords:
        kp.add_keyword(spelling, skill)

    def extract(text):
        return kp.extract_keywords(text)

elif tool == "pyahocorasick":
    from importlib.metadata import version

    import ahocorasick

    automaton = ahocorasick.Automaton()
    for spelling, skill in keywords:
        key = spelling.lower()
        automaton.add_word(key, (skill, key[0].isalnum(), key[-1].isalnum(), len(key)))
    automaton.make_automaton()

    def word(c):
        return c.isalnum() or c == "_"

    def extract(text):
        lower = text.lower()
        n = len(lower)
        found = []
        for end, (skill, check_start, check_end, length) in automaton.iter_long(lower):
            start = end - length + 1
            if check_start and start > 0 and word(lower[start - 1]):
                continue
            if check_end and end + 1 < n and word(lower[end + 1]):
                continue
            found.append(skill)
        return found

else:
    sys.exit(f"unknown tool {tool}; use flashtext or pyahocorasick")

setup = time.perf_counter() - t0
setup_cpu = time.process_time() - c0
t1 = time.perf_counter()
c1 = time.process_time()
docs = matches = distinct = 0
for path in files(root):
    found = extract(read(path))
    docs += 1
    matches += len(found)
    distinct += len(set(found))
loop = time.perf_counter() - t1
loop_cpu = time.process_time() - c1
print(
    json.dumps(
        {
            "tool": tool,
            "version": version(tool),
            "keywords": len(keywords),
            "docs": docs,
            "matches": matches,
            "skills_per_doc": round(distinct / max(docs, 1), 4),
            "setup_s": round(setup, 4),
            "setup_cpu_s": round(setup_cpu, 4),
            "loop_s": round(loop, 4),
            "loop_cpu_s": round(loop_cpu, 4),
        }
    )
)
