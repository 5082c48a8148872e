#!/usr/bin/env python3
"""Hostile inputs to the pygraft CLI (issue 4, "Robustness"; SPEC.md §1).

Every case must end with one of the SPEC exit codes (0/1/2/3) and a clear
message on stderr when it fails: never a signal, a sanitizer report, an
internal-error diagnostic or a hang (every run has a timeout), and never a
partial output file.

    robustness_test.py --pygraft build/cli/pygraft [--workdir DIR] [-k NAME]

Prints one line per case and `N passed, M failed` at the end; exits 1 when
anything failed. Standard library only.
"""

import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import graph_bytes as gb  # noqa: E402

TIMEOUT = 120  # seconds for one pygraft run (ASan builds are slow)
BAD_OUTPUT = ("internal error", "Sanitizer", "runtime error: member call", "terminate called",
              "Assertion", "Segmentation", "stack-overflow", "core dumped")

MODEL_ARRAY = """import numpy as np


def double(x):
    return x * 2
"""

MODEL_BIG = """import numpy as np


def big(n=1000):
    return np.zeros((n, n))
"""

MODEL_STRAIGHT = """import numpy as np


def f(x, n=3):
    y = x * n
    if np.sum(y) > 0:
        z = y + 1
    else:
        z = y[::-1] - 1
    return z, np.max(z)
"""

MODEL_BRANCHY = """import numpy as np


def f(x, n=3):
    s = 0.0
    for i in range(n):
        if i % 2 == 0:
            s = s + np.sum(x)
        else:
            s = s - 1.0
    return s
"""


class Failure(Exception):
    pass


