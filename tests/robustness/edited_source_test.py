#!/usr/bin/env python3
"""Half-edited models: `pygraft check` on sources that are mid-edit.

A user runs `check` on a file they are still writing: a line deleted, a
character dropped, an unsupported construct pasted in, a block duplicated.
The checker then lowers a partial AST (every problem is reported in one run),
which is where follow-on bugs hide. Each edited file must give exit 0 or 1,
one JSON document on stdout, diagnostics in source order with valid ranges,
and never PG0999 (an internal error).

The edits are pseudo-random from a fixed seed over tests/cases and samples,
so a failure reproduces; the failing source is written next to the report.

Usage: edited_source_test.py --pygraft PATH --workdir DIR [--count N] [--seed S]
"""
import argparse
import glob
import json
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

PASTED_EXPRESSIONS = ["lambda v: v", "[i for i in x]", "{1: 2}", "(w := 3)", "f\"{x}\"",
                      "*rest", "x if", "(", ")", "yield x", "await x", "{1, 2}"]
PASTED_STATEMENTS = ["class C:\n    pass", "try:\n    pass\nexcept E:\n    pass", "import os",
                     "global q", "del x", "with a as b:\n    y = [v for v in b]", "raise E",
                     "def inner(v):\n    return v", "match x:\n    case 1:\n        pass",
                     "@decorate", "async def g():\n    pass", "break", "continue", "return"]


def edit(rng, text):
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        k = rng.randrange(len(lines))
        line = lines[k]
        indent = line[:len(line) - len(line.lstrip())]
        choice = rng.random()
        if choice < 0.2:
            del lines[k]
        elif choice < 0.45:
            p = rng.randint(0, len(line))
            lines[k] = line[:p] + rng.choice(PASTED_EXPRESSIONS) + line[p:]
        elif choice < 0.65:
            lines.insert(k, indent + rng.choice(PASTED_STATEMENTS).replace("\n", "\n" + indent))
        elif choice < 0.85 and line:
            p = rng.randrange(len(line))
            lines[k] = line[:p] + line[p + 1:]
        else:
            lines.insert(k, lines[rng.randrange(len(lines))])
        if not lines:
            lines = [""]
    return "\n".join(lines)


def check_one(pygraft, path, source):
    proc = subprocess.run([pygraft, "check", path, "--diagnostics", "json"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    if proc.returncode not in (0, 1):
        return "exit %d; stderr: %s" % (proc.returncode, proc.stderr.decode(errors="replace")[-500:])
    try:
        diagnostics = json.loads(proc.stdout)
    except ValueError as e:
        return "stdout is not JSON (%s)" % e
    line_count = source.count("\n") + 1
    positions = []
    for d in diagnostics:
        if d["code"] == "PG0999":
            return "internal error: %s" % d["message"]
        if not (1 <= d["line"] <= d["end_line"] <= line_count + 1):
            return "range %d-%d outside the file" % (d["line"], d["end_line"])
        positions.append((d["line"], d["column"]))
    if positions != sorted(positions):
        return "diagnostics out of order: %s" % positions
    has_error = any(d["severity"] == "error" for d in diagnostics)
    if has_error != (proc.returncode == 1):
        return "exit %d with errors=%s" % (proc.returncode, has_error)
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pygraft", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    sources = sorted(glob.glob(os.path.join(ROOT, "tests", "cases", "*.py")) +
                     glob.glob(os.path.join(ROOT, "samples", "*.py")))
    rng = random.Random(args.seed)
    failures = 0
    for i in range(args.count):
        with open(rng.choice(sources)) as f:
            edited = edit(rng, f.read())
        path = os.path.join(args.workdir, "edited_%d.py" % i)
        with open(path, "w") as f:
            f.write(edited)
        problem = check_one(args.pygraft, path, edited)
        if problem:
            failures += 1
            print("FAIL %s: %s" % (path, problem))
        else:
            os.remove(path)
    print("%d edited sources checked, %d failed" % (args.count, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
