"""Which names may share one array (SPEC §3 value semantics, PG0401).

Python shares an array between two names when one is bound to the other, to
a view of it (a slice, x.T, x.reshape(...)), to a row of a `for` loop over
it, or to what a function of the file returns for it. An in-place change of
one name (`x[i] = v`, `x += v`) is then visible through the other; SPEC §3
puts such code outside the subset (a PG0401 diagnostic). A value Python
creates fresh (a literal, arithmetic, a ufunc, a reduction, a creation
function, .copy(), .astype()) shares nothing.

`shared_sources(expr)` is the one rule, used twice:
  - the generator (gen_stmt.py) mutates a name in place only while it holds
    a value no other name can reach, so generated programs never depend on
    sharing;
  - `pg0401_verdict(...)` checks the two names of a PG0401 diagnostic
    flow-insensitively, so the runner can tell a false PG0401 (the names
    can never share) from one that may be legitimate.
"""

import ast

# np.NAME(a, ...) whose result may be a view of its first argument.
VIEW_FUNCTIONS = frozenset({"asarray", "reshape", "transpose", "squeeze", "expand_dims", "ravel"})
# x.NAME(...) whose result may be a view of x.
VIEW_METHODS = frozenset({"reshape", "transpose", "squeeze", "ravel"})
# Builtins whose result is one of their arguments.
PASS_THROUGH_BUILTINS = frozenset({"min", "max"})
# Iteration wrappers: the loop target gets (views of) the arguments' rows.
ITERATORS = frozenset({"enumerate", "zip"})
FRESH_ATTRIBUTES = frozenset({"shape", "ndim", "size", "dtype"})


def _union(nodes, local):
    out = set()
    for n in nodes:
        out |= shared_sources(n, local)
    return out


def _call_sources(node, local):
    func = node.func
    if isinstance(func, ast.Name):
        if func.id in local:  # not callable in the subset; be conservative
            return {func.id}
        if func.id in PASS_THROUGH_BUILTINS or func.id in ITERATORS:
            return _union(node.args, local)
        if func.id in ("len", "int", "float", "bool", "round", "abs", "range"):
            return set()
        # A function of the file may return (a view of) any argument.
        return _union(node.args + [k.value for k in node.keywords], local)
    if isinstance(func, ast.Attribute):
        base = func.value
        if isinstance(base, ast.Name) and base.id not in local:  # np.F / math.F
            if base.id == "math":
                return set()
            if func.attr in VIEW_FUNCTIONS and node.args:
                return shared_sources(node.args[0], local)
            return set()
        if isinstance(base, ast.Attribute) and isinstance(base.value, ast.Name) \
                and base.value.id not in local:  # np.linalg.norm
            return set()
        if func.attr in VIEW_METHODS:
            return shared_sources(base, local)
        return set()
    return _union([func] + node.args, local)


def shared_sources(node, local):
    """The local names whose array the value of `node` may share memory
    with; empty when the value is fresh. `local` is the set of the
    function's local names (parameters included)."""
    if isinstance(node, ast.Name):
        return {node.id} if node.id in local else set()
    if isinstance(node, (ast.Constant, ast.BinOp, ast.UnaryOp, ast.Compare)):
        return set()
    if isinstance(node, ast.BoolOp):
        return _union(node.values, local)
    if isinstance(node, ast.IfExp):
        return _union([node.body, node.orelse], local)
    if isinstance(node, (ast.Tuple, ast.List)):
        return _union(node.elts, local)
    if isinstance(node, ast.Subscript):
        return shared_sources(node.value, local)
    if isinstance(node, ast.Attribute):
        if node.attr in FRESH_ATTRIBUTES:
            return set()
        return shared_sources(node.value, local)
    if isinstance(node, ast.Call):
        return _call_sources(node, local)
    if isinstance(node, ast.Starred):
        return shared_sources(node.value, local)
    return _union(list(ast.iter_child_nodes(node)), local)


def sources_of_code(code, local):
    return shared_sources(ast.parse(code, mode="eval").body, local)


# ---------------------------------------------------------------- whole files

def _target_names(target):
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        out = []
        for t in target.elts:
            out.extend(_target_names(t))
        return out
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    return []


def _mutated_name(target):
    """The name an in-place statement changes (x in `x[i] = v`, `x[i] += v`)."""
    while isinstance(target, ast.Subscript):
        target = target.value
    return target.id if isinstance(target, ast.Name) else None


class _SharingGraph(ast.NodeVisitor):
    """Flow-insensitive may-share relation of one function's names: a
    binding `t = expr` joins t with every name expr may share with (the
    loop target of `for t in it` likewise); parameters may all share with
    each other (a caller may pass one array twice)."""

    PARAMS = "<parameters>"

    def __init__(self, fn):
        self.params = [a.arg for a in fn.args.args]
        self.local = set(self.params)
        for node in ast.walk(fn):
            if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.For)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for t in targets:
                    self.local.update(_target_names(t))
        self.parent = {}
        for p in self.params:
            self.join(p, self.PARAMS)
        for stmt in fn.body:
            self.visit(stmt)

    def find(self, n):
        while self.parent.get(n, n) != n:
            n = self.parent[n]
        return n

    def join(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb

    def _bind(self, names, sources):
        for n in names:
            for s in sources:
                self.join(n, s)

    def visit_Assign(self, node):
        names = [n for t in node.targets for n in _target_names(t)]
        sources = shared_sources(node.value, self.local)
        if len(node.targets) > 1 and not isinstance(node.value, ast.Constant):
            sources = sources | set(names)  # a = b = expr: a and b share
        self._bind(names, sources)

    def visit_AnnAssign(self, node):
        if node.value is not None:
            self._bind(_target_names(node.target), shared_sources(node.value, self.local))

    def visit_For(self, node):
        names = _target_names(node.target)
        it = node.iter
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "enumerate" \
                and isinstance(node.target, ast.Tuple) and node.target.elts:
            names = names[1:]  # the count of enumerate is a fresh int
        self._bind(names, shared_sources(it, self.local))
        for stmt in node.body + node.orelse:
            self.visit(stmt)

    def may_share(self, a, b):
        return self.find(a) == self.find(b)


def pg0401_verdict(source, function_line, changed, other):
    """Whether a PG0401 'in-place change of CHANGED also changes OTHER' in
    the function around function_line can be legitimate: 'internal name'
    (OTHER is a compiler temporary such as return$value: nothing of the
    user's can share), 'module constant' (numbers, bools, None and tuples of
    them: immutable), 'never share' (no binding in the function can make
    the two names share, flow-insensitively) or 'may share'."""
    if "$" in other:
        return "internal name"
    tree = ast.parse(source)
    constants = {t.id for s in tree.body if isinstance(s, ast.Assign) for t in s.targets
                 if isinstance(t, ast.Name)}
    if other in constants or changed in constants:
        return "module constant"
    fns = [f for f in tree.body if isinstance(f, ast.FunctionDef) and f.lineno <= function_line]
    if not fns:
        return "may share"
    graph = _SharingGraph(fns[-1])
    if changed not in graph.local or other not in graph.local:
        return "may share"
    return "may share" if graph.may_share(changed, other) else "never share"