class Context:
    def __init__(self, pygraft, workdir):
        self.pygraft = pygraft
        self.workdir = workdir
        self.counter = 0

    def path(self, name):
        self.counter += 1
        return os.path.join(self.workdir, "%03d_%s" % (self.counter, name))

    def write(self, name, content):
        path = self.path(name)
        with open(path, "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode())
        return path

    def run(self, *args, timeout=TIMEOUT):
        start = time.monotonic()
        try:
            proc = subprocess.run([self.pygraft, *args], capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise Failure("timed out after %ds: pygraft %s" % (timeout, " ".join(args)[:200]))
        except OSError as e:
            raise Failure("could not start pygraft: %s" % e)
        elapsed = time.monotonic() - start
        err = proc.stderr.decode("utf-8", "replace")
        if proc.returncode < 0:
            raise Failure("killed by signal %d\n%s" % (-proc.returncode, err[-2000:]))
        for bad in BAD_OUTPUT:
            if bad in err:
                raise Failure("stderr mentions %r (exit %d)\n%s" % (bad, proc.returncode, err[-2000:]))
        return proc.returncode, proc.stdout, err, elapsed

    def expect(self, codes, *args, needle=None, timeout=TIMEOUT):
        """Runs pygraft; the exit code must be in `codes`, a failure must say
        something on stderr, and `needle` (when given) must be in stderr."""
        code, out, err, elapsed = self.run(*args, timeout=timeout)
        if code not in codes:
            raise Failure("exit %d, expected %s\n%s" % (code, sorted(codes), err[-2000:]))
        if code != 0 and not err.strip():
            raise Failure("exit %d without a message on stderr" % code)
        if needle is not None and needle.lower() not in err.lower():
            raise Failure("stderr lacks %r:\n%s" % (needle, err[-2000:]))
        return code, out, err, elapsed

    def compile_model(self, name, source):
        py = self.write(name + ".py", source)
        out = py[:-3] + ".pgraph"
        self.expect({0}, "compile", py, "-o", out)
        return out


def no_partial_files(directory, allowed):
    """Nothing but `allowed` may be in directory (no temp or partial files)."""
    extra = sorted(set(os.listdir(directory)) - set(allowed))
    if extra:
        raise Failure("unexpected files left in %s: %s" % (directory, extra))


# ---- source files --------------------------------------------------------

def case_deep_parentheses(ctx):
    src = "def f(x):\n    return " + "(" * 10000 + "x" + ")" * 10000 + "\n"
    ctx.expect({1}, "check", ctx.write("parens.py", src), needle="nest")


def case_deep_parentheses_unbalanced(ctx):
    ctx.expect({1}, "check", ctx.write("parens_open.py", "x = " + "(" * 10000 + "\n"))


def deep_blocks(keyword, depth):
    lines = ["def f(x):"]
    for i in range(depth):
        lines.append(" " * (i + 1) + keyword + " x:")
    lines.append(" " * (depth + 1) + "x = x")
    lines.append(" return x")
    return "\n".join(lines) + "\n"


def case_deep_if_blocks(ctx):
    # 10 000 levels at one space each: a 50 MB file.
    ctx.expect({1}, "check", ctx.write("deep_if.py", deep_blocks("if", 10000)), needle="nest",
               timeout=300)


def case_deep_while_blocks(ctx):
    ctx.expect({1}, "check", ctx.write("deep_while.py", deep_blocks("while", 10000)),
               needle="nest", timeout=300)


def case_long_operator_chains(ctx):
    # Flat in the syntax tree and valid Python at any length (CPython compiles
    # an `and` of 200 000 operands): the lowering nests them in groups of a
    # few links (transform/nesting_limits.h), so they compile and run.
    n = 10000
    for name, src, arg, expected in (
            ("and", "def f(x):\n    return x" + " and x" * n + "\n", "3", b'"data": 3'),
            ("or", "def f(x):\n    if x" + " or x" * n + ":\n        x = 1\n    return x\n", "0",
             b'"data": 0'),
            ("compare", "def f(x):\n    return x" + " < x" * n + "\n", "3", b'"data": false')):
        graph = ctx.compile_model("chain_%s" % name, src)
        _, out, _, _ = ctx.expect({0}, "run", graph, arg)
        if expected not in out:
            raise Failure("%s chain: unexpected result: %s" % (name, out[:300]))


def case_nesting_just_below_limit_compiles_and_runs(ctx):
    # 98 nested ifs (CPython's limit is 99 levels of indentation) around a
    # 98-deep parenthesized sum (the limit is 200 brackets): the whole
    # pipeline (AST passes, lowering, graph, runtime) sees deep structure.
    depth = 98
    lines = ["def f(x):"]
    for i in range(depth):
        lines.append(" " * (i + 1) + "if x > %d:" % -i)
    lines.append(" " * (depth + 1) + "x = " + "(" * depth + "x" + " + 1)" * depth)
    lines.append(" return x")
    graph = ctx.compile_model("deep_ok", "\n".join(lines) + "\n")
    _, out, _, _ = ctx.expect({0}, "run", graph, "1")
    if b'"data": 99' not in out:
        raise Failure("unexpected result: %s" % out[:300])
    ctx.expect({0}, "compile", graph[:-7] + ".py", "--emit", "text", "-o", "-")


def case_ten_megabyte_source(ctx):
    func = "def f%d(x):\n    y = x + %d\n    z = y * 2.0\n    return z - x\n\n\n"
    parts, size, i = ["import numpy as np\n\n\n"], 0, 0
    while size < 10 * 1024 * 1024:
        text = func % (i, i)
        parts.append(text)
        size += len(text)
        i += 1
    path = ctx.write("ten_mb.py", "".join(parts))
    _, _, _, elapsed = ctx.expect({0, 1}, "check", path, timeout=600)
    print("    (10 MB check: %.1fs, %d functions)" % (elapsed, i))


def case_one_megabyte_junk(ctx):
    # tree-sitter's error recovery is slow on this; parser/parser.cc cancels
    # the parse after a CPU-time budget (20 s + 4 s/MB) and reports it.
    junk = ("x = = ( 1\n" * (1024 * 1024 // 10))
    ctx.expect({1}, "check", ctx.write("junk.py", junk), timeout=600)


def case_long_lines(ctx):
    n = 100000
    ctx.expect({0}, "check", ctx.write("long_comment.py", "# " + "c" * n + "\nX = 1\n"))
    ctx.expect({0}, "check", ctx.write("long_name.py", "def f(x):\n    %s = x\n    return %s\n"
                                       % ("a" * n, "a" * n)))
    ctx.expect({0, 1}, "check", ctx.write("long_sum.py", "def f(x):\n    return x" + " + 1" * (n // 4) + "\n"))
    ctx.expect({0, 1}, "check", ctx.write("long_print.py", "def f(x):\n    print('%s')\n    return x\n"
                                          % ("p" * n)))
    ctx.expect({1}, "check", ctx.write("long_garbage.py", "def f(x):\n    return " + "@#$" * (n // 3) + "\n"))


def case_invalid_utf8(ctx):
    ctx.expect({1}, "check", ctx.write("utf8_code.py", b"def f(x):\n    return x\xff\xfe + 1\n"))
    ctx.expect({0, 1}, "check", ctx.write("utf8_comment.py", b"# caf\xe9\ndef f(x):\n    return x\n"))
    ctx.expect({1}, "check", ctx.write("utf8_name.py", b"def f\xc3(x):\n    return x\n"))
    ctx.expect({0, 1}, "check", ctx.write("utf8_overlong.py", b"X = 1  # \xc0\xaf\xed\xa0\x80\n"))


def case_nul_bytes(ctx):
    ctx.expect({1}, "check", ctx.write("nul.py", b"def f(x):\n    return x\x00 + 1\n"))
    ctx.expect({1}, "check", ctx.write("nul_only.py", b"\x00" * 1000))


def case_crlf_line_ends(ctx):
    graph = ctx.compile_model("crlf", MODEL_BRANCHY.replace("\n", "\r\n"))
    _, out_crlf, _, _ = ctx.expect({0}, "run", graph, "[1.0, 2.0]")
    graph = ctx.compile_model("lf", MODEL_BRANCHY)
    _, out_lf, _, _ = ctx.expect({0}, "run", graph, "[1.0, 2.0]")
    if out_crlf != out_lf:
        raise Failure("CRLF and LF give different results: %r vs %r" % (out_crlf, out_lf))
    ctx.expect({0, 1}, "check", ctx.write("cr_only.py", MODEL_BRANCHY.replace("\n", "\r")))


def case_tabs_mixed_with_spaces(ctx):
    consistent = "def f(x):\n\tif x > 0:\n\t\tx = x + 1\n\treturn x\n"
    ctx.expect({0}, "check", ctx.write("tabs.py", consistent))
    mixed = "def f(x):\n    if x > 0:\n\tx = x + 1\n        x = x + 2\n    return x\n"
    ctx.expect({0, 1}, "check", ctx.write("mixed.py", mixed))
    mixed2 = "def f(x):\n \tif x > 0:\n\t x = 1\n \treturn x\n"
    ctx.expect({0, 1}, "check", ctx.write("mixed2.py", mixed2))


def case_empty_file(ctx):
    path = ctx.write("empty.py", "")
    ctx.expect({0}, "check", path)
    code, _, _, _ = ctx.expect({0, 1}, "compile", path, "-o", path[:-3] + ".pgraph")
    if code == 0:
        ctx.expect({2}, "run", path[:-3] + ".pgraph")
    ctx.expect({0}, "check", ctx.write("blank.py", "\n\n   \n# only a comment\n"))


def case_directory_as_model(ctx):
    d = ctx.path("dir.py")
    os.mkdir(d)
    ctx.expect({2}, "check", d)
    ctx.expect({2}, "compile", d, "-o", d + ".pgraph")
    if os.path.exists(d + ".pgraph"):
        raise Failure("compile of a directory wrote an output file")
    ctx.expect({2}, "run", d)


def case_missing_file(ctx):
    ctx.expect({2}, "check", ctx.path("missing.py"))
    ctx.expect({2}, "run", ctx.path("missing.pgraph"))


def case_unreadable_file(ctx):
    if os.geteuid() == 0:
        return "skipped: running as root, where chmod 000 does not stop reading"
    path = ctx.write("secret.py", MODEL_ARRAY)
    os.chmod(path, 0)
    try:
        ctx.expect({2}, "check", path)
    finally:
        os.chmod(path, 0o644)
    return None


def case_output_directory_missing(ctx):
    src = ctx.write("model.py", MODEL_ARRAY)
    target = os.path.join(ctx.workdir, "no_such_dir", "out.pgraph")
    ctx.expect({2}, "compile", src, "-o", target)
    if os.path.exists(os.path.dirname(target)):
        raise Failure("compile created the missing output directory")


def case_output_is_a_directory(ctx):
    src = ctx.write("model2.py", MODEL_ARRAY)
    d = ctx.path("outdir")
    os.mkdir(d)
    ctx.expect({2}, "compile", src, "-o", d)
    no_partial_files(d, [])


def case_failed_compile_leaves_no_file(ctx):
    d = ctx.path("clean")
    os.mkdir(d)
    src = os.path.join(d, "bad.py")
    with open(src, "w") as f:
        f.write("def f(x):\n    return {i for i in x}\n")
    ctx.expect({1}, "compile", src)
    ctx.expect({1}, "compile", src, "-o", os.path.join(d, "explicit.pgraph"))
    no_partial_files(d, ["bad.py"])
    # An existing output survives a failed compile untouched.
    existing = os.path.join(d, "keep.pgraph")
    with open(existing, "wb") as f:
        f.write(b"old")
    ctx.expect({1}, "compile", src, "-o", existing)
    with open(existing, "rb") as f:
        if f.read() != b"old":
            raise Failure("a failed compile changed the existing output file")


# ---- run arguments -------------------------------------------------------

def npy_bytes(descr, shape, data, fortran="False", magic=b"\x93NUMPY", version=b"\x01\x00",
              header=None):
    if header is None:
        header = "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }" % (descr, fortran, shape)
    header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
    raw = header.encode("latin1")
    return magic + version + struct.pack("<H", len(raw)) + raw + data


def case_npy_lying_headers(ctx):
    graph = ctx.compile_model("npy_model", MODEL_ARRAY)
    good = npy_bytes("<f8", "(2, 2)", struct.pack("<4d", 1, 2, 3, 4))
    _, out, _, _ = ctx.expect({0}, "run", graph, "@" + ctx.write("good.npy", good))
    if b"[[2.0, 4.0], [6.0, 8.0]]" not in out:
        raise Failure("good .npy gave %s" % out[:200])
    bad = {
        "shape_larger_than_data": npy_bytes("<f8", "(1000, 1000)", struct.pack("<4d", 1, 2, 3, 4)),
        "shape_overflows": npy_bytes("<f8", "(4294967296, 4294967296, 4294967296)", b"\0" * 32),
        "negative_shape": npy_bytes("<f8", "(-1, 4)", b"\0" * 32),
        "bad_descr": npy_bytes("<c16", "(2,)", b"\0" * 32),
        "object_descr": npy_bytes("|O", "(2,)", b"\0" * 16),
        "big_endian": npy_bytes(">f8", "(2,)", b"\0" * 16),
        "data_too_long": npy_bytes("<i4", "(2,)", b"\0" * 12),
        "truncated_header": good[:20],
        "truncated_data": good[:-3],
        "magic_only": b"\x93NUMPY",
        "bad_magic": b"\x93NUMPZ" + good[6:],
        "bad_version": npy_bytes("<f8", "(1,)", b"\0" * 8, version=b"\x09\x00"),
        "header_len_lies": good[:8] + struct.pack("<H", 65000) + good[10:],
        "header_not_a_dict": npy_bytes("", "", b"", header="[1, 2, 3]"),
        "header_unbalanced": npy_bytes("", "", b"", header="{'descr': '<f8', 'shape': ((((("),
        "deep_shape": npy_bytes("<f8", "(" * 5000 + ")" * 5000, b""),
        "empty_file": b"",
    }
    for name, data in bad.items():
        path = ctx.write(name + ".npy", data)
        try:
            ctx.expect({2}, "run", graph, "@" + path)
        except Failure as e:
            raise Failure("%s: %s" % (name, e))
    ctx.expect({2}, "run", graph, "@" + ctx.path("missing.npy"))
    ctx.expect({2}, "run", graph, "@" + ctx.workdir)


def case_json_arguments(ctx):
    graph = ctx.compile_model("json_model", MODEL_ARRAY)
    for text in ["[1, 2", "{", "nope", "[1, [2]]", "1e999999", "99999999999999999999999",
                 "[1, \"a\"]", "{\"a\": [1, \"b\"]}", "", "[" * 100000, "[" * 60000 + "]" * 60000,
                 "{\"a\":" * 20000, "\"" + "\\u" * 1000 + "\"", "[1,]", "[[1, 2], [3]]",
                 "\xff", "[null]", "NaN"]:
        try:
            ctx.expect({2}, "run", graph, "--", text)
        except Failure as e:
            raise Failure("ARG %r: %s" % (text[:40], e))


def case_run_max_memory(ctx):
    graph = ctx.compile_model("big", MODEL_BIG)
    ctx.expect({3}, "run", graph, "--max-memory", "1000", needle="memory")
    ctx.expect({3}, "run", graph, "--max-memory", "1000", "100000", needle="memory")
    ctx.expect({0}, "run", graph, "10")
    ctx.expect({2}, "run", graph, "--max-memory", "lots")
    ctx.expect({2}, "run", graph, "--max-memory", "-5")
    ctx.expect({2}, "run", graph, "--max-memory", "99999999999999999999999G")


def case_deeply_nested_tuples(ctx):
    # `t = (t,)` repeated: the runtime used to recurse once per level when
    # printing or returning the tuple (a crash at ~100 000 levels); tuples
    # nested deeper than 256 are now a runtime error.
    body = "    t = x\n" + "    t = (t,)\n" * 20000
    for name, tail in (("return", "    return t\n"), ("print", "    print(t)\n    return x\n"),
                       ("array", "    return np.array(t)\n")):
        graph = ctx.compile_model("tuples_" + name, "import numpy as np\n\n\ndef f(x):\n"
                                  + body + tail)
        ctx.expect({3}, "run", graph, "1", needle="nested")
    graph = ctx.compile_model("tuples_ok", "def f(x):\n" + "    x = (x,)\n" * 200 + "    return x\n")
    ctx.expect({0}, "run", graph, "1")


def case_arrays_of_huge_rank(ctx):
    graph = ctx.compile_model("rank", "import numpy as np\n\n\ndef f(x):\n"
                              "    return np.zeros(1).reshape((" + "1, " * 5000 + ")) + x\n")
    ctx.expect({0, 3}, "run", graph, "1")
    shape = "(" + "1, " * 5000 + ")"
    npy = npy_bytes("<f8", shape, struct.pack("<d", 1.0))
    model = ctx.compile_model("rank_npy", MODEL_ARRAY)
    ctx.expect({0, 2, 3}, "run", model, "@" + ctx.write("rank.npy", npy))


def case_run_out_directory(ctx):
    graph = ctx.compile_model("outmodel", MODEL_ARRAY)
    blocker = ctx.write("blocker", "a file, not a directory")
    ctx.expect({2}, "run", graph, "[1.0]", "--out", os.path.join(blocker, "sub"))


# ---- graph files ---------------------------------------------------------

def graph_case(ctx, name, data, codes=frozenset({2}), args=(), needle=None):
    path = ctx.write(name + ".pgraph", data)
    try:
        return ctx.expect(set(codes), "run", path, *args, needle=needle)
    except Failure as e:
        raise Failure("%s: %s" % (name, e))


def compiled_graph(ctx):
    graph = ctx.compile_model("victim", MODEL_BRANCHY)
    with open(graph, "rb") as f:
        data = f.read()
    return data, gb.parse(data)


def first_node_with_inputs(g):
    for node in gb.walk_nodes(g["functions"][0]["body"]):
        if node["inputs"]:
            return node
    raise Failure("no node with inputs in the compiled graph")


def case_graph_dangling_value_ids(ctx):
    data, g = compiled_graph(ctx)
    graph_case(ctx, "victim_ok", data, codes={0}, args=("[1.0]",))
    node = first_node_with_inputs(g)
    node["inputs"][0] = g["functions"][0]["num_values"] + 7
    graph_case(ctx, "dangling_input", gb.write(g), args=("[1.0]",))
    g = gb.parse(data)
    g["functions"][0]["body"]["yields"] = [0xFFFFFFFF]
    graph_case(ctx, "dangling_yield", gb.write(g), args=("[1.0]",))
    g = gb.parse(data)
    g["source_file"] = len(g["strings"]) + 100
    graph_case(ctx, "dangling_string", gb.write(g), args=("[1.0]",))


def case_graph_cycle(ctx):
    data, g = compiled_graph(ctx)
    body = g["functions"][0]["body"]
    # A node that reads its own result, and two nodes that read each other.
    node = first_node_with_inputs(g)
    node["inputs"][0] = node["outputs"][0]
    graph_case(ctx, "self_cycle", gb.write(g), args=("[1.0]",))
    g = gb.parse(data)
    nodes = [n for n in g["functions"][0]["body"]["nodes"] if n["inputs"] and n["outputs"]]
    if len(nodes) >= 2:
        nodes[0]["inputs"][0] = nodes[-1]["outputs"][0]
        graph_case(ctx, "two_node_cycle", gb.write(g), args=("[1.0]",))
    g = gb.parse(data)
    body = g["functions"][0]["body"]
    body["nodes"] = body["nodes"] + body["nodes"]  # every value defined twice
    graph_case(ctx, "redefined_values", gb.write(g), args=("[1.0]",))


def case_graph_absurd_sizes(ctx):
    data, g = compiled_graph(ctx)
    g["functions"][0]["num_values"] = 0xFFFFFFFF
    graph_case(ctx, "absurd_num_values", gb.write(g), needle="absurd")
    # Counts patched in place: the string count, the function count.
    header = 8 + 4
    graph_case(ctx, "absurd_string_count",
               data[:header] + struct.pack("<I", 0xFFFFFFFF) + data[header + 4:])
    graph_case(ctx, "absurd_string_length",
               data[:header + 4] + struct.pack("<I", 0xFFFFFFF0) + data[header + 8:])
    g = gb.parse(data)
    node = first_node_with_inputs(g)
    node["inputs"] = list(range(200000))
    graph_case(ctx, "huge_operand_list", gb.write(g))
    graph_case(ctx, "bad_version", data[:8] + struct.pack("<I", 99) + data[12:], needle="version")
    graph_case(ctx, "bad_magic", b"\x7fPGRAPX\n" + data[8:])
    graph_case(ctx, "trailing_bytes", data + b"\0")
    graph_case(ctx, "empty", b"")
    for cut in sorted(set(range(0, len(data), max(1, len(data) // 40))) | {len(data) - 1}):
        graph_case(ctx, "truncated_%d" % cut, data[:cut])


def case_graph_random_corruption(ctx):
    # Note: a model without loops: a flipped loop bound can make a graph
    # that legitimately runs for 2^63 iterations (the runtime has no step
    # budget), which is not a robustness failure.
    import random
    graph = ctx.compile_model("straight", MODEL_STRAIGHT)
    with open(graph, "rb") as f:
        data = f.read()
    rng = random.Random(4)
    for i in range(80):
        corrupt = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            pos = rng.randrange(len(corrupt))
            corrupt[pos] = rng.randrange(256)
        graph_case(ctx, "flip_%d" % i, bytes(corrupt), codes={0, 2, 3},
                   args=("--max-memory", "64M", "[1.0, -2.0]"))


def wrap_in_conds(g, depth):
    """Nests the first function's body `depth` conds deep: each cond, on a
    constant True, holds the next one in its then-region."""
    f = g["functions"][0]
    cond_op = gb.string_index(g, "cond")
    const_op = gb.string_index(g, "const")
    value_attr = gb.string_index(g, "value")
    body = f["body"]
    inner = {"args": [], "nodes": body["nodes"], "yields": body["yields"]}
    n_out = len(body["yields"])
    for _ in range(depth):
        pred = f["num_values"]
        outs = list(range(pred + 1, pred + 1 + n_out))
        f["num_values"] += 1 + n_out
        const = {"op": const_op, "range": [0, 0, 0, 0], "inputs": [], "outputs": [pred],
                 "attrs": [(value_attr, (2,))], "regions": []}
        cond = {"op": cond_op, "range": [0, 0, 0, 0], "inputs": [pred], "outputs": outs,
                "attrs": [], "regions": [inner, {"args": [], "nodes": [], "yields": []}]}
        inner = {"args": [], "nodes": [const, cond], "yields": outs}
    # The else-regions are left empty; the caller fills their yields.
    body["nodes"], body["yields"] = inner["nodes"], inner["yields"]
    return g


def case_graph_deep_regions(ctx):
    # Regions nested 500 deep load, run and print; 600 deep are rejected.
    src = "def f(x):\n    return x\n"
    graph = ctx.compile_model("identity", src)
    with open(graph, "rb") as f:
        data = f.read()
    for depth, codes in ((500, {0}), (600, {2})):
        g = gb.parse(data)
        f0 = g["functions"][0]
        param_value = f0["body"]["args"][0]
        if f0["value_names"]:
            f0["value_names"] = []
        wrap_in_conds(g, depth)
        # Every else-region yields the parameter, which dominates it.
        for node in gb.walk_nodes(f0["body"]):
            if len(node["regions"]) == 2:
                node["regions"][1]["yields"] = [param_value] * len(node["outputs"])
        deep = gb.write(g)
        sys.setrecursionlimit(10000)
        _, out, _, _ = graph_case(ctx, "deep_%d" % depth, deep, codes=codes, args=("7",))
        if depth == 500 and b'"data": 7' not in out:
            raise Failure("deep graph gave %s" % out[:200])


def case_graph_recursion_inside_deep_regions(ctx):
    # f calls itself from inside 500 nested conds: 256 calls deep (the call
    # depth cap) that is 128 000 nested regions, which overflowed the stack
    # before the interpreter capped region nesting across calls.
    graph = ctx.compile_model("recursive", "def f(x):\n    return g(x)\n\n\ndef g(x):\n    return x\n")
    with open(graph, "rb") as f:
        g = gb.parse(f.read())
    f_name, g_name = g["strings"].index(b"f"), g["strings"].index(b"g")
    f0 = g["functions"][0]
    for node in gb.walk_nodes(f0["body"]):
        node["attrs"] = [(a, (5, f_name) if lit == (5, g_name) else lit) for a, lit in node["attrs"]]
    param = f0["body"]["args"][0]
    f0["value_names"] = []
    wrap_in_conds(g, 500)
    for node in gb.walk_nodes(f0["body"]):
        if len(node["regions"]) == 2:
            node["regions"][1]["yields"] = [param] * len(node["outputs"])
    graph_case(ctx, "recursive_deep", gb.write(g), codes={3}, args=("--entry", "f", "1"),
               needle="nested too deeply")


CASES = [v for k, v in sorted(globals().items()) if k.startswith("case_")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pygraft", required=True)
    parser.add_argument("--workdir", help="scratch directory (default: a fresh temporary one)")
    parser.add_argument("-k", dest="only", help="run only cases whose name contains this")
    args = parser.parse_args()
    workdir = args.workdir or tempfile.mkdtemp(prefix="pygraft-robustness-")
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    ctx = Context(os.path.abspath(args.pygraft), workdir)
    passed = failed = 0
    for case in CASES:
        name = case.__name__[len("case_"):]
        if args.only and args.only not in name:
            continue
        start = time.monotonic()
        try:
            note = case(ctx)
            passed += 1
            print("PASS %s (%.1fs)%s" % (name, time.monotonic() - start,
                                         ": " + note if note else ""), flush=True)
        except Failure as e:
            failed += 1
            print("FAIL %s: %s" % (name, e), flush=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
