"""Iterative solvers run to a tolerance with a maximum iteration count:
Newton's method for a scalar root, Newton's method for a small nonlinear
system, and conjugate gradient for a symmetric positive definite system.

The number of iterations depends on the data, so each `while` loop is a loop
node in the graph; the convergence tests are `while err > tol` conditions
and early returns.

Run it:
    pygraft compile samples/newton_solver.py -o newton_solver.pgraph
    pygraft run newton_solver.pgraph --entry newton_root 2.0
    pygraft run newton_solver.pgraph --entry conjugate_gradient '[[4.0,1.0],[1.0,3.0]]' '[1.0,2.0]'
Compare against CPython + NumPy:
    /usr/bin/python3 tests/diff/run_diff.py --pygraft build/cli/pygraft samples/newton_solver.py
"""
import numpy as np

TOL = 1e-12
MAX_ITER = 50


def f(x, c):
    """The function whose root we want: x^3 + x - c (one real root)."""
    return x ** 3 + x - c


def df(x):
    """Its derivative, 3x^2 + 1 > 0."""
    return 3.0 * x ** 2 + 1.0


def newton_root(c, x0=0.0, tol=TOL, max_iter=MAX_ITER):
    """Solves x^3 + x = c by Newton's method.

    Returns the root and the number of iterations taken (0 when x0 already
    satisfies |f(x0)| <= tol).
    """
    x = x0
    it = 0
    while abs(f(x, c)) > tol and it < max_iter:
        x = x - f(x, c) / df(x)
        it += 1
    return x, it


# CASE newton_root: 2.0
# CASE newton_root: 0.0
# CASE newton_root: 10.0 2.0
# CASE newton_root: -30.0
# CASE newton_root: 2.0 0.0 1e-12 1
# CASE newton_root: 1e6 0.0 1e-6


def newton_sqrt_vector(a, tol=1e-10, max_iter=MAX_ITER):
    """Elementwise square roots by a vectorised Newton iteration; the loop
    stops when every element has converged."""
    x = np.where(a > 1.0, a, 1.0)
    err = np.inf
    it = 0
    while err > tol:
        if it >= max_iter:
            break
        x_new = 0.5 * (x + a / x)
        err = np.max(np.abs(x_new - x) / x_new)
        x = x_new
        it += 1
    return x, it


# CASE newton_sqrt_vector: [4.0,9.0,2.0]
# CASE newton_sqrt_vector: [1.0]
# CASE newton_sqrt_vector: [4.0,2.0] 1e-10 0
# CASE newton_sqrt_vector: [1e-4,1e8] 1e-10 3


def newton_system(p, q, tol=1e-10, max_iter=MAX_ITER, x0=1.0, y0=0.5):
    """Newton's method for the 2x2 system x^2 + y^2 = p, x - y = q, from
    (x0, y0); the 2x2 Jacobian is solved by Cramer's rule. Returns the
    solution, the iteration count and whether it converged (a singular
    Jacobian stops early without converging)."""
    x = x0
    y = y0
    for it in range(max_iter):
        f1 = x * x + y * y - p
        f2 = x - y - q
        if abs(f1) + abs(f2) <= tol:
            return np.array([x, y]), it, True
        det = 2.0 * x * (-1.0) - 2.0 * y * 1.0
        if det == 0.0:
            return np.array([x, y]), it, False
        dx = (f1 * (-1.0) - 2.0 * y * f2) / det
        dy = (2.0 * x * f2 - 1.0 * f1) / det
        x = x - dx
        y = y - dy
    return np.array([x, y]), max_iter, False


# CASE newton_system: 2.0 0.0
# CASE newton_system: 5.0 1.0
# CASE newton_system: 1.25 0.5
# CASE newton_system: 5.0 1.0 1e-10 2
# CASE newton_system: 5.0 1.0 1e-10 50 1.0 -1.0
# CASE newton_system: 5.0 1.0 1e-10 0


def conjugate_gradient(a, b, tol=1e-10, max_iter=100):
    """Solves a x = b for symmetric positive definite a by conjugate gradient.

    Returns x and the number of iterations (0 when b is already zero).
    """
    x = np.zeros_like(b)
    r = b - a @ x
    p = r.copy()
    rs = np.dot(r, r)
    it = 0
    while np.sqrt(rs) > tol and it < max_iter:
        ap = a @ p
        alpha = rs / np.dot(p, ap)
        x = x + alpha * p
        r = r - alpha * ap
        rs_new = np.dot(r, r)
        p = r + (rs_new / rs) * p
        rs = rs_new
        it += 1
    return x, it


# CASE conjugate_gradient: [[4.0,1.0],[1.0,3.0]] [1.0,2.0]
# CASE conjugate_gradient: [[4.0,1.0],[1.0,3.0]] [0.0,0.0]
# CASE conjugate_gradient: [[2.0]] [3.0]
# CASE conjugate_gradient: [[4.0,1.0,0.0,0.0],[1.0,4.0,1.0,0.0],[0.0,1.0,4.0,1.0],[0.0,0.0,1.0,4.0]] [1.0,2.0,3.0,4.0]
# CASE conjugate_gradient: [[4.0,1.0,0.0,0.0],[1.0,4.0,1.0,0.0],[0.0,1.0,4.0,1.0],[0.0,0.0,1.0,4.0]] [1.0,2.0,3.0,4.0] 1e-10 1
