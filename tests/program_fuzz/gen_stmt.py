"""Statements and control flow of one generated function.

FuncGen writes a function statement by statement and runs each statement
in CPython as it writes it, on the live values of the program's case (the
"live path"). Branches the case does not take and code after the live path
has ended (a return, a break, an accepted error) are written against a copy
of the values ("dead"): still type-plausible, never run for this case.
Loop bodies are written during their first iteration; the other iterations
run through the interpreter of gen_nodes.py.

A statement that raises on the live path is kept (the program's expected
error) when the program may end in an error (Program.allow_error), else it
is thrown away and another statement is written.

Aliasing (SPEC §3, PG0401): a name is changed in place (`x[i] = v`,
`x += v`) only while it owns its value: bound to a fresh value that no other
name can reach (alias.shared_sources). Parameters and names bound to views
own nothing. A loop whose body both changes a name in place and lets
another name share it is rewritten.
"""

import copy

from alias import sources_of_code
from gen_core import (broadcastable, is_array, is_number, is_py_float, is_py_int, is_py_scalar,
                      is_scalar, kind, representable, shape, size, valid)
from gen_expr import FLOAT_LITERALS, ExprGen, paren
from gen_nodes import ITEM, If, Jump, Runaway, Simple, For, While, bind_target, run_loop_rest

REJECT = None
ARRAY_NAMES = ["h", "z", "y", "out", "acc", "w2", "b2", "mu", "sd", "p", "e", "logits", "probs",
               "mask", "feat", "g", "r", "u", "res", "tmp", "q", "hidden", "score", "delta", "grad",
               "act", "centered", "weights", "state", "upd"]
SCALAR_NAMES = ["total", "s", "m", "k", "count", "loss", "err", "norm", "scale", "lo", "hi", "best",
                "val", "lr", "gain", "n_pos", "mean_v", "step_size", "thr", "ratio", "c", "d", "t0",
                "idx0", "cnt", "energy"]
LOOP_INT_NAMES = ["i", "j", "t", "k2", "step", "ii"]
LOOP_ITEM_NAMES = ["row", "v", "xi", "col", "item", "elem", "vi"]
COUNTER_NAMES = ["it", "n_iter", "tries", "rounds"]


class State:
    """Values (live or samples) and static facts at one point of a function."""

    def __init__(self, vals, live):
        self.vals = vals
        self.live = live
        self.owned = {}       # possibly bound name -> may be changed in place
        self.definite = set()  # names bound on every path
        self.order = []       # binding order, most recent last

    def copy(self, live=None):
        s = State(copy.deepcopy(self.vals), self.live if live is None else live)
        s.owned, s.definite, s.order = dict(self.owned), set(self.definite), list(self.order)
        return s


class Frame:
    """A loop being written: names changed in place or made shared in its
    body, and how the live path left its first iteration."""

    def __init__(self):
        self.mutated, self.revoked, self.exit = set(), set(), None


