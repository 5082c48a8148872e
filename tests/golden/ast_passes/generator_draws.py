import numpy as np


def draws(seed, n, flag):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(3) * 0.5 + rng.random(3)
    rng.random()
    if rng.random() < 0.5:
        y = rng.integers(0, 10, size=2)
    else:
        y = rng.choice(5, size=2, p=[0.1, 0.2, 0.3, 0.2, 0.2])
    total = 0.0
    for i in range(n):
        total += rng.normal(rng.random(), 2.0)
    xs = [rng.uniform(-1.0, 1.0) for _ in range(n)]
    z = np.random.default_rng(seed + 1).random()
    return x.tolist(), y.tolist(), total, xs, z, rng.random()


if __name__ == "__main__":
    CASES = [("draws", (0, 0, True)), ("draws", (1, 1, False)), ("draws", (12345, 4, True))]
