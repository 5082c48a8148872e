#!/usr/bin/env python3
"""No diagnostic ever shows a name the compiler made up.

The AST passes synthesize names with a '$' (`return$value`, `break$1`,
transform/ast_passes/ast_make.h) that no Python program can spell; a message
naming one would point the user at code they never wrote. This runs `pygraft
check --diagnostics json` on every diagnostics case, every differential case
and every sample (with each case's own `# args:`), and fails if any message
contains a '$'.

Usage: check_no_internal_names.py --pygraft PATH
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARGS_RE = re.compile(r"^#\s*args:\s*(.*?)\s*(?:#.*)?$", re.M)


def case_files():
    patterns = ["tests/diagnostics/cases/*.py", "tests/cases/*.py", "samples/*.py"]
    return sorted(f for p in patterns for f in glob.glob(os.path.join(ROOT, p)))


def extra_args(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        m = ARGS_RE.search(f.read())
    args = m.group(1).split() if m else []
    return [a for a in args if a.startswith("--W")]  # check's options only


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pygraft", required=True)
    args = parser.parse_args()
    failures, messages = [], 0
    for path in case_files():
        out = subprocess.run([args.pygraft, "check", path, "--diagnostics", "json"]
                             + extra_args(path), capture_output=True, timeout=120)
        try:
            diagnostics = json.loads(out.stdout.decode() or "[]")
        except json.JSONDecodeError:
            failures.append("%s: output is not JSON: %r" % (path, out.stdout[:200]))
            continue
        for d in diagnostics:
            messages += 1
            if "$" in d["message"]:
                failures.append("%s:%d: %s" % (os.path.relpath(path, ROOT), d["line"],
                                               d["message"]))
    for failure in failures:
        print("FAIL " + failure)
    print("%d files, %d diagnostics, %d naming an internal '$' name"
          % (len(case_files()), messages, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