class FuncGen:
    def __init__(self, prog, name, params, live, is_entry, depth=0):
        self.prog, self.rng, self.sandbox = prog, prog.rng, prog.sandbox
        self.consts = prog.consts
        self.name, self.params, self.is_entry, self.gen_depth = name, params, is_entry, depth
        self.st = State({p: v for p, v, _ in params}, live)
        for p, _, _ in params:
            self.st.owned[p] = False
            self.st.definite.add(p)
            self.st.order.append(p)
        self.frames = []
        self.outcome = None  # ('return', value) or ('raise', exc) once the live path ended
        self.expr = ExprGen(self)
        self.no_inplace = 0
        self.loop_conflicts = 0
        self._loop_targets = []

    # ------------------------------------------------------------ context
    @property
    def vals(self):
        return self.st.vals

    def names(self):
        return [n for n in self.st.order if n in self.st.vals and not n.startswith("__")]

    def touch(self, name):
        if name in self.st.order:
            self.st.order.remove(name)
        self.st.order.append(name)

    def weighted(self, pairs):
        return self.expr.weighted(pairs)

    def risky_ok(self):
        return self.st.live and self.prog.allow_error and self.rng.random() < 0.3

    def accept_error(self, exc):
        """Whether the live path may end in this exception here."""
        if isinstance(exc, (Warning, Runaway)):
            return False  # behaviour that changed between NumPy versions: avoid (gen_core.Quiet)
        p = 0.7 if self.prog.allow_error else 0.0
        return self.rng.random() < (p if self.is_entry else p * 0.3)

    def end_live(self, outcome):
        self.outcome = outcome
        self.st.live = False
        self.st.vals = copy.deepcopy(self.st.vals)

    def leave_iteration(self, kind):
        self.frames[-1].exit = (kind, self.st.vals)
        self.st.live = False
        self.st.vals = copy.deepcopy(self.st.vals)

    def local_names(self):
        return set(self.st.owned) | {p for p, _, _ in self.params}

    def taken_names(self):
        return set(self.st.owned) | {p for p, _, _ in self.params} | self.prog.reserved_names()

    def new_name(self, pool):
        taken = self.taken_names()
        free = [n for n in pool if n not in taken]
        if free:
            return self.rng.choice(free)
        base = self.rng.choice(pool)
        i = 1
        while "%s%d" % (base, i) in taken:
            i += 1
        return "%s%d" % (base, i)

    def target_for(self, value):
        if self.rng.random() < 0.3:
            same = [n for n in self.names() if not self.is_loop_target(n)
                    and kind(self.vals[n]) == kind(value) and is_array(self.vals[n]) == is_array(value)]
            if same:
                return self.rng.choice(same)
        return self.new_name(ARRAY_NAMES if is_array(value) else SCALAR_NAMES)

    def is_loop_target(self, name):
        return name in self._loop_targets

    @staticmethod
    def wrap(node):
        return REJECT if node is REJECT else [node]

    # ------------------------------------------------------------ snapshots
    def snapshot(self):
        return (self.st.copy(), [(set(f.mutated), set(f.revoked), f.exit) for f in self.frames],
                self.outcome, self.no_inplace)

    def restore(self, snap):
        st, frames, outcome, no_inplace = snap
        self.st = st.copy()
        for f, (m, r, e) in zip(self.frames, frames):
            f.mutated, f.revoked, f.exit = set(m), set(r), e
        self.outcome, self.no_inplace = outcome, no_inplace

    # ------------------------------------------------------------ statics
    def record(self, targets, sources, mutated=None):
        """Static effects of a statement that binds targets (each to a value
        sharing memory with sources[t]) and changes `mutated` in place."""
        for t in targets:
            src = sources.get(t, set())
            self.st.owned[t] = not src
            revoked = set(src) | ({t} if src else set())
            for s in src:
                if s in self.st.owned:
                    self.st.owned[s] = False
            for f in self.frames:
                f.revoked |= revoked
            self.st.definite.add(t)
            self.touch(t)
        if mutated is not None:
            for f in self.frames:
                f.mutated.add(mutated)

    def commit(self, code, targets=(), sources=None, mutated=None):
        """Runs a simple statement (live) or tries it on the samples (dead);
        returns its node, or REJECT."""
        saved = {t: self.vals.get(t, ITEM) for t in list(targets) + ([mutated] if mutated else [])}
        if mutated in self.vals and is_array(self.vals[mutated]):
            saved[mutated] = self.vals[mutated].copy()
        ok, exc = self.sandbox.exec(code, self.vals)
        if ok and not all(valid(self.vals.get(t)) for t in saved):
            ok, exc = False, None
        if not ok:
            for t, v in saved.items():
                if v is ITEM:
                    self.vals.pop(t, None)
                else:
                    self.vals[t] = v
            if exc is None or not self.st.live:
                if exc is None or self.rng.random() < 0.7:
                    return REJECT
            elif not self.accept_error(exc):
                return REJECT
            else:
                self.end_live(("raise", exc))
        self.record(targets, sources or {}, mutated)
        return Simple(code)

    # ------------------------------------------------------------ blocks
    def block(self, depth, count, in_branch=False):
        stmts = []
        started_live = self.st.live
        for _ in range(count):
            nodes = self.statement(depth)
            stmts.extend(nodes)
            if stmts and stmts[-1].jump:
                break
            if started_live and not self.st.live and self.rng.random() < 0.6:
                break
        if in_branch and (not stmts or not stmts[-1].jump) and self.rng.random() < 0.12:
            jump = self.bare_jump()
            if jump:
                stmts.append(jump)
        return stmts or [Simple("pass")]

    def statement(self, depth):
        table = self.statement_table(depth)
        for _ in range(6):
            method = self.weighted(table)
            snap = self.snapshot() if method in COMPOUND else None
            nodes = getattr(self, method)(depth)
            if nodes:
                return nodes
            if snap is not None:
                self.restore(snap)
        return [Simple("pass")]

    def statement_table(self, depth):
        t = [("s_assign", 10), ("s_aug", 3), ("s_setitem", 2), ("s_unpack", 1.2), ("s_print", 0.6),
             ("s_assert", 0.5), ("s_pass", 0.1), ("s_idiom", 1.2)]
        if depth < 3:
            t += [("s_if", 3), ("s_for", 2.5 if depth < 2 else 1), ("s_while", 0.8)]
        if self.frames:
            t += [("s_guard_break", 0.8), ("s_guard_continue", 0.5)]
        if depth >= 1 or self.frames:
            t += [("s_guard_return", 0.4)]
        if self.prog.allow_error and self.st.live:
            t += [("s_unbound_read", 0.25)]
        return t

    # ------------------------------------------------------------ simple statements
    def s_pass(self, depth):
        return [Simple("pass")]

    def s_assign(self, depth):
        want = self.weighted([("arr", 5), ("num", 3), ("scalar", 2), ("int", 1), ("float", 1),
                              ("bool", 0.4)])
        e = self.expr.gen(want, 0, risky_ok=self.risky_ok())
        value = e.value if e.ok else 0.0
        target = self.target_for(value)
        src = sources_of_code(e.code, self.local_names() | {target})
        r = self.rng.random()
        if r < 0.05 and e.ok and type(value) in (float, int, bool):
            code = "%s: %s = %s" % (target, type(value).__name__, e.code)
        elif r < 0.08 and e.ok and is_array(value):
            code = "%s: np.ndarray = %s" % (target, e.code)
        elif r < 0.12 and e.code in FLOAT_LITERALS + ["0", "1", "0.0"]:
            other = self.new_name(SCALAR_NAMES)
            while other == target:
                other = other + "_"
            node = self.commit("%s = %s = %s" % (target, other, e.code), [target, other])
            return [node] if node else REJECT
        else:
            code = "%s = %s" % (target, e.code)
        node = self.commit(code, [target], {target: src})
        return [node] if node else REJECT

    def owned_names(self, pred):
        return [n for n in self.names() if self.st.owned.get(n) and pred(self.vals[n])
                and not self.is_loop_target(n)]

    def s_aug(self, depth):
        arrays_ok = not self.no_inplace
        cands = self.owned_names(lambda v: is_scalar(v) or (arrays_ok and is_array(v)))
        if not cands:
            return REJECT
        n = self.rng.choice(cands)
        v = self.vals[n]
        if is_array(v):
            op = self.weighted([("+", 5), ("-", 3), ("*", 4), ("/", 1.5), ("//", 0.3), ("%", 0.3),
                                ("**", 0.3)])
            rhs = self.expr.operand_like(shape(v), 1)
            if not broadcastable(shape(v), shape(rhs.value)) or \
                    np_shape(shape(v), shape(rhs.value)) != shape(v):
                if not self.prog.allow_error:
                    rhs = self.expr.evaluate(self.rng.choice(["2.0", "1", "0.5"]))
        else:
            op = self.weighted([("+", 6), ("-", 3), ("*", 3), ("/", 1), ("//", 0.3), ("%", 0.3),
                                ("**", 0.3)] + ([("|", 0.3), ("&", 0.2), ("^", 0.1)]
                                                if kind(v) in ("b", "i") else []))
            rhs = self.expr.gen(self.rng.choice(["scalar", "scalar", "num"]), 1)
            if kind(v) in ("b", "i") and op in ("|", "&", "^") and kind(rhs.value) not in ("b", "i"):
                op = "+"
        if op == "**":
            rhs = self.expr.evaluate(self.rng.choice(["2", "0.5", "2.0"]))
        code = "%s %s= %s" % (n, op, rhs.code)
        # Note: mutated even for a scalar: in a loop it may be an array by the
        # next iteration (`total += row`), so it must never be shared.
        node = self.commit(code, [n], {n: set()}, mutated=n)
        return [node] if node else REJECT

    def setitem_index(self, v):
        sh = shape(v)
        ex = self.expr
        form = self.weighted([("row", 3), ("elem", 3), ("slice", 2), ("col", 1), ("mask", 1.5),
                              ("fancy", 0.7)])
        if form == "elem" and len(sh) >= 1:
            return ", ".join(ex.index_for(d) for d in sh)
        if form == "slice":
            n = sh[0]
            return self.rng.choice(["%d:%d" % (0, max(1, n - 1)), "1:", ":-1", ":", "::2"])
        if form == "col" and len(sh) >= 2:
            return ":, %s" % ex.index_for(sh[1])
        if form == "mask":
            return "%s %s %s" % ("NAME", self.rng.choice([">", "<", ">=", "=="]),
                                 self.rng.choice(["0", "0.0", "1.0", "0.5"]))
        if form == "fancy":
            n = sh[0]
            return "np.array([%s])" % ", ".join(str(self.rng.randrange(-n, n)) for _ in range(2))
        return ex.index_for(sh[0])

    def s_setitem(self, depth):
        if self.no_inplace:
            return REJECT
        cands = self.owned_names(lambda v: is_array(v) and v.ndim >= 1 and v.size > 0)
        if not cands:
            return REJECT
        n = self.rng.choice(cands)
        v = self.vals[n]
        index = self.setitem_index(v).replace("NAME", n)
        ok, sel = self.sandbox.eval("%s[%s]" % (n, index), self.vals)
        if not ok:
            return REJECT
        if self.rng.random() < 0.5:
            rhs = self.expr.evaluate(self.rng.choice(FLOAT_LITERALS + ["0", "1"]))
        else:
            rhs = self.expr.gen("num", 1, accept=lambda r: size(r) <= max(1, size(sel))
                                and broadcastable(shape(r), shape(sel))
                                and len(shape(r)) <= len(shape(sel)))
        op = "" if self.rng.random() < 0.7 else self.weighted([("+", 4), ("*", 2), ("-", 2), ("/", 0.5)])
        code = "%s[%s] %s= %s" % (n, index, op, rhs.code)
        node = self.commit(code, [], {}, mutated=n)
        return [node] if node else REJECT

    def s_unpack(self, depth):
        form = self.weighted([("shape", 3), ("rows", 1.5), ("pair", 2), ("swap", 1), ("const", 0.5)])
        if form == "shape":
            a = self.expr.name(lambda v: is_array(v) and (v.ndim == 2 or self.prog.allow_error))
            if a is None:
                return REJECT
            nd = self.vals[a].ndim if self.rng.random() < 0.85 else 2
            targets = [self.new_name(SCALAR_NAMES) for _ in range(max(nd, 1))]
            targets = dedupe(targets, self)
            rhs = "%s.shape" % a
        elif form == "rows":
            a = self.expr.name(lambda v: is_array(v) and v.ndim >= 1 and 2 <= len(v) <= 3)
            if a is None:
                return REJECT
            count = len(self.vals[a])
            if self.prog.allow_error and self.rng.random() < 0.2:
                count = self.rng.choice([count - 1, count + 1])  # ValueError: unpacking
            targets = dedupe([self.new_name(ARRAY_NAMES if self.vals[a].ndim > 1 else SCALAR_NAMES)
                              for _ in range(count)], self)
            rhs = a
        elif form == "pair":
            x = self.expr.gen("num", 1)
            y = self.expr.gen("num", 1)
            targets = dedupe([self.target_for(x.value), self.target_for(y.value)], self)
            rhs = "%s, %s" % (x.code, y.code)
        elif form == "swap":
            names = [n for n in self.names() if not self.is_loop_target(n)]
            if len(names) < 2:
                return REJECT
            targets = self.rng.sample(names, 2)
            rhs = "%s, %s" % (targets[1], targets[0])
        else:
            tuples = [n for n, v in self.consts if type(v) is tuple]
            if not tuples:
                return REJECT
            c = self.rng.choice(tuples)
            targets = dedupe([self.new_name(SCALAR_NAMES) for _ in dict(self.consts)[c]], self)
            rhs = c
        if len(set(targets)) != len(targets):
            return REJECT
        local = self.local_names() | set(targets)
        if form in ("pair", "swap"):
            parts = rhs.split(", ") if form == "swap" else None
            srcs = {targets[0]: sources_of_code(parts[0] if parts else x.code, local),
                    targets[1]: sources_of_code(parts[1] if parts else y.code, local)}
        else:
            src = sources_of_code(rhs, local)
            srcs = {t: src for t in targets}
        node = self.commit("%s = %s" % (", ".join(targets), rhs), targets, srcs)
        return [node] if node else REJECT

    def s_print(self, depth):
        args = []
        if self.rng.random() < 0.7:
            args.append('"%s"' % self.rng.choice(["step", "loss:", "h", "value", "norm", "debug"]))
        for _ in range(self.rng.randint(1, 2)):
            args.append(self.expr.gen(self.rng.choice(["num", "scalar", "scalar"]), 1).code)
        if self.rng.random() < 0.1:
            args.append('sep=", "')
        node = self.commit("print(%s)" % ", ".join(args))
        return [node] if node else REJECT

    def s_assert(self, depth):
        c = self.expr.gen("cond", 1, risky_ok=self.risky_ok())
        msg = ', "%s"' % self.rng.choice(["bad shape", "negative", "out of range", "check"]) \
            if self.rng.random() < 0.6 else ""
        node = self.commit("assert %s%s" % (c.code, msg))
        return [node] if node else REJECT

    def s_unbound_read(self, depth):
        ghosts = [n for n in self.st.order if n in self.st.owned and n not in self.vals]
        if not ghosts:
            return REJECT
        n = self.rng.choice(ghosts)
        target = self.new_name(ARRAY_NAMES)
        node = self.commit("%s = %s * 2" % (target, n), [target], {target: set()})
        return [node] if node else REJECT

    def s_idiom(self, depth):
        a = self.expr.name(lambda v: is_array(v) and v.ndim >= 1 and v.size > 0 and kind(v) == "f")
        if a is None:
            return REJECT
        idiom = self.rng.choice(IDIOMS)
        names = {}
        nodes = []
        for line in idiom:
            code = line
            for key in sorted(set(k for k in NAMES_IN_IDIOMS if "{%s}" % k in code)):
                if key not in names:
                    names[key] = a if key == "a" else self.new_name(
                        ARRAY_NAMES if key not in ("n1",) else SCALAR_NAMES)
                code = code.replace("{%s}" % key, names[key])
            target = code.split(" = ")[0]
            rhs = code.split(" = ", 1)[1]
            node = self.commit(code, [target], {target: sources_of_code(rhs, self.local_names() | {target})})
            if node is REJECT:
                return REJECT
            nodes.append(node)
            if not self.st.live and self.outcome:
                break
        return nodes

    # ------------------------------------------------------------ jumps
    def bare_jump(self):
        options = []
        if self.frames:
            options += ["break", "continue"]
        if self.is_entry or self.rng.random() < 0.5:
            options.append("return")
        if not options:
            return None
        kind_ = self.rng.choice(options)
        if kind_ == "return":
            return self.return_node()
        if self.st.live:
            self.leave_iteration(kind_)
        return Jump(kind_)

    def guard(self, body_fn):
        """`if COND:` around a jump; the jump happens now if the live path
        takes it."""
        c = self.expr.gen("cond", 1, risky_ok=self.risky_ok())
        truth = False
        if self.st.live:
            ok, truth = self.eval_truth(c)
            if not ok:
                if not self.accept_error(truth):
                    return REJECT
                self.end_live(("raise", truth))
                truth = False
        if truth:
            body = body_fn()
        else:
            keep = self.st
            self.st = keep.copy(live=False)
            body = body_fn()
            self.st = keep
        if body is REJECT:
            return REJECT
        return [If([(c.code, body)], None)]

    def eval_truth(self, e):
        if not e.ok:
            return False, e.value
        try:
            return True, bool(e.value)
        except Exception as exc:  # noqa: BLE001
            return False, exc

    def s_guard_break(self, depth):
        return self.guard(lambda: [self.jump_now("break")])

    def s_guard_continue(self, depth):
        return self.guard(lambda: [self.jump_now("continue")])

    def s_guard_return(self, depth):
        def body():
            node = self.return_node()
            return REJECT if node is REJECT else [node]
        return self.guard(body)

    def jump_now(self, kind_):
        if self.st.live:
            self.leave_iteration(kind_)
        return Jump(kind_)

    def return_values(self):
        if not self.is_entry:
            count = self.weighted([(1, 8), (2, 1.5)])
        else:
            count = self.weighted([(1, 5), (2, 3), (3, 1.5), (0, 0.4)])
        if count == 0:
            return self.rng.choice([None, "None"])
        parts = []
        names = [n for n in self.names() if is_number(self.vals[n]) or self.vals[n] is None]
        for _ in range(count):
            if names and self.rng.random() < 0.7:
                recent = names[-4:]
                parts.append(self.rng.choice(recent))
            else:
                parts.append(self.expr.gen("num", 1).code)
        return ", ".join(parts)

    def return_node(self):
        for _ in range(6):
            code = self.return_values()
            if not self.st.live:
                return Jump("return", code)
            if code is None:
                value = None
            else:
                ok, value = self.sandbox.eval(code, self.vals)
                if not ok:
                    if not self.accept_error(value):
                        continue
                    self.end_live(("raise", value))
                    return Jump("return", code)
            if self.is_entry and not representable(value):
                continue
            self.end_live(("return", value))
            return Jump("return", code)
        return REJECT

    # ------------------------------------------------------------ control flow
    def s_if(self, depth):
        return self.if_statement(depth)

    def s_for(self, depth):
        return self.for_statement(depth)

    def s_while(self, depth):
        return self.while_statement(depth)


