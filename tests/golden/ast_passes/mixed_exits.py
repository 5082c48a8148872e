def newton(x0, tol, max_iter):
    x = x0
    for it in range(max_iter):
        fx = x * x - 2.0
        if abs(fx) < tol:
            return x, it
        if x == 0:
            break
        x = x - fx / (2.0 * x)
    else:
        return None
    return -1.0, -1


def deep(n, m):
    acc = 0
    i = 0
    while i < n:
        i += 1
        for j in range(m):
            if j == 2:
                continue
            if i * j > 6:
                if acc > 5:
                    return acc
                break
            acc += j
        else:
            acc += 100
    return -acc


if __name__ == "__main__":
    CASES = [("newton", (x, t, k)) for x in (0.0, 1.0, 3.0) for t in (1e-9, 1.0) for k in (0, 1, 50)] + \
        [("deep", (n, m)) for n in (0, 1, 4) for m in (0, 2, 5)]
