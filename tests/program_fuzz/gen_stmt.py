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

from gen_core import is_array, is_number, kind, representable, valid
from gen_expr import ExprGen
from gen_flow import FlowStatements
from gen_nodes import ITEM, If, Jump, Runaway, Simple
from gen_simple import SimpleStatements
from gen_state import ARRAY_NAMES, REJECT, SCALAR_NAMES, State


class FuncGen(SimpleStatements, FlowStatements):
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

    def helper_call(self, want, depth):
        """Code of a call of a function of the file (gen.Program)."""
        return self.prog.helper_call(self, want, depth)

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


COMPOUND = frozenset({"s_if", "s_for", "s_while", "s_guard_break", "s_guard_continue",
                      "s_guard_return", "s_idiom"})
