"""Automatic reduction of a mismatching program (the runner's --reduce).

Greedy passes over the module's syntax tree, repeated until none applies:
remove helper functions and module statements, delete statements (halves
of a block, then one by one), replace an if/for/while by its body or its
else block, replace an expression by one of its sub-expressions, drop
keyword arguments, drop unused parameters of the entry function with their
arguments, and shrink array arguments. A candidate is kept when the case
still gives the same category and the same key (classify.Verdict.key: the
diagnostic code, the Python exception and message, pygraft's message, the
kind of wrong result, ...), so the reduced program shows the same bug.
"""

import ast
import copy
import json


def _statement_lists(tree):
    out = []
    for node in ast.walk(tree):
        for field in ("body", "orelse"):
            value = getattr(node, field, None)
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                out.append((node, field))
    return out


def _expressions(tree):
    """Expression nodes that may be replaced (not assignment targets)."""
    targets = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.For)):
            for t in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                targets |= {id(n) for n in ast.walk(t)}
        if isinstance(node, ast.AnnAssign):
            targets |= {id(n) for n in ast.walk(node.annotation)}
    return [n for n in ast.walk(tree) if isinstance(n, ast.expr) and id(n) not in targets
            and not isinstance(n, (ast.Name, ast.Constant))]


def _replace_child(parent, old, new):
    for field, value in ast.iter_fields(parent):
        if value is old:
            setattr(parent, field, new)
            return True
        if isinstance(value, list):
            for i, v in enumerate(value):
                if v is old:
                    value[i] = new
                    return True
    return False


def _sane(tree):
    """Candidates must stay code an ML engineer could write: no attribute
    of a literal (`2 .copy()`), no module, function or method used as a
    value."""
    calls = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    bases = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    functions = {f.name for f in tree.body if isinstance(f, ast.FunctionDef)}
    for n in ast.walk(tree):
        if isinstance(n, ast.Name) and n.id in ("np", "math") and id(n) not in bases:
            return False
        if isinstance(n, ast.Name) and id(n) not in calls and (n.id in _BUILTINS or n.id in functions):
            return False
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Constant):
            return False
        if isinstance(n, ast.Attribute) and id(n) not in calls and n.attr not in _ATTRIBUTES \
                and not (isinstance(n.value, ast.Name) and n.value.id in ("np", "math")):
            return False
    return True


_BUILTINS = {"len", "min", "max", "abs", "float", "int", "bool", "range", "round", "print",
             "enumerate", "zip"}
_ATTRIBUTES = {"shape", "ndim", "size", "dtype", "T", "newaxis", "pi", "e", "inf", "nan", "tau",
               "float32", "float64", "int32", "int64", "bool_", "linalg"}


def _parents(tree):
    return {id(c): p for p in ast.walk(tree) for c in ast.iter_child_nodes(p)}


