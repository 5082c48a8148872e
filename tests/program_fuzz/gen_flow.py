"""if / for / while of the generated functions (FlowStatements, a mixin of
gen_stmt.FuncGen).

Each statement is written against the state before it; the branch or the
first iteration the live path takes is written live, the others on copies
of the values. After the statement the static facts of all paths are
merged (a name may be changed in place only if every path lets it; a name
is definitely bound only if every path that falls through binds it).
"""

import numpy as np

from alias import sources_of_code
from gen_core import is_array, is_py_int, representable
from gen_expr import paren
from gen_nodes import For, If, Jump, Runaway, While, bind_target, run_loop_rest
from gen_state import (COUNTER_NAMES, LOOP_INT_NAMES, LOOP_ITEM_NAMES, REJECT, SCALAR_NAMES, Frame,
                       State, falls_through, merge)

MAX_TRIPS = 8


def if_statement(self, depth):
    n_cond = 1 + self.weighted([(0, 7), (1, 2), (2, 1)])
    has_else = self.rng.random() < 0.5
    conds = [self.expr.gen("cond", 0, risky_ok=self.risky_ok()) for _ in range(n_cond)]
    pre = self.st
    was_live = pre.live
    taken = None
    if was_live:
        taken = n_cond
        for k, c in enumerate(conds):
            ok, truth = self.eval_truth(c)
            if not ok:
                if not self.accept_error(truth):
                    return REJECT
                self.end_live(("raise", truth))
                taken = None
                break
            if truth:
                taken = k
                break
    base = self.st.copy(live=False)
    results, bodies, live_state = [], [], None
    for k in range(n_cond + (1 if has_else else 0)):
        live_branch = taken == k
        self.st = pre if live_branch else base.copy(live=False)
        body = self.block(depth + 1, self.rng.randint(1, 3), in_branch=True)
        bodies.append(body)
        results.append((self.st, falls_through(body)))
        if live_branch:
            live_state = self.st
    if not has_else:
        results.append((base, True))
        if taken == n_cond:
            live_state = pre
    self.st = merge(results, live_state)
    node = If([(c.code, b) for c, b in zip(conds, bodies)], bodies[n_cond] if has_else else None)
    return [node]


# ---------------------------------------------------------------- for

def range_header(self):
    stop = self.expr.gen("int", 1, accept=lambda v: 0 <= v <= 6)
    s = stop.code
    form = self.weighted([("stop", 5), ("start", 2), ("down", 1), ("step", 1)])
    if form == "start":
        return "range(%s, %s)" % (self.rng.choice(["1", "0", "2"]), s)
    if form == "down":
        return "range(%s - 1, -1, -1)" % paren(s)
    if form == "step":
        return "range(0, %s, 2)" % s
    return "range(%s)" % s


def row_sample(v):
    return np.zeros(v.shape[1:], v.dtype)[()] if v.ndim == 1 else np.zeros(v.shape[1:], v.dtype)


def for_header(self):
    """(target code, target names, iterable code, sample of one item, enumerate?)."""
    arr = lambda v: is_array(v) and v.ndim >= 1 and len(v) <= MAX_TRIPS  # noqa: E731
    form = self.weighted([("range", 5), ("rows", 3), ("enumerate", 2), ("zip", 1.5),
                          ("enum_zip", 0.4), ("tuple", 0.7), ("shape", 0.3)])
    item = self.new_name(LOOP_ITEM_NAMES)
    index = self.new_name(LOOP_INT_NAMES)
    a = self.expr.name(arr)
    if form in ("rows", "enumerate", "zip", "enum_zip", "shape") and a is None:
        form = "range"
    if form == "range":
        if self.prog.allow_error and self.st.live and self.rng.random() < 0.05:
            return index, [index], "range(%s)" % self.rng.choice(["2.0", "len(%s) / 2" % (a or "(1, 2)")]), 0, False
        return index, [index], range_header(self), 0, False
    va = self.vals[a] if a else None
    if form == "rows":
        return item, [item], a, row_sample(va), False
    if form == "enumerate":
        it = self.rng.choice(["enumerate(%s)", "enumerate(%s, 1)", "enumerate(%s, start=1)"]) % a
        return "%s, %s" % (index, item), [index, item], it, (0, row_sample(va)), True
    b = self.expr.name(arr)
    other = self.new_name(LOOP_ITEM_NAMES)
    while other == item:
        other = other + "_"
    if form == "zip":
        if self.rng.random() < 0.3:
            return "%s, %s" % (index, item), [index, item], "zip(range(%s), %s)" % (
                self.rng.choice(["3", "len(%s)" % a, "2"]), a), (0, row_sample(va)), False
        return "%s, %s" % (item, other), [item, other], "zip(%s, %s)" % (a, b), \
            (row_sample(va), row_sample(self.vals[b])), False
    if form == "enum_zip":
        return "%s, (%s, %s)" % (index, item, other), [index, item, other], \
            "enumerate(zip(%s, %s))" % (a, b), (0, (row_sample(va), row_sample(self.vals[b]))), True
    if form == "shape":
        return index, [index], "%s.shape" % a, 1, False
    values = self.rng.choice(["(0.5, 1.0, 2.0)", "(1, 2)", "(0.1, 0.01)", "(2, 3, 4)"])
    return item, [item], values, 0.5, False


