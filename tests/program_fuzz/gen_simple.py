"""Simple statements of the generated functions (a mixin of
gen_stmt.FuncGen): assignment (plain, annotated, chained), augmented and
subscript assignment, tuple unpacking, print, assert, a read of a name the
live path left unbound, and short ML idioms (softmax, layer norm, ...)."""

import numpy as np

from alias import sources_of_code
from gen_core import broadcastable, is_array, is_scalar, kind, shape, size
from gen_state import ARRAY_NAMES, REJECT, SCALAR_NAMES
from gen_nodes import Simple
from gen_tables import FLOAT_LITERALS


class SimpleStatements:
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
        if isinstance(v, np.ndarray) and v.ndim == 0:
            # Note: pygraft treats every 0-d array as a NumPy scalar (x op= v
            # rebinds); NumPy updates a true 0-d ndarray in place (docs/subset.md).
            return REJECT
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
            exponents = ["2", "0.5", "2.0"]
            if is_array(v) and kind(v) in ("b", "i"):
                # Note: NumPy 1.24 squares int arrays in place for `**= 2.0`
                # (a fast path) where `x ** 2.0` is float64; pygraft follows
                # the latter and refuses the cast (docs/subset.md).
                exponents = ["2", "0.5"]
            rhs = self.expr.evaluate(self.rng.choice(exponents))
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


def np_shape(a, b):
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
