# while: carried values as region arguments; the condition in its own region.
def newton_sqrt(a, tol=1e-10):
    x = a
    steps = 0
    while abs(x * x - a) > tol:
        x = 0.5 * (x + a / x)
        steps += 1
    return x, steps
