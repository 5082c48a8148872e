"""Chains longer than the lowering nests (transform/nesting_limits.h: 8
links): each is lowered as groups of 8 nested links, a later group running
only when the earlier ones left the outcome open. Python's values and order
of evaluation are kept: every case passes through several groups."""
import numpy as np

def grade(k, x):
    """20 branches; `extra` is bound on some of them only."""
    if k == 0:
        y = x * 0.0
    elif k == 1:
        y = x * 1.0
    elif k == 2:
        y = x * 2.0
    elif k == 3:
        y = x * 3.0
    elif k == 4:
        y = x * 4.0
    elif k == 5:
        y = x * 5.0
        extra = 5
    elif k == 6:
        y = x * 6.0
    elif k == 7:
        y = x * 7.0
    elif k == 8:
        y = x * 8.0
    elif k == 9:
        y = x * 9.0
    elif k == 10:
        y = x * 10.0
        extra = 10
    elif k == 11:
        y = x * 11.0
    elif k == 12:
        y = x * 12.0
    elif k == 13:
        y = x * 13.0
    elif k == 14:
        y = x * 14.0
    elif k == 15:
        y = x * 15.0
        extra = 15
    elif k == 16:
        y = x * 16.0
    elif k == 17:
        y = x * 17.0
    elif k == 18:
        y = x * 18.0
    elif k == 19:
        y = x * 19.0
    else:
        y = -x
    if k % 5 == 0 and 0 < k < 20:
        return y, extra
    return y, -1

# CASE grade: 0 [1.0,2.0]
# CASE grade: 7 [1.0,2.0]
# CASE grade: 8 [1.0]
# CASE grade: 9 [1.0]
# CASE grade: 15 [2.0]
# CASE grade: 16 [2.0]
# CASE grade: 19 [3.0]
# CASE grade: 20 [3.0]
# CASE grade: -3 [3.0]
# CASE grade: 10 [1.5]


def first_hit(x):
    """Tests evaluated lazily: a failing index is only reached when earlier tests fail."""
    if x[0] > 100.0:
        r = 0
    elif x[1] > 100.0:
        r = 1
    elif x[2] > 100.0:
        r = 2
    elif x[3] > 100.0:
        r = 3
    elif x[4] > 100.0:
        r = 4
    elif x[5] > 100.0:
        r = 5
    elif x[6] > 100.0:
        r = 6
    elif x[7] > 100.0:
        r = 7
    elif x[8] > 100.0:
        r = 8
    elif False:
        r = -100
    elif x[9] > 100.0:
        r = 9
    elif x[10] > 100.0:
        r = 10
    elif x[11] > 100.0:
        r = 11
    elif x[12] > 100.0:
        r = 12
    elif x[13] > 100.0:
        r = 13
    elif x[14] > 100.0:
        r = 14
    elif x[15] > 100.0:
        r = 15
    elif x[16] > 100.0:
        r = 16
    elif x[17] > 100.0:
        r = 17
    else:
        r = -1
    return r

# CASE first_hit: [0.0,0.0,0.0,0.0,0.0,200.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0]
# CASE first_hit: [0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,200.0,0.0,0.0,0.0,0.0,0.0]
# CASE first_hit: [0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0]
# CASE first_hit: [0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0] -> exit 3
# CASE first_hit: [0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,500.0]


def pick(k):
    """A conditional expression of 19 links."""
    return 0.5 if k == 0 else 1.5 if k == 1 else 2.5 if k == 2 else 3.5 if k == 3 else 4.5 if k == 4 else 5.5 if k == 5 else 6.5 if k == 6 else 7.5 if k == 7 else 8.5 if k == 8 else 9.5 if k == 9 else 10.5 if k == 10 else 11.5 if k == 11 else 12.5 if k == 12 else 13.5 if k == 13 else 14.5 if k == 14 else 15.5 if k == 15 else 16.5 if k == 16 else 17.5 if k == 17 else 18.5 if k == 18 else -1.0

# CASE pick: 0
# CASE pick: 8
# CASE pick: 9
# CASE pick: 17
# CASE pick: 18
# CASE pick: 19


def all_positive(x):
    """`and` of 20 operands: the first falsy one is the value."""
    return x[0] and x[1] and x[2] and x[3] and x[4] and x[5] and x[6] and x[7] and x[8] and x[9] and x[10] and x[11] and x[12] and x[13] and x[14] and x[15] and x[16] and x[17] and x[18] and x[19]


def first_nonzero(x):
    """`or` of 20 operands: the first truthy one is the value."""
    return x[0] or x[1] or x[2] or x[3] or x[4] or x[5] or x[6] or x[7] or x[8] or x[9] or x[10] or x[11] or x[12] or x[13] or x[14] or x[15] or x[16] or x[17] or x[18] or x[19]

