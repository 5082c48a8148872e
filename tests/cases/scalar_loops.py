"""Loops over Python scalars, which the runtime runs as typed register code
(runtime/scalar_loop.h) when every value keeps one kind (bool, int or float)
and generically otherwise: the arguments below take both, with loops that
run 0, 1 and many times, nested loops and conds, mixed int/float operators,
bools in arithmetic, and errors raised inside the loop.
"""
import math

import numpy as np


def collatz_steps(limit):
    total = 0
    for start in range(1, limit):
        n = start
        while n != 1:
            if n % 2 == 0:
                n = n // 2
            else:
                n = 3 * n + 1
            total += 1
    return total
# CASE collatz_steps: 0
# CASE collatz_steps: 1
# CASE collatz_steps: 2
# CASE collatz_steps: 3
# CASE collatz_steps: 100
# CASE collatz_steps: true


def weighted_sum(n, step):
    count = 0
    acc = 0.0
    for i in range(n):
        acc = acc + i * step
        count += 1
    return count, acc
# CASE weighted_sum: 0 0.5
# CASE weighted_sum: 1 0.5
# CASE weighted_sum: 10 0.5
# CASE weighted_sum: 10 3
# CASE weighted_sum: 4 true
# CASE weighted_sum: 5 -0.0


def halve_until(x, limit):
    steps = 0
    while x > limit:
        x = x / 2
        steps += 1
    return x, steps
# CASE halve_until: 100.0 1.0
# CASE halve_until: 100 1
# CASE halve_until: 0.5 1.0
# CASE halve_until: 3.0 2
# CASE halve_until: 1e308 1e-300


def gcd_loop(a, b):
    while b != 0:
        a, b = b, a % b
    return a
# CASE gcd_loop: 48 18
# CASE gcd_loop: 18 48
# CASE gcd_loop: 7 0
# CASE gcd_loop: -48 18
# CASE gcd_loop: 48 -18
# CASE gcd_loop: 0 0
# CASE gcd_loop: 12.5 5.0


def floor_and_mod(n, d):
    q_total = 0
    r_total = 0
    for i in range(-n, n):
        q_total += i // d
        r_total += i % d
    return q_total, r_total
# CASE floor_and_mod: 7 3
# CASE floor_and_mod: 7 -3
# CASE floor_and_mod: 7 2.5
# CASE floor_and_mod: 0 3
# CASE floor_and_mod: 3 0 -> exit 3
# CASE floor_and_mod: 3 0.0 -> exit 3


def mean_of_ratios(n, d):
    acc = 0.0
    for i in range(1, n + 1):
        acc += i / d
    return acc / n
# CASE mean_of_ratios: 10 3
# CASE mean_of_ratios: 10 0 -> exit 3
# CASE mean_of_ratios: 10 0.0 -> exit 3
# CASE mean_of_ratios: 1 7


def count_flags(n, flag):
    on = 0
    total = 0
    for i in range(n):
        if flag and i % 3 == 0:
            on = on + flag
        elif i < 5:
            on = on - 1
        total = total + (i > 2)
    return on, total
# CASE count_flags: 0 true
# CASE count_flags: 1 true
# CASE count_flags: 10 true
# CASE count_flags: 10 false


def newton_sqrt(x, iterations):
    guess = x
    for _ in range(iterations):
        if guess == 0:
            break
        guess = 0.5 * (guess + x / guess)
    return guess, abs(guess - math.sqrt(x)) < 1e-9
# CASE newton_sqrt: 2.0 20
# CASE newton_sqrt: 0.0 5
# CASE newton_sqrt: 1e6 40
# CASE newton_sqrt: 9 6


def nested_grid(n, m):
    inside = 0
    for i in range(n):
        for j in range(m):
            x = (i - n / 2) / n
            y = (j - m / 2) / m
            if x * x + y * y <= 0.25:
                inside += 1
    return inside
# CASE nested_grid: 20 30
# CASE nested_grid: 0 5
# CASE nested_grid: 1 1


def scalar_loop_then_array(n):
    total = 0
    for i in range(n):
        total += i * i
    return np.arange(3) * total
# CASE scalar_loop_then_array: 5
# CASE scalar_loop_then_array: 0


def fibonacci_swap(n):
    # Loop-carried values that trade places: the typed code keeps their
    # registers apart (the moves cannot be coalesced away).
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a, b
# CASE fibonacci_swap: 0
# CASE fibonacci_swap: 1
# CASE fibonacci_swap: 2
# CASE fibonacci_swap: 50
# CASE fibonacci_swap: 91


def power_of_two_divisors(lo, hi, d):
    # Floor division and modulo by powers of two (a shift and a mask) and by
    # other divisors, negative dividends included.
    q_sum = 0
    r_sum = 0
    old = lo
    for v in range(lo, hi):
        q_sum += v // d + old // 4
        r_sum += v % d * 3 + old % 8
        old = v
    return q_sum, r_sum, old
# CASE power_of_two_divisors: -20 20 2
# CASE power_of_two_divisors: -20 20 8
# CASE power_of_two_divisors: -20 20 -4
# CASE power_of_two_divisors: -20 20 3
# CASE power_of_two_divisors: -5000 -4980 1024
# CASE power_of_two_divisors: 5 5 2
# CASE power_of_two_divisors: 5 6 2
# CASE power_of_two_divisors: 0 3 0 -> exit 3


def power_of_two_extremes(lo, count):
    # The shift and the mask at the ends of int64 and with 1 and 2**62 as
    # divisors; a loop whose parity branch alternates.
    a = 0
    b = 0
    c = 0
    evens = 0
    v = lo
    for k in range(count):
        a = v // 1 - v % 1
        b = v // 2 + v % 2
        c = v // 4611686018427387904 - v % 4611686018427387904
        if v % 2 == 0:
            evens += 1
        v = v + 1
    return a, b, c, evens, v
# CASE power_of_two_extremes: -9223372036854775808 3
# CASE power_of_two_extremes: 9223372036854775804 3
# CASE power_of_two_extremes: -7 15
# CASE power_of_two_extremes: 5 1
# CASE power_of_two_extremes: 5 0


def keeps_old_value(n):
    # prev reads the old x after x changes in the same iteration.
    x = 1
    prev = 0
    total = 0
    while x < n:
        prev = x
        x = x * 3
        total += x - prev
    return x, prev, total
# CASE keeps_old_value: 0
# CASE keeps_old_value: 2
# CASE keeps_old_value: 1000
# CASE keeps_old_value: 1000000000000000000
