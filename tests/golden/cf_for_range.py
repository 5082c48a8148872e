# for over range: a hidden counter, the trip count computed before the loop.
def sum_range(n):
    s = 0
    for i in range(n):
        s += i
    return s


def countdown(start, stop):
    total = 0
    for i in range(start, stop, -3):
        total = total * 2 + i
    return total, i
