"""Runs an original pygraft test source and its rewrite by the AST passes
(printed back as Python by transform/ast_passes/ast_to_python) on the CASES
list of the original's main guard and compares results and exceptions.

usage: check_semantics.py ORIGINAL.py REWRITTEN.py   (exit 0 when all match)
"""
import runpy
import sys


def outcome(function, args):
    try:
        return ("value", function(*args))
    except Exception as error:  # the exception type is part of the meaning
        return ("raises", type(error).__name__)


def main():
    original = runpy.run_path(sys.argv[1], run_name="__main__")
    rewritten = runpy.run_path(sys.argv[2], run_name="rewritten")
    failures = 0
    cases = original.get("CASES", [])
    for name, args in cases:
        expected = outcome(original[name], args)
        actual = outcome(rewritten[name], args)
        if expected != actual:
            failures += 1
            print(f"{sys.argv[1]}: {name}{args}: CPython {expected}, rewritten {actual}")
    if not cases:
        print(f"{sys.argv[1]}: no CASES")
        return 1
    print(f"{sys.argv[1]}: {len(cases)} cases, {failures} mismatches")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
