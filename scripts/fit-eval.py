#!/usr/bin/env python3
"""Measure `skillgap fit` against a labels file with `role_ok` (development set 2).

Usage: scripts/fit-eval.py BINARY LABELS.json

For each labelled role group, the share of resumes whose best or second-best role is
one of the accepted ids; for non-software resumes, the share whose every fit is below
40. Prints a Markdown table (docs/ROLES.md). Reads the data in place; copies nothing.
"""
import json, os, subprocess, sys, collections

ACCEPT = {  # labelled role -> roles that count when ranked first or second
    "backend": {"backend-developer", "software-developer"},
    "frontend": {"frontend-developer", "full-stack-developer"},
    "full-stack": {"full-stack-developer", "software-developer"},
    "devops": {"devops-engineer", "cloud-engineer"},
    "cloud": {"devops-engineer", "cloud-engineer"},
    "dba": {"database-administrator"},
}
GROUP = {"cloud": "devops"}

binary, labels = sys.argv[1], sys.argv[2]
data = json.load(open(labels))
resumes = data["resumes"] if isinstance(data, dict) else data
base = os.path.dirname(os.path.abspath(labels))
hits, totals, firsts = collections.Counter(), collections.Counter(), collections.Counter()
neg_ok = neg_total = 0
neg_max = []
for r in resumes:
    cmd = [binary, "fit", os.path.join(base, r["file"]), "--format", "json"]
    if r.get("as_of"):
        cmd += ["--as-of", r["as_of"]]
    out = json.loads(subprocess.run(cmd, capture_output=True, check=True, text=True).stdout)
    ranked = [x["id"] for x in out["roles"]]
    labs = r.get("role_ok", [])
    if "non-software" in labs or r.get("negative"):
        neg_total += 1
        top = max(x["fit"] for x in out["roles"])
        neg_max.append(top)
        neg_ok += top < 40
        continue
    groups = {GROUP.get(l, l) for l in labs if l in ACCEPT}
    for g in groups:
        ok = set().union(*(ACCEPT[l] for l in labs if GROUP.get(l, l) == g))
        totals[g] += 1
        hits[g] += bool(ok & set(ranked[:2]))
        firsts[g] += ranked[0] in ok
    if os.environ.get("VERBOSE"):
        print(r["file"], labs, [(x["id"][:8], x["fit"], x["estimated_level"]) for x in out["roles"][:3]], file=sys.stderr)

print("| Labelled role | Resumes | Accepted role 1st or 2nd | 1st |")
print("|---|---:|---:|---:|")
for g in sorted(totals):
    print(f"| {g} | {totals[g]} | {hits[g]} ({100*hits[g]/totals[g]:.0f} %) | {firsts[g]} ({100*firsts[g]/totals[g]:.0f} %) |")
print(f"| non-software: every fit < 40 | {neg_total} | {neg_ok} | max fits {sorted(neg_max)} |")