# CASE all_positive: [1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0]
# CASE all_positive: [1.0,1.0,1.0,0.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0]
# CASE all_positive: [1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,0.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0]
# CASE first_nonzero: [0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0]
# CASE first_nonzero: [0.0,0.0,0.0,0.0,0.0,2.5,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0]
# CASE first_nonzero: [0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,-1.5,0.0,0.0]


def short_circuit_stops(x, n):
    """Operands past the deciding one are not evaluated: x[n] is the last index read."""
    return (n == 0 and x[0] > 0.0) or (n == 1 and x[1] > 0.0) or (n == 2 and x[2] > 0.0) or (n == 3 and x[3] > 0.0) or (n == 4 and x[4] > 0.0) or (n == 5 and x[5] > 0.0) or (n == 6 and x[6] > 0.0) or (n == 7 and x[7] > 0.0) or (n == 8 and x[8] > 0.0) or (n == 9 and x[9] > 0.0) or (n == 10 and x[10] > 0.0) or (n == 11 and x[11] > 0.0) or (n == 12 and x[12] > 0.0) or (n == 13 and x[13] > 0.0) or (n == 14 and x[14] > 0.0) or (n == 15 and x[15] > 0.0) or (n == 16 and x[16] > 0.0) or (n == 17 and x[17] > 0.0)

# CASE short_circuit_stops: [1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0] 11
# CASE short_circuit_stops: [1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0] 2
# CASE short_circuit_stops: [1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0] 17 -> exit 3


def ascending(x):
    """A comparison chain of 19 links, each operand evaluated once."""
    return x[0] < x[1] < x[2] < x[3] < x[4] < x[5] < x[6] < x[7] < x[8] < x[9] < x[10] < x[11] < x[12] < x[13] < x[14] < x[15] < x[16] < x[17] < x[18] < x[19]


def mixed_chain(a, b):
    """Constant links fold; the rest compares at run time."""
    return 0 < 1 < a <= a < b + 1 < b + 2 < 99 < 100 < b + 100 < b + 101 < b + 102 < 1000

# CASE ascending: [0.0,1.0,2.0,3.0,4.0,5.0,6.0,7.0,8.0,9.0,10.0,11.0,12.0,13.0,14.0,15.0,16.0,17.0,18.0,19.0]
# CASE ascending: [0.0,1.0,2.0,0.5,4.0,5.0,6.0,7.0,8.0,9.0,10.0,11.0,12.0,13.0,14.0,15.0,16.0,17.0,18.0,19.0]
# CASE ascending: [0.0,1.0,2.0,3.0,4.0,5.0,6.0,7.0,8.0,9.0,10.0,11.0,12.0,13.0,14.0,0.5,16.0,17.0,18.0,19.0]
# CASE mixed_chain: 1 3
# CASE mixed_chain: 5 3
# CASE mixed_chain: 2 900


def small_prime(k):
    """`in` a tuple of 20 elements."""
    primes = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71)
    return k in primes, k not in primes, k in (k - 1, 0, 1, 4, 6, 8, 9, 10, 12, 14, k)

# CASE small_prime: 2
# CASE small_prime: 19
# CASE small_prime: 23
# CASE small_prime: 71
# CASE small_prime: 72
# CASE small_prime: 1


def bucket(x):
    """12 early returns in one block, then a loop with 10 breaks."""
    if x < 0.0:
        return 0
    if x < 10.0:
        return 1
    if x < 20.0:
        return 2
    if x < 30.0:
        return 3
    if x < 40.0:
        return 4
    if x < 50.0:
        return 5
    if x < 60.0:
        return 6
    if x < 70.0:
        return 7
    if x < 80.0:
        return 8
    if x < 90.0:
        return 9
    if x < 100.0:
        return 10
    if x < 110.0:
        return 11
    total = 0
    for i in range(100):
        total += i
        if total > x + 0:
            break
        total += 1
        if total > x + 1000:
            break
        total += 1
        if total > x + 2000:
            break
        total += 1
        if total > x + 3000:
            break
        total += 1
        if total > x + 4000:
            break
        total += 1
        if total > x + 5000:
            break
        total += 1
        if total > x + 6000:
            break
        total += 1
        if total > x + 7000:
            break
        total += 1
        if total > x + 8000:
            break
        total += 1
        if total > x + 9000:
            break
        total += 1
    return total

# CASE bucket: -1.0
# CASE bucket: 35.0
# CASE bucket: 105.0
# CASE bucket: 150.0
# CASE bucket: 2000.0
# CASE bucket: 9000.0
