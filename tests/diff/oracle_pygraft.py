#!/usr/bin/python3
"""A stand-in for the pygraft CLI that runs the model in CPython + NumPy.

Only for testing the differential harness itself (run_diff.py), independent
of the C++ compiler:

    /usr/bin/python3 tests/diff/run_diff.py --pygraft tests/diff/oracle_pygraft.py tests/cases

`compile MODEL.py -o OUT` copies the source into OUT; `run OUT --entry FN
[--] ARG...` imports it, calls FN with SPEC §1's argument conversion and
prints SPEC §1's JSON document (exit 3 when the function raises, with the
exception's class name in the runtime error line).
"""

import contextlib
import importlib.machinery
import importlib.util
import json
import math
import os
import shutil
import sys

import numpy as np

sys.dont_write_bytecode = True  # importing case files must not leave __pycache__ in the tree

if hasattr(np, "_set_promotion_state"):
    np._set_promotion_state("weak")

# pygraft's np.empty / np.empty_like are zero-filled (deterministic); make the
# oracle's the same so cases may return them.
np.empty = np.zeros
np.empty_like = np.zeros_like


def encode_float(v):
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def out(value):
    if value is None:
        return None
    if isinstance(value, tuple):
        return [out(v) for v in value]
    if isinstance(value, bool):
        value = np.bool_(value)
    elif isinstance(value, int):
        value = np.int64(value)
    elif isinstance(value, float):
        value = np.float64(value)
    arr = np.asarray(value)
    dtype = "bool" if arr.dtype == np.bool_ else arr.dtype.name
    data = arr.tolist()
    if arr.dtype.kind == "f":
        data = np.vectorize(encode_float, otypes=[object])(arr).tolist() if arr.ndim else encode_float(float(arr))
    return {"dtype": dtype, "shape": list(arr.shape), "data": data}


def run(argv):
    graph, entry, args = argv[0], None, []
    i = 1
    while i < len(argv):
        if argv[i] == "--entry":
            entry = argv[i + 1]
            i += 2
        elif argv[i] == "--":
            args.extend(argv[i + 1:])
            break
        else:
            args.append(argv[i])
            i += 1
    loader = importlib.machinery.SourceFileLoader("model", graph)
    spec = importlib.util.spec_from_file_location("model", graph, loader=loader)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    values = []
    for a in args:
        if a.startswith("@"):
            values.append(np.load(a[1:]))
            continue
        v = json.loads(a)
        values.append((np.array(v) if v != [] else np.array([], dtype=np.float64))
                      if isinstance(v, list) else v)
    try:
        with np.errstate(all="ignore"), contextlib.redirect_stdout(sys.stderr):
            result = getattr(module, entry)(*values)
    except Exception as e:  # noqa: BLE001
        line = 1  # the innermost frame in the model, as pygraft reports it
        tb = e.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == graph:
                line = tb.tb_lineno
            tb = tb.tb_next
        # The exception's class name, as pygraft names it; the harness's own
        # test swaps in a wrong one (ORACLE_PYGRAFT_EXCEPTION) to see it fail.
        name = os.environ.get("ORACLE_PYGRAFT_EXCEPTION", type(e).__name__)
        print("%s.py:%d:1: runtime error: %s: %s" % (entry, line, name, e), file=sys.stderr)
        return 3
    outputs = [out(v) for v in result] if isinstance(result, tuple) else [out(result)]
    print(json.dumps({"outputs": outputs}))
    return 0


def main(argv):
    if argv[:1] == ["compile"]:
        shutil.copyfile(argv[1], argv[argv.index("-o") + 1])
        return 0
    if argv[:1] == ["run"]:
        return run(argv[1:])
    print("usage: oracle_pygraft.py compile|run ...", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
