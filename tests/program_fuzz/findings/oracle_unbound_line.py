"""FINDINGS H1 (the harness, not pygraft): CPython 3.11 reports this
UnboundLocalError on line 17 (`best = 1.0`), the line before the failing
read, so tests/diff/run_diff.py's raising_line fails pygraft's correct line
18. tests/program_fuzz/classify.py corrects it (the line of the first read
of the name at or after the failing instruction)."""
import numpy as np


def last_loss(b):
    for ii in range(len(b)):
        for t in range(1, ii):
            loss = 0.9
        else:
            hidden = np.ones(4)
    for vi in hidden:
        pass
    tries = 0
    while True:
        tries += 1
        if tries > 2:
            break
    best = 1.0
    return loss


# CASE last_loss: [[3]] -> exit 3
