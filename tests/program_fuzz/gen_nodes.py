"""Statement nodes of a generated function, their rendering, and a small
interpreter that runs them in CPython exactly as the rendered source runs
(used for the loop iterations after the first, which the generator does not
write statement by statement)."""


from gen_core import valid


class Runaway(Exception):
    """A generated loop ran more iterations than the generator allows, or a
    value grew beyond what the generator allows (gen_core.valid): the
    statement is rewritten, never kept as the program's error."""


MAX_ITERATIONS = 40


class Node:
    jump = None  # 'break' / 'continue' / 'return' for jump statements

    def render(self, indent):
        raise NotImplementedError


class Simple(Node):
    def __init__(self, code):
        self.code = code

    def render(self, indent):
        return [indent + self.code]


class Jump(Node):
    def __init__(self, kind, code=None):
        self.jump = kind
        self.code = code

    def render(self, indent):
        if self.jump == "return" and self.code is not None:
            return [indent + "return " + self.code]
        return [indent + self.jump]


def render_block(stmts, indent):
    lines = []
    for s in stmts:
        lines.extend(s.render(indent))
    return lines


class If(Node):
    def __init__(self, branches, orelse):
        self.branches = branches  # [(cond_code, body)]
        self.orelse = orelse      # body or None

    def render(self, indent):
        lines = []
        for i, (cond, body) in enumerate(self.branches):
            lines.append("%s%s %s:" % (indent, "if" if i == 0 else "elif", cond))
            lines.extend(render_block(body, indent + "    "))
        if self.orelse:
            lines.append(indent + "else:")
            lines.extend(render_block(self.orelse, indent + "    "))
        return lines


class While(Node):
    def __init__(self, cond, body, orelse):
        self.cond, self.body, self.orelse = cond, body, orelse

    def render(self, indent):
        lines = ["%swhile %s:" % (indent, self.cond)] + render_block(self.body, indent + "    ")
        if self.orelse:
            lines += [indent + "else:"] + render_block(self.orelse, indent + "    ")
        return lines


class For(Node):
    def __init__(self, target, iterable, body, orelse):
        self.target, self.iterable, self.body, self.orelse = target, iterable, body, orelse

    def render(self, indent):
        lines = ["%sfor %s in %s:" % (indent, self.target, self.iterable)]
        lines += render_block(self.body, indent + "    ")
        if self.orelse:
            lines += [indent + "else:"] + render_block(self.orelse, indent + "    ")
        return lines


# ---------------------------------------------------------------- interpreter

ITEM = "__item"


def bind_target(sandbox, target, item, vals):
    vals[ITEM] = item
    try:
        ok, exc = sandbox.exec("%s = %s" % (target, ITEM), vals)
    finally:
        del vals[ITEM]
    if not ok:
        raise exc


def _eval(sandbox, code, vals):
    ok, value = sandbox.eval(code, vals)
    if not ok:
        raise value
    return value


def run_block(sandbox, stmts, vals):
    """Runs statements on vals; returns None, 'break', 'continue' or
    ('return', value); exceptions of the program propagate."""
    for s in stmts:
        signal = run_stmt(sandbox, s, vals)
        if signal is not None:
            return signal
    return None


def run_stmt(sandbox, s, vals):
    if isinstance(s, Simple):
        ok, exc = sandbox.exec(s.code, vals)
        if not ok:
            raise exc
        if not all(valid(v) for v in vals.values()):
            raise Runaway()
        return None
    if isinstance(s, Jump):
        if s.jump == "return":
            return ("return", None if s.code is None else _eval(sandbox, s.code, vals))
        return s.jump
    if isinstance(s, If):
        for cond, body in s.branches:
            if _eval(sandbox, cond, vals):
                return run_block(sandbox, body, vals)
        return run_block(sandbox, s.orelse or [], vals)
    if isinstance(s, While):
        return run_loop_rest(sandbox, s, vals, None, 0)
    if isinstance(s, For):
        iterator = iter(_eval(sandbox, s.iterable, vals))
        return run_loop_rest(sandbox, s, vals, iterator, 0)
    raise TypeError(s)


def run_loop_rest(sandbox, loop, vals, iterator, done, report_break=False):
    """Runs the remaining iterations of a loop (`done` already ran) and its
    else clause; for a While, iterator is None. With report_break a break
    returns 'broke' (and the else clause is left to the caller)."""
    while True:
        if iterator is None:
            if not _eval(sandbox, loop.cond, vals):
                break
        else:
            try:
                item = next(iterator)
            except StopIteration:
                break
            bind_target(sandbox, loop.target, item, vals)
        done += 1
        if done > MAX_ITERATIONS:
            raise Runaway()
        signal = run_block(sandbox, loop.body, vals)
        if signal == "break":
            return "broke" if report_break else None
        if isinstance(signal, tuple):
            return signal
    return None if report_break else run_block(sandbox, loop.orelse or [], vals)
