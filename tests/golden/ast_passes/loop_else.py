def is_prime(n):
    for d in range(2, n):
        if n % d == 0:
            result = False
            break
    else:
        result = n >= 2
    return result


def countdown(n):
    steps = 0
    while n > 0:
        n -= 1
        steps += 1
    else:
        steps = steps * 100
    return steps


def find_pair(n, target):
    found = (-1, -1)
    for i in range(n):
        for j in range(n):
            if i + j == target:
                found = (i, j)
                break
        else:
            continue
        break
    return found


if __name__ == "__main__":
    CASES = [("is_prime", (n,)) for n in (0, 1, 2, 3, 9, 13)] + \
        [("countdown", (n,)) for n in (-1, 0, 3)] + \
        [("find_pair", (n, t)) for n in (0, 2, 4) for t in (0, 3, 5, 99)]
