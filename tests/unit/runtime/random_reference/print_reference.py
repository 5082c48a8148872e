#!/usr/bin/env python3
"""Prints the NumPy reference values of tests/unit/runtime/random_test.cc.

Run with the NumPy oracle (Debian's NumPy 1.24):
    /usr/bin/python3 tests/unit/runtime/random_reference/print_reference.py
and paste the printed C++ initializers into the test. Each block is for one
seed: SeedSequence(seed).generate_state(4, np.uint64), the first three raw
PCG64 outputs, then from a fresh default_rng(seed): random(3),
standard_normal(3), integers(0, 10, size=4), integers(0, 2**40, size=2),
then random() again (the stream after the 32-bit draws).
"""
import numpy as np

SEEDS = [0, 1, 12345, 2**40]


def hexes(values):
    return ", ".join("0x%016xULL" % int(v) for v in values)


def floats(values):
    return ", ".join(float(v).hex() for v in values)


def ints(values):
    return ", ".join("%d" % int(v) for v in values)


for seed in SEEDS:
    words = np.random.SeedSequence(seed).generate_state(4, np.uint64)
    raw = np.random.PCG64(seed).random_raw(3)
    g = np.random.default_rng(seed)
    print("    {%dULL," % seed)
    print("     {%s}," % hexes(words))
    print("     {%s}," % hexes(raw))
    print("     {%s}," % floats(g.random(3)))
    print("     {%s}," % floats(g.standard_normal(3)))
    print("     {%s}," % ints(g.integers(0, 10, size=4)))
    print("     {%s}," % ints(g.integers(0, 2**40, size=2)))
    print("     %s}," % float(g.random()).hex())
# A long normal run (through the ziggurat's tail and wedges): the sum of
# 200000 draws and how many exceed the base strip's edge r in magnitude.
g = np.random.default_rng(2024)
z = g.standard_normal(200000)
print("    // seed 2024: sum %s, beyond r %d"
      % (float(sum(z.tolist())).hex(), int((np.abs(z) > 3.6541528853610088).sum())))