def np_shape(a, b):
    import numpy as np
    return np.broadcast_shapes(a, b)


def dedupe(names, gen):
    out = []
    for n in names:
        while n in out:
            n = gen.new_name(SCALAR_NAMES + ARRAY_NAMES)
        out.append(n)
    return out


NAMES_IN_IDIOMS = ("a", "b1", "b2", "b3", "n1")
IDIOMS = [
    ["{b1} = np.max({a}, axis=-1, keepdims=True)", "{b2} = np.exp({a} - {b1})",
     "{b3} = {b2} / np.sum({b2}, axis=-1, keepdims=True)"],
    ["{b1} = {a}.mean(axis=-1, keepdims=True)", "{b2} = (({a} - {b1}) ** 2).mean(axis=-1, keepdims=True)",
     "{b3} = ({a} - {b1}) / np.sqrt({b2} + 1e-05)"],
    ["{b1} = 1.0 / (1.0 + np.exp(-{a}))", "{b2} = {b1} * (1.0 - {b1})"],
    ["{b1} = np.maximum({a}, 0.0)", "{b2} = np.where({a} > 0, {a}, 0.01 * {a})"],
    ["{n1} = np.linalg.norm({a})", "{b1} = {a} / ({n1} + 1e-08)"],
    ["{b1} = np.clip({a}, -1.0, 1.0)", "{n1} = float(np.sum({b1} ** 2))"],
    ["{b1} = np.zeros({a}.shape[-1])", "{n1} = int(np.argmax({a}))"],
    ["{b1} = {a} - {a}.mean(axis=0)", "{b2} = {b1}.T @ {b1} / max(len({a}) - 1, 1)"],
]

COMPOUND = frozenset({"s_if", "s_for", "s_while", "s_guard_break", "s_guard_continue",
                      "s_guard_return", "s_idiom"})

# The control-flow statements live in gen_flow.py (mixed into FuncGen there).
import gen_flow  # noqa: E402,F401  (registers if/for/while on FuncGen)
