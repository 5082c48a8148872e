def find_first(n, k):
    i = 0
    while i < n:
        if i * i > k:
            return i
        i += 1
    else:
        i = -1
    return i * 10


def first_negative(xs):
    for i, x in enumerate(xs):
        if x < 0:
            return i
    return -1


def nested_search(n, target):
    total = 0
    for i in range(n):
        for j in range(n):
            total += 1
            if i * j == target:
                return i, j, total
    return None


if __name__ == "__main__":
    CASES = [("find_first", (n, k)) for n in (0, 3, 10) for k in (0, 5, 200)] + \
        [("first_negative", (xs,)) for xs in ((), (1, 2), (1, -2, -3))] + \
        [("nested_search", (n, t)) for n in (0, 3, 5) for t in (0, 4, 6, 100)]
