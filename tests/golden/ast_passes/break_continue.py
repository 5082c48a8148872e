def greedy(limit, stop):
    total = 0
    t = 0
    while True:
        t += 1
        if t > limit:
            break
        if t % 3 == 0:
            continue
        total += t
        if total > stop:
            break
    return total, t


def skip_odd_sum(n):
    s = 0
    last = -1
    for i in range(n):
        if i % 2 == 1:
            continue
        s += i
        last = i
    return s, last, i if n > 0 else None


def nested_break(n):
    count = 0
    for i in range(n):
        j = 0
        while j < n:
            if j > i:
                break
            count += j
            j += 1
        if count > 20:
            break
    return count, i if n > 0 else -1


if __name__ == "__main__":
    CASES = [("greedy", (l, s)) for l in (0, 5, 20) for s in (3, 1000)] + \
        [("skip_odd_sum", (n,)) for n in (0, 1, 6)] + \
        [("nested_break", (n,)) for n in (0, 3, 10)]
