#!/usr/bin/python3
"""What the generator writes: counts of statement and expression kinds over
N generated programs, and the NumPy / math / builtin spellings of
graph/ops.def it never writes.

    /usr/bin/python3 tests/program_fuzz/coverage.py --count 500
"""

import argparse
import ast
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

import gen  # noqa: E402

OPS_DEF = os.path.join(HERE, "..", "..", "graph", "ops.def")


def spellings():
    """'np.sum', '.sum', 'math.exp', 'len', 'op:+' ... from graph/ops.def."""
    out = set()
    with open(OPS_DEF, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'PG_OP\(\w+, "[^"]*", -?\d+, \w+, \w+, (?:no_onnx|to_onnx\(\w+, "[^"]*"\)), "([^"]*)"\)',
                         line.strip())
            if not m or not m.group(1):
                continue
            for part in re.split(r"\s\|\s", m.group(1)):
                name = part.strip().split("(")[0].split(" ")[0]
                out.add(name)
    return out


def callee(node):
    f = node.func
    if isinstance(f, ast.Name):
        return f.id
    if isinstance(f, ast.Attribute):
        if isinstance(f.value, ast.Name) and f.value.id in ("np", "math"):
            return "%s.%s" % (f.value.id, f.attr)
        if isinstance(f.value, ast.Attribute) and isinstance(f.value.value, ast.Name) \
                and f.value.value.id == "np":
            return "np.%s.%s" % (f.value.attr, f.attr)
        return "." + f.attr
    return None


def for_kind(node):
    it = node.iter
    if isinstance(it, ast.Call) and isinstance(it.func, ast.Name):
        return "for-" + it.func.id
    if isinstance(it, ast.Tuple):
        return "for-tuple-literal"
    if isinstance(it, ast.Attribute):
        return "for-" + it.attr
    return "for-array"


def features(tree):
    """Counter of feature names of one module."""
    c = collections.Counter()

    def visit(node, in_loop, in_if):
        kind = type(node).__name__
        if isinstance(node, ast.stmt):
            c["stmt:" + kind] += 1
        if isinstance(node, ast.Assign):
            if len(node.targets) > 1:
                c["stmt:chained-assign"] += 1
            t = node.targets[0]
            if isinstance(t, ast.Tuple):
                c["stmt:tuple-unpack"] += 1
            if isinstance(t, ast.Subscript):
                c["stmt:subscript-assign"] += 1
        if isinstance(node, ast.AugAssign):
            c["stmt:augassign-%s" % ("subscript" if isinstance(node.target, ast.Subscript) else "name")] += 1
            c["op:%s=" % type(node.op).__name__] += 1
        if isinstance(node, ast.If):
            if node.orelse and isinstance(node.orelse[0], ast.If) and len(node.orelse) == 1:
                c["stmt:elif"] += 1
            elif node.orelse:
                c["stmt:if-else"] += 1
        if isinstance(node, ast.While):
            c["stmt:while-true" if isinstance(node.test, ast.Constant) else "stmt:while-cond"] += 1
        if isinstance(node, (ast.For, ast.While)) and node.orelse:
            c["stmt:loop-else"] += 1
        if isinstance(node, ast.For):
            c["stmt:" + for_kind(node)] += 1
        if isinstance(node, (ast.Break, ast.Continue, ast.Return)):
            c["stmt:%s-in-%s" % (kind, "loop" if in_loop else ("if" if in_if else "body"))] += 1
        if isinstance(node, ast.BinOp):
            c["op:" + type(node.op).__name__] += 1
        if isinstance(node, ast.UnaryOp):
            c["op:" + type(node.op).__name__] += 1
        if isinstance(node, ast.BoolOp):
            c["op:" + type(node.op).__name__] += 1
        if isinstance(node, ast.IfExp):
            c["expr:ternary"] += 1
        if isinstance(node, ast.Compare):
            for op in node.ops:
                c["cmp:" + type(op).__name__] += 1
            if len(node.ops) > 1:
                c["cmp:chained"] += 1
        if isinstance(node, ast.Subscript):
            sl = node.slice
            parts = sl.elts if isinstance(sl, ast.Tuple) else [sl]
            for p in parts:
                if isinstance(p, ast.Slice):
                    c["index:slice"] += 1
                elif isinstance(p, ast.Constant) and p.value is None or \
                        (isinstance(p, ast.Attribute) and p.attr == "newaxis"):
                    c["index:newaxis"] += 1
                elif isinstance(p, ast.Compare):
                    c["index:mask"] += 1
                elif isinstance(p, ast.Call):
                    c["index:int-array"] += 1
                else:
                    c["index:scalar"] += 1
            if len(parts) > 1:
                c["index:several-axes"] += 1
        if isinstance(node, ast.Call):
            name = callee(node)
            if name:
                c["call:" + name] += 1
            for kw in node.keywords:
                c["kw:" + kw.arg] += 1
        if isinstance(node, ast.Attribute) and node.attr in ("shape", "ndim", "size", "T", "dtype"):
            c["call:." + node.attr] += 1
        if isinstance(node, ast.FunctionDef):
            c["module:function"] += 1
        loop_here = isinstance(node, (ast.For, ast.While))
        if_here = isinstance(node, ast.If)
        for child in ast.iter_child_nodes(node):
            visit(child, in_loop or loop_here, in_if or if_here)

    visit(tree, False, False)
    return c


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--count", type=int, default=500)
    opts = ap.parse_args(argv)
    programs = collections.Counter()  # feature -> programs using it
    total = collections.Counter()
    funcs = collections.Counter()
    for seed in range(opts.seed, opts.seed + opts.count):
        prog = gen.generate(seed)
        f = features(ast.parse(prog.source()))
        funcs[f["module:function"]] += 1
        for k, v in f.items():
            programs[k] += 1
            total[k] += v
    for k in sorted(programs):
        print("%-36s %6d programs %7d uses" % (k, programs[k], total[k]))
    print("functions per file: %s" % dict(sorted(funcs.items())))
    used = {k[5:] for k in programs if k.startswith("call:")}
    ops = {"Add": "op:+", "Sub": "op:-", "Mult": "op:*", "Div": "op:/", "FloorDiv": "op://",
           "Mod": "op:%", "Pow": "op:**", "MatMult": "op:@", "BitAnd": "op:&", "BitOr": "op:|",
           "BitXor": "op:^", "LShift": "op:<<", "RShift": "op:>>", "USub": "unary:-",
           "UAdd": "unary:+", "Invert": "unary:~", "Not": "unary:not", "Eq": "cmp:==",
           "NotEq": "cmp:!=", "Lt": "cmp:<", "LtE": "cmp:<=", "Gt": "cmp:>", "GtE": "cmp:>="}
    used |= {ops[k.split(":")[1]] for k in programs if k.split(":")[0] in ("op", "cmp")
             and k.split(":")[1] in ops}
    missing = sorted(s for s in spellings() if s not in used)
    print("ops.def spellings never generated (%d): %s" % (len(missing), " ".join(missing)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
