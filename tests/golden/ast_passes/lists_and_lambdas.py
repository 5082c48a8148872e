def build(xs, n):
    scale = lambda v: v * 2
    ys = [scale(v) for v in xs if v > 0]
    d = {k: k * k for k in range(n)}
    ys.append(len(d))
    last = ys.pop()
    ys.sort(key=lambda v: -v)
    return ys, last, max(ys, key=lambda v: abs(v - 1)), sum(v for v in ys)


if __name__ == "__main__":
    CASES = [("build", ([3, -1, 2], 0)), ("build", ([1], 3)), ("build", ([5, 4, -2, 7], 2))]