class Reducer:
    def __init__(self, runner, path, entry, verdict, raised=None, max_tests=400, log=None):
        """raised: when not None, CPython must keep raising (True) or
        returning (False), so that a reduced refusal or crash stays a
        program that CPython runs the same way."""
        self.runner, self.path, self.entry, self.verdict = runner, path, entry, verdict
        self.raised = raised
        self.max_tests, self.tests, self.log = max_tests, 0, log

    def interesting(self, source, args):
        if self.tests >= self.max_tests:
            return False
        self.tests += 1
        try:
            compile(source, self.path, "exec")
        except SyntaxError:
            return False
        v, oracle = self.runner.evaluate(self.path, source, self.entry, args)[:2]
        if self.raised is not None and (oracle is None or oracle[0] != self.raised):
            return False
        return v.category == self.verdict.category and v.key == self.verdict.key

    def try_tree(self, tree, args=None):
        args = self.args if args is None else args
        if not _sane(tree):
            return False
        try:
            source = ast.unparse(ast.fix_missing_locations(tree))
        except Exception:  # noqa: BLE001 - an invalid tree
            return False
        if source == self.source and args == self.args:
            return False
        if self.interesting(source, args):
            self.tree, self.source, self.args = tree, source, args
            return True
        return False

    def reduce(self, source, args):
        """The reduced (source, args)."""
        self.tree = ast.parse(source)
        self.source, self.args = ast.unparse(self.tree), list(args)
        if not self.interesting(self.source, self.args):  # unparsing changed the verdict
            return source, args
        progress = True
        while progress and self.tests < self.max_tests:
            progress = False
            for p in (self.p_delete, self.p_unwrap, self.p_expressions, self.p_keywords,
                      self.p_params, self.p_args):
                progress |= p()
        self.runner.evaluate(self.path, self.source, self.entry, self.args)  # leave the best on disk
        return self.source, self.args

    # ------------------------------------------------------------ passes
    def p_delete(self):
        changed = False
        k = 0
        while k < len(_statement_lists(self.tree)):
            owner_count = len(getattr(*_statement_lists(self.tree)[k]))
            size = max(1, owner_count // 2)
            while size >= 1:
                j = owner_count - size
                while j >= 0:
                    if self.delete_range(k, j, size):
                        changed = True
                        owner_count = len(getattr(*_statement_lists(self.tree)[k])) \
                            if k < len(_statement_lists(self.tree)) else 0
                    j -= size
                size //= 2
            k += 1
        return changed

    def delete_range(self, k, j, size):
        tree = copy.deepcopy(self.tree)
        lists = _statement_lists(tree)
        if k >= len(lists):
            return False
        owner, field = lists[k]
        block = getattr(owner, field)
        if j < 0 or j + size > len(block):
            return False
        if isinstance(owner, ast.FunctionDef) or isinstance(owner, ast.Module):
            if isinstance(owner, ast.Module) and any(
                    isinstance(s, ast.FunctionDef) and s.name == self.entry for s in block[j:j + size]):
                return False
        del block[j:j + size]
        if not block and field == "body":
            block.append(ast.Pass())
        return self.try_tree(tree)

    def p_unwrap(self):
        changed = False
        for k in range(len(_statement_lists(self.tree))):
            j = 0
            while True:
                lists = _statement_lists(self.tree)
                if k >= len(lists) or j >= len(getattr(*lists[k])):
                    break
                stmt = getattr(*lists[k])[j]
                if isinstance(stmt, (ast.If, ast.For, ast.While)):
                    for field in ("body", "orelse"):
                        if self.splice(k, j, field):
                            changed = True
                            break
                    else:
                        if stmt.orelse and self.drop_orelse(k, j):
                            changed = True
                j += 1
        return changed

    def splice(self, k, j, field):
        tree = copy.deepcopy(self.tree)
        owner, f = _statement_lists(tree)[k]
        block = getattr(owner, f)
        inner = getattr(block[j], field)
        if not inner:
            return False
        block[j:j + 1] = inner
        return self.try_tree(tree)

    def drop_orelse(self, k, j):
        tree = copy.deepcopy(self.tree)
        owner, f = _statement_lists(tree)[k]
        getattr(owner, f)[j].orelse = []
        return self.try_tree(tree)

    def p_expressions(self):
        changed = False
        i = 0
        while i < len(_expressions(self.tree)):
            node = _expressions(self.tree)[i]
            children = [c for c in ast.iter_child_nodes(node) if isinstance(c, ast.expr)]
            for c in range(len(children)):
                tree = copy.deepcopy(self.tree)
                target = _expressions(tree)[i]
                child = [x for x in ast.iter_child_nodes(target) if isinstance(x, ast.expr)][c]
                parent = _parents(tree).get(id(target))
                if parent is not None and _replace_child(parent, target, child) and self.try_tree(tree):
                    changed = True
                    break
            i += 1
        return changed

    def p_keywords(self):
        changed = False
        i = 0
        while True:
            calls = [n for n in ast.walk(self.tree) if isinstance(n, ast.Call) and n.keywords]
            if i >= len(calls):
                return changed
            for kw in range(len(calls[i].keywords)):
                tree = copy.deepcopy(self.tree)
                call = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.keywords][i]
                del call.keywords[kw]
                if self.try_tree(tree):
                    changed = True
                    break
            else:
                i += 1

    def p_params(self):
        changed = False
        fn = next((s for s in self.tree.body if isinstance(s, ast.FunctionDef) and s.name == self.entry), None)
        if fn is None:
            return False
        for i in range(len(fn.args.args) - 1, -1, -1):
            tree = copy.deepcopy(self.tree)
            f = next(s for s in tree.body if isinstance(s, ast.FunctionDef) and s.name == self.entry)
            if i >= len(f.args.args):
                continue
            name = f.args.args[i].arg
            if any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(f)):
                continue
            n_defaults = len(f.args.defaults)
            first_default = len(f.args.args) - n_defaults
            if i >= first_default:
                del f.args.defaults[i - first_default]
            elif n_defaults and i < first_default:
                pass
            del f.args.args[i]
            args = list(self.args)
            if i < len(args):
                del args[i]
            if self.try_tree(tree, args):
                changed = True
        return changed

    def p_args(self):
        changed = False
        for i in range(len(self.args)):
            while True:
                shrunk = _shrink(self.args[i])
                if shrunk is None:
                    break
                args = list(self.args)
                args[i] = shrunk
                if not self.try_tree(copy.deepcopy(self.tree), args):
                    break
                changed = True
        return changed


def _shrink(arg):
    """The JSON argument with one fewer row (or column), or None."""
    try:
        value = json.loads(arg)
    except ValueError:
        return None
    if not isinstance(value, list) or len(value) <= 1:
        if isinstance(value, list) and value and isinstance(value[0], list) and len(value[0]) > 1:
            return json.dumps([row[:-1] for row in value], separators=(",", ":"))
        return None
    return json.dumps(value[:-1], separators=(",", ":"))