def for_statement(self, depth):
    pre_nodes, acc = [], None
    if self.rng.random() < 0.3:
        acc = self.new_name(SCALAR_NAMES)
        node = self.commit("%s = %s" % (acc, self.rng.choice(["0.0", "0", "1.0", "0.0"])), [acc], {acc: set()})
        if node is REJECT:
            return REJECT
        pre_nodes.append(node)
    target, targets, it_code, sample, enum = for_header(self)
    local = self.local_names() | set(targets)
    src = sources_of_code(it_code, local)
    srcs = {t: (set() if (enum and i == 0) else src) for i, t in enumerate(targets)}
    pre = self.st
    ok, itval = self.sandbox.eval(it_code, pre.vals)
    items = []
    if ok:
        try:
            items = list(itval)
        except Exception as exc:  # noqa: BLE001 - iterating a scalar, a 0-d array
            ok, itval = False, exc
    if ok and len(items) > MAX_TRIPS:
        return REJECT
    if not ok:
        if not pre.live or not self.accept_error(itval):
            return REJECT
        self.end_live(("raise", itval))
    return loop_common(self, depth, pre_nodes, acc, target, targets, srcs, it_code, sample, items)


def loop_common(self, depth, pre_nodes, acc, target, targets, srcs, it_code, sample, items,
                while_header=None, prefix=None):
    pre = self.st
    was_live = pre.live
    entry = (dict(pre.owned), set(pre.definite))
    frame = Frame()
    self.frames.append(frame)
    self._loop_targets.extend(targets)
    outcome_before = self.outcome
    live_first = was_live and (bool(items) if while_header is None else items)
    if not live_first:
        self.st = pre.copy(live=False)
    first = (items[0] if items and while_header is None else sample)
    body = []
    try:
        if while_header is None:
            bind_target(self.sandbox, target, first, self.st.vals)
    except Exception as exc:  # noqa: BLE001 - `for a, b in rows` of the wrong length
        if not live_first or not self.accept_error(exc):
            self.frames.pop()
            return REJECT
        self.end_live(("raise", exc))
    self.record(targets, srcs)
    if prefix:
        for p in prefix:
            nodes = p()
            if nodes is REJECT:
                self.frames.pop()
                return REJECT
            body.extend(nodes)
    if acc is not None:
        node = self.accumulate(acc, targets)
        if node is not REJECT:
            body.append(node)
    conflicts = self.loop_conflicts >= 2
    self.no_inplace += conflicts
    body.extend(self.block(depth + 1, self.rng.randint(1, 4)))
    self.no_inplace -= conflicts
    body_end = self.st
    self.frames.pop()
    del self._loop_targets[len(self._loop_targets) - len(targets):]
    if frame.mutated & frame.revoked:
        self.loop_conflicts += 1
        return REJECT
    result = continue_live(self, was_live, live_first, frame, body_end, outcome_before, pre, body,
                           target, it_code, items, while_header)
    if result is REJECT:
        return REJECT
    live_vals, live_on, broke, end_outcome = result
    post = State(live_vals if live_on else body_end.vals, live_on)
    post.owned = {n: entry[0].get(n, True) and body_end.owned.get(n, True)
                  for n in set(entry[0]) | set(body_end.owned)}
    for n in frame.revoked:  # shared at some point of some iteration (a break or continue path)
        post.owned[n] = False
    post.definite, post.order = entry[1], list(body_end.order)
    self.st = post
    if end_outcome is not None:
        self.end_live(end_outcome)
    orelse = None
    if self.rng.random() < 0.12:
        before_else = dict(self.st.owned)
        if broke:
            keep = self.st
            self.st = keep.copy(live=False)
            orelse = self.block(depth + 1, 1)
            self.st = merge([(keep, True), (self.st, True)], keep)
        else:
            orelse = self.block(depth + 1, self.rng.randint(1, 2))
        for n, owned in before_else.items():  # a break skips the else block
            if not owned:
                self.st.owned[n] = False
    if while_header is None:
        node = For(target, it_code, body, orelse)
    else:
        node = While(while_header, body, orelse)
    return pre_nodes + [node]


