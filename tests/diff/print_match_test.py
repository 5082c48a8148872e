#!/usr/bin/python3
"""Checks run_diff.py's comparison of printed text: floats within the float64
tolerance, everything else exactly."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.dont_write_bytecode = True
from run_diff import printed_text_matches  # noqa: E402

CASES = [
    ("debug 0.9617645947796991\n", "debug 0.9617645947796992\n", True),
    ("h 0.0\n", "h -0.0\n", True),
    ("h [-3.  -1.5  0. ] 0.13533528323661267\n", "h [-3.  -1.5  0. ] 0.1353352832366127\n", True),
    ("a\nb 1.5\n", "x.py:3:1: warning\na\nb 1.5\n", True),
    ("loss 0.5\n", "loss 0.6\n", False),
    ("n 3\n", "n 4\n", False),
    ("n 3\n", "n 3.0\n", False),
    ("step 1\n", "steps 1\n", False),
    ("a\nb\n", "a\nc\nb\n", False),
    ("x nan\n", "x nan\n", True),
    ("x inf\n", "x -inf\n", False),
    (" [ 0.4054651         -inf]\n", " [ 0.40546513        -inf]\n", True),
    ("[1.5 2. ]\n", "[1.5 2.]\n", False),
]

failed = 0
for printed, err, want in CASES:
    if printed_text_matches(printed, err) != want:
        failed += 1
        print("FAIL %r vs %r: expected %s" % (printed, err, want))
print("%d passed, %d failed" % (len(CASES) - failed, failed))
sys.exit(1 if failed else 0)
