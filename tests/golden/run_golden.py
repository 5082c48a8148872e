#!/usr/bin/env python3
"""Golden tests of `pygraft compile --emit text`.

Each tests/golden/NAME.py is compiled with `--emit text -o -` and the output
compared with tests/golden/NAME.txt. Each tests/golden/passes/NAME.py is
compiled with `--print-ir-after-all`, and the IR after the lowering and after
every pass (stderr) is compared with passes/NAME.txt: one golden per pass
concern, showing the IR before and after each pass. Run with --update to
rewrite the .txt files after an intended change, then review the diff.

Usage: run_golden.py --pygraft PATH [--update] [NAME.py | passes/NAME.py ...]
"""
import argparse
import difflib
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def emit_text(pygraft, source):
    """The final listing, or for passes/*.py the listings after each pass."""
    per_pass = source.parent.name == "passes"
    extra = ["--print-ir-after-all"] if per_pass else []
    proc = subprocess.run([pygraft, "compile", str(source), "--emit", "text", "-o", "-"] + extra,
                          capture_output=True, text=True, timeout=60, cwd=HERE)
    if proc.returncode != 0:
        raise RuntimeError(f"exit {proc.returncode}: {proc.stderr.strip()}")
    return proc.stderr if per_pass else proc.stdout


def check(pygraft, source, update):
    expected_path = source.with_suffix(".txt")
    try:
        actual = emit_text(pygraft, source.relative_to(HERE))
    except (RuntimeError, subprocess.TimeoutExpired) as err:
        print(f"FAIL {source.name}: {err}")
        return False
    if update:
        expected_path.write_text(actual)
        print(f"UPDATED {expected_path.relative_to(HERE)}")
        return True
    expected = expected_path.read_text() if expected_path.exists() else ""
    if actual == expected:
        print(f"PASS {source.name}")
        return True
    diff = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                str(expected_path.name), "actual")
    print(f"FAIL {source.name}\n" + "".join(diff))
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pygraft", required=True)
    parser.add_argument("--update", action="store_true")
    parser.add_argument("sources", nargs="*")
    args = parser.parse_args()
    pygraft = str(pathlib.Path(args.pygraft).resolve())
    sources = [HERE / s for s in args.sources] or sorted(
        p for p in list(HERE.glob("*.py")) + list(HERE.glob("passes/*.py"))
        if p.name != pathlib.Path(__file__).name)
    results = [check(pygraft, s, args.update) for s in sources]
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
