#!/usr/bin/env python3
"""Indentation as CPython 3.11 judges it: the layout check (parser/layout_check.h)
against CPython's own compile() on mutated copies of real files.

Each of tests/cases/*.py and samples/*.py is mutated (seeded): a line
indented one to four spaces deeper or shallower, eight or four leading spaces
turned into a tab, a whole block re-indented with tabs, a line removed, a
blank or comment line with odd indentation inserted. Then, for every mutant:
  - when CPython raises IndentationError or TabError, `pygraft check` reports
    exactly one error, PG0006 / PG0007 (PG0005 for CPython's nesting limits),
    on CPython's line, whose message starts with CPython's exception name
    and message ("IndentationError: unexpected indent");
  - when CPython compiles the mutant, pygraft reports no PG0006 / PG0007;
  - (another SyntaxError: no claim, pygraft reports its own way).

Usage: layout_check_test.py --pygraft PATH [--mutants-per-file N] [--seed S]
"""
import argparse
import glob
import json
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CODES = {"IndentationError": "PG0006", "TabError": "PG0007"}
LIMIT_MESSAGES = ("too many levels of indentation",)


def indent_of(line):
    return line[:len(line) - len(line.lstrip(" \t"))]


def code_lines(lines):
    return [i for i, line in enumerate(lines) if line.strip() and not line.strip().startswith("#")]


def mutate(lines, rng):
    lines = list(lines)
    candidates = code_lines(lines)
    if not candidates:
        return lines
    i = rng.choice(candidates)
    kind = rng.randrange(7)
    body = lines[i].lstrip(" \t")
    indent = indent_of(lines[i])
    if kind == 0:
        lines[i] = " " * rng.randint(1, 4) + lines[i]
    elif kind == 1:
        cut = min(len(indent), rng.randint(1, 4))
        lines[i] = indent[cut:] + body
    elif kind == 2:
        width = rng.choice([4, 8])
        if indent.startswith(" " * width):
            lines[i] = "\t" + lines[i][width:]
    elif kind == 3:
        # A whole run of lines re-indented with one tab per four spaces.
        end = min(len(lines), i + rng.randint(1, 12))
        for k in range(i, end):
            ind = indent_of(lines[k])
            lines[k] = ind.replace("    ", "\t") + lines[k][len(ind):]
    elif kind == 4:
        del lines[i]
    elif kind == 5:
        lines.insert(i, " " * rng.randint(0, 11) + rng.choice(["", "# note", "\t# tab note"]) + "\n")
    else:
        lines[i] = indent + "\f" + body if rng.random() < 0.3 else "\t" * rng.randint(1, 3) + body
    return lines


def cpython_verdict(source):
    """None when CPython compiles it, else (exception name, message, line)."""
    try:
        compile(source, "mutant.py", "exec")
        return None
    except SyntaxError as e:
        return type(e).__name__, e.msg, e.lineno
    except (ValueError, RecursionError, MemoryError) as e:
        return type(e).__name__, str(e), 0


def pygraft_diagnostics(pygraft, path):
    out = subprocess.run([pygraft, "check", path, "--diagnostics", "json"], capture_output=True,
                         timeout=60)
    return json.loads(out.stdout.decode() or "[]")


def judge(verdict, diagnostics):
    """A problem description, or None when pygraft agrees with CPython."""
    layout = [d for d in diagnostics if d["code"] in ("PG0006", "PG0007")]
    if verdict is None:
        return "CPython compiles it; pygraft says %s" % layout[0]["message"] if layout else None
    name, message, line = verdict
    if name not in CODES:
        return None
    errors = [d for d in diagnostics if d["severity"] == "error"]
    expected_code = "PG0005" if message in LIMIT_MESSAGES else CODES[name]
    prefix = "%s: %s" % (name, message)
    if len(errors) != 1:
        return "CPython: %s (line %d); pygraft: %s" % (prefix, line, errors)
    d = errors[0]
    if d["code"] != expected_code or not d["message"].startswith(prefix) or d["line"] != line:
        return "CPython: %s (line %d); pygraft: %s %s (line %d)" % (
            prefix, line, d["code"], d["message"], d["line"])
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pygraft", required=True)
    parser.add_argument("--mutants-per-file", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    files = sorted(glob.glob(os.path.join(ROOT, "tests", "cases", "*.py")) +
                   glob.glob(os.path.join(ROOT, "samples", "*.py")))
    failures, counts = [], {"agree-error": 0, "agree-ok": 0, "other": 0}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "mutant.py")
        for source_file in files:
            with open(source_file, encoding="utf-8") as f:
                lines = f.read().splitlines(keepends=True)
            for _ in range(args.mutants_per_file):
                mutant = mutate(lines, rng)
                source = "".join(mutant)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(source)
                verdict = cpython_verdict(source)
                problem = judge(verdict, pygraft_diagnostics(args.pygraft, path))
                if problem:
                    failures.append((os.path.basename(source_file), problem, source))
                elif verdict is None:
                    counts["agree-ok"] += 1
                elif verdict[0] in CODES:
                    counts["agree-error"] += 1
                else:
                    counts["other"] += 1
    for name, problem, source in failures[:10]:
        print("FAIL %s: %s" % (name, problem))
    print("%d mutants: %d refused alike, %d accepted alike, %d other syntax errors, %d failures"
          % (sum(counts.values()) + len(failures), counts["agree-error"], counts["agree-ok"],
             counts["other"], len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
