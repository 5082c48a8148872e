"""print and assert inside branches and loops: printed only on the path
actually taken, in order; a failing assert is a runtime error (exit 3)."""
import numpy as np

VERBOSE = True
LOG_EVERY = 2


def log_branch(x):
    """Each branch prints something different; the markers around make a
    print from the branch not taken visible."""
    print("begin")
    if x > 0:
        print("positive", x)
        y = x
    else:
        print("non-positive", x)
        y = -x
    print("end")
    return y


# CASE log_branch: 3
# CASE log_branch: -1.5
# CASE log_branch: 0


def training_log(losses):
    """Prints every LOG_EVERY steps inside a loop, then a summary."""
    best = np.inf
    for step in range(losses.shape[0]):
        loss = losses[step]
        if loss < best:
            best = loss
        if step % LOG_EVERY == 0:
            print("step", step, "loss", loss)
    print("best", best)
    return best


# CASE training_log: [0.9,0.7,0.8,0.4,0.5]
# CASE training_log: [1.5]
# CASE training_log: []


def print_on_break(x, limit):
    """Prints once when the loop breaks, and something else otherwise."""
    print("start")
    total = 0
    for v in x:
        total += v
        if total > limit:
            print("limit exceeded at", v)
            break
    else:
        print("all added:", total)
    print("done")
    return total


# CASE print_on_break: [1,2,3,4] 4
# CASE print_on_break: [1,2,3,4] 100


def print_arrays_in_loop(x):
    """Prints small int arrays per iteration."""
    for i in range(x.shape[0]):
        print(i, x[i] * 2)
    return x.sum()


# CASE print_arrays_in_loop: [[1,2],[3,4]]
# CASE print_arrays_in_loop: [[0,5,-5]]


def print_nested_depth(n):
    """Prints at depth 2 and 3 of nested loops and branches."""
    count = 0
    for i in range(n):
        for j in range(n):
            if i == j:
                print("diag", i)
                if i % 2 == 1:
                    print("odd diag", i)
            count += 1
    return count


# CASE print_nested_depth: 0
# CASE print_nested_depth: 3


def assert_in_loop(x):
    """Asserts each element is finite and non-negative."""
    s = 0.0
    for v in x:
        assert v >= 0, "negative value"
        s += np.sqrt(v)
    return s


# CASE assert_in_loop: [1.0,4.0,9.0]
# CASE assert_in_loop: []
# CASE assert_in_loop: [1.0,-4.0,9.0] -> exit 3


def assert_in_branch(x, check):
    """The assert only runs when `check` is true."""
    if check:
        assert np.all(x > 0), "x must be positive"
    return np.log(np.abs(x) + 1)


# CASE assert_in_branch: [1.0,-2.0] false
# CASE assert_in_branch: [1.0,2.0] true
# CASE assert_in_branch: [1.0,-2.0] true -> exit 3


def assert_loop_invariant(n):
    """A loop invariant checked each iteration; fails past a bound."""
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
        assert a < 100, "fibonacci overflowed the bound"
    return a


# CASE assert_loop_invariant: 0
# CASE assert_loop_invariant: 10
# CASE assert_loop_invariant: 12 -> exit 3


def assert_in_while(x, tol=1e-6, max_iter=30):
    """Asserts the budget is not exhausted inside a while loop."""
    it = 0
    while abs(x * x - 2.0) > tol:
        assert it < max_iter, "did not converge"
        x = x - (x * x - 2.0) / (2.0 * x)
        it += 1
    return x, it


# CASE assert_in_while: 1.0
# CASE assert_in_while: 1.4142135623730951
# CASE assert_in_while: 1000.0 1e-6 3 -> exit 3


def print_then_fail(x):
    """Prints before the failing assert, inside a loop."""
    for i in range(x.shape[0]):
        print("checking", i)
        assert x[i] != 0, "zero entry"
    return 1.0 / x


# CASE print_then_fail: [1.0,2.0]
# CASE print_then_fail: [1.0,0.0] -> exit 3


def verbose_constant(x):
    """A module-constant flag guarding a print (folded at compile time)."""
    if VERBOSE:
        print("input", x)
    return x + 1


# CASE verbose_constant: 41


def print_float_formats(n):
    """Python float and NumPy float formatting from inside a loop."""
    acc = 0.0
    for _ in range(n):
        acc += 0.1
    print(acc)
    print(np.sqrt(acc * 2))
    return acc


# CASE print_float_formats: 3
# CASE print_float_formats: 0
