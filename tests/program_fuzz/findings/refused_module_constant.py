"""FINDINGS R2: PG0401 against a module constant. Module constants are
numbers, bools, None or tuples of them (SPEC §3): immutable, so `s *= x`
rebinds s and cannot change TEMP."""
import numpy as np

TEMP = 2.0


def scaled(x):
    s = TEMP
    s *= x
    return s, TEMP


# CASE scaled: [1.0,-0.5]