def continue_live(self, was_live, live_first, frame, body_end, outcome_before, pre, body, target,
                  it_code, items, while_header):
    """Runs the loop's remaining iterations on the live path: returns
    (live vals, live path continues?, broke?, outcome to end with) or REJECT."""
    if not was_live:
        return body_end.vals, False, False, None
    if not live_first:
        return pre.vals, self.outcome is outcome_before, False, None
    if self.outcome is not outcome_before:
        return body_end.vals, False, False, None
    if frame.exit and frame.exit[0] == "break":
        return frame.exit[1], True, True, None
    vals = frame.exit[1] if frame.exit else body_end.vals
    if while_header is None:
        loop, iterator = For(target, it_code, body, None), iter(items[1:])
    else:
        loop, iterator = While(while_header, body, None), None
    try:
        signal = run_loop_rest(self.sandbox, loop, vals, iterator, 1, report_break=True)
    except Runaway:
        return REJECT
    except Exception as exc:  # noqa: BLE001 - the program's error in a later iteration
        if not self.accept_error(exc):
            return REJECT
        return vals, False, False, ("raise", exc)
    if isinstance(signal, tuple):
        if self.is_entry and not representable(signal[1]):
            return REJECT
        return vals, False, False, ("return", signal[1])
    return vals, True, signal == "broke", None


def accumulate(self, acc, targets):
    item = targets[-1]
    rhs = self.rng.choice(["%s", "np.sum(%s)", "%s * 0.5", "float(np.mean(%s))", "1"]).replace("%s", item)
    return self.commit("%s += %s" % (acc, rhs), [acc], {acc: set()}, mutated=acc)


# ---------------------------------------------------------------- while

def while_statement(self, depth):
    counter = self.new_name(COUNTER_NAMES)
    init = self.commit("%s = 0" % counter, [counter], {counter: set()})
    if init is REJECT:
        return REJECT
    ints = [n for n in self.names() if is_py_int(self.vals[n]) and 0 <= self.vals[n] <= 5 and n != counter]
    limit = self.rng.choice(["2", "3", "4", "5"] + ints[-2:])
    c = self.expr.gen("cond", 1, risky_ok=self.risky_ok())
    form = self.weighted([("and", 4), ("cond_first", 1.5), ("true", 1.5), ("count", 1)])
    header = {"and": "%s < %s and %s" % (counter, limit, paren(c.code)),
              "cond_first": "%s and %s < %s" % (paren(c.code), counter, limit),
              "true": "True", "count": "%s < %s" % (counter, limit)}[form]
    first = True
    if self.st.live:
        ok, value = self.sandbox.eval(header, self.vals)
        if ok:
            try:
                first = bool(value)
            except Exception as exc:  # noqa: BLE001
                ok, value = False, exc
        if not ok:
            if not self.accept_error(value):
                return REJECT
            self.end_live(("raise", value))
    prefix = [lambda: self.wrap(self.commit("%s += 1" % counter, [counter], {counter: set()},
                                            mutated=counter))]
    if form == "true":
        prefix.append(lambda: self.guard_fixed("%s > %s" % (counter, limit), "break"))
    # Note: the counter is a loop target, so no statement of the body rebinds
    # it (the loop would never end).
    return loop_common(self, depth, [init], None, None, [counter], {}, None, None, first,
                       while_header=header, prefix=prefix)


def guard_fixed(self, cond, kind_):
    """`if COND: break` with a given condition."""
    node = If([(cond, [Jump(kind_)])], None)
    if not self.st.live:
        return [node]
    ok, value = self.sandbox.eval(cond, self.vals)
    if ok and value:
        self.leave_iteration(kind_)
    return [node]


class FlowStatements:
    """if / for / while (a mixin of gen_stmt.FuncGen)."""

    def s_if(self, depth):
        return if_statement(self, depth)

    def s_for(self, depth):
        return for_statement(self, depth)

    def s_while(self, depth):
        return while_statement(self, depth)

    accumulate = accumulate
    guard_fixed = guard_fixed
