#!/usr/bin/env python3
"""The runtime benchmark: every workload of benchmarks/runtime/workloads.py
through pygraft, CPython + NumPy, TorchScript, Numba and ONNX Runtime (the
model pygraft exports), side by side.

    /usr/bin/python3 benchmarks/runtime/run.py --pygraft build/cli/pygraft

compiles workloads.py, makes each workload's inputs (deterministic), checks
that every system returns what NumPy returns (float32 within 1e-3 relative,
float64 within 1e-6), then times them in --rounds interleaved rounds (each
round: pygraft, NumPy, TorchScript, Numba, ONNX Runtime in turn, so a
burst of load on a shared machine hits all alike) and prints per workload
the median microseconds per call of each system, its ratio to NumPy's
(below 1: faster than NumPy) and pygraft's peak RSS.

pygraft is timed by `pygraft run --repeat N` (the median per call inside the
process, arguments loaded once); the Python systems by calling the function
N times in this process (median per call), after one warm-up call
(TorchScript's profiling runs and Numba's compilation happen there). One
thread everywhere: OpenBLAS, torch and Numba are told so before they load.
A system that is not installed (Debian: python3-torch, python3-numba) or
cannot run a workload shows "n/a" and why.

ONNX Runtime: each workload's function is exported with `pygraft compile
--emit onnx --entry FN -- ARGS` (the workload's own arguments as example
arguments: arrays give their dtype and rank, Python ints and floats become
int64 / float64 scalar inputs) and run in onnxruntime-node (the repository's
node_modules/onnxruntime-node, else Node's own lookup) by ort_time.js, in
one Node process per round, on one thread (intraOpNumThreads =
interOpNumThreads = 1, sequential execution). The session and the input
tensors are made once, outside the timing; after one warm-up run each
timed call is `await session.run(feeds)`, handing the outputs back as JS
tensors included (as NumPy's calls include making their results). A
workload the exporter refuses shows "n/a (PGxxxx)", the message in a note.

Options: --workloads NAME... (a subset), --rounds R (default 5), --budget S
(seconds of calls per system, workload and round; default 0.3), --markdown,
--node PATH (the Node that runs onnxruntime-node; default: node).
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ[var] = "1"

import numpy as np  # noqa: E402

np._set_promotion_state("weak")  # NumPy 2 (NEP 50) promotion, as the SPEC asks

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import workloads  # noqa: E402

GNU_TIME = "/usr/bin/time"


def rng_array(seed, shape, dtype, scale=1.0):
    rng = np.random.default_rng(seed)
    return (rng.standard_normal(shape) * scale).astype(dtype)


def inputs_rnn(hidden, steps, dtype=np.float32):
    return [rng_array(1, (steps, hidden), dtype), rng_array(2, (hidden, hidden), dtype, 0.1),
            rng_array(3, (hidden, hidden), dtype, 0.1), rng_array(4, (hidden,), dtype, 0.1)]


def inputs_lstm(hidden, steps, dtype=np.float32):
    return [rng_array(5, (steps, hidden), dtype), rng_array(6, (hidden, 4 * hidden), dtype, 0.1),
            rng_array(7, (hidden, 4 * hidden), dtype, 0.1), rng_array(8, (4 * hidden,), dtype, 0.1)]


def inputs_kmeans():
    points = rng_array(9, (10000, 2), np.float64)
    points[:5000] += 3.0
    return [points, points[::1250].copy(), 10]


# (name, label, function name, inputs). Inputs: NumPy arrays and Python
# scalars, passed to every system alike.
WORKLOADS = [
    ("trivial", "call cost of a trivial function", "trivial",
     lambda: [rng_array(10, (4,), np.float64)]),
    ("rnn32", "tanh RNN, hidden 32, 100 steps", "rnn", lambda: inputs_rnn(32, 100)),
    ("rnn512", "tanh RNN, hidden 512, 100 steps", "rnn", lambda: inputs_rnn(512, 100)),
    ("lstm64", "LSTM, hidden 64, 100 steps", "lstm", lambda: inputs_lstm(64, 100)),
    ("collatz", "scalar while loop on Python ints (Collatz, 1..300)", "collatz", lambda: [300]),
    ("greedy", "greedy decoding with `if argmax == eos: break`", "greedy_decode",
     lambda: [rng_array(11, (1000, 64), np.float32, 0.3), rng_array(12, (64, 64), np.float32, 0.2),
              3, 50]),
    ("chain", "elementwise + reduction chain, 1e6 float32", "elementwise_chain",
     lambda: [rng_array(13, (1000000,), np.float32)]),
    ("matmul", "1024x1024 float32 matmul chain with an `if` on a norm", "matmul_chain",
     lambda: [rng_array(14, (1024, 1024), np.float32, 0.03),
              rng_array(15, (1024, 1024), np.float32, 0.03), 100.0]),
    ("piecewise", "piecewise if/elif over the rows of a small array", "piecewise_rows",
     lambda: [rng_array(16, (32, 4), np.float64)]),
    ("kmeans", "10 k-means iterations on 10k 2-D points", "kmeans", inputs_kmeans),
    ("einsum", "einsum attention, 2x8 heads, 128x64 float32", "einsum_attention",
     lambda: [rng_array(17 + i, (2, 8, 128, 64), np.float32) for i in range(3)]),
]


class NotAvailable(Exception):
    def __init__(self, message, codes=()):
        super().__init__(message)
        self.codes = list(codes)


def as_arrays(result):
    items = result if isinstance(result, tuple) else (result,)
    return [np.asarray(item) for item in items]


def agree(expected, got):
    if len(expected) != len(got):
        return "returns %d values, NumPy %d" % (len(got), len(expected))
    for e, g in zip(expected, got):
        if e.shape != g.shape:
            return "shape %s, NumPy %s" % (g.shape, e.shape)
        rtol = 1e-3 if e.dtype == np.float32 or g.dtype == np.float32 else 1e-6
        if not np.allclose(e.astype(np.float64), g.astype(np.float64), rtol=rtol, atol=rtol):
            return "values differ from NumPy's"
    return None


def time_calls(fn, args, budget):
    fn(*args)  # warm-up: JIT compilation and profiling runs happen here
    times = []
    deadline = time.perf_counter() + budget
    while len(times) < 3 or (time.perf_counter() < deadline and len(times) < 100000):
        start = time.perf_counter_ns()
        fn(*args)
        times.append(time.perf_counter_ns() - start)
    return statistics.median(times) / 1e3


class Pygraft:
    name = "pygraft"

    def __init__(self, exe, workdir):
        self.exe = exe
        self.workdir = workdir
        self.graph = os.path.join(workdir, "workloads.pgraph")
        subprocess.run([exe, "compile", os.path.join(HERE, "workloads.py"), "-o", self.graph],
                       check=True)

    def argv(self, fn, args, name):
        out = [self.exe, "run", self.graph, "--entry", fn]
        extra = []
        for i, a in enumerate(args):
            if isinstance(a, np.ndarray):
                path = os.path.join(self.workdir, "%s_%d.npy" % (name, i))
                np.save(path, a)
                extra.append("@" + path)
            else:
                extra.append(json.dumps(a))
        return out, extra

    def result(self, fn, args, name):
        head, extra = self.argv(fn, args, name)
        outdir = os.path.join(self.workdir, "out_" + name)
        proc = subprocess.run(head + ["--out", outdir, "--"] + extra, capture_output=True,
                              text=True)
        if proc.returncode != 0:
            raise NotAvailable(proc.stderr.strip().splitlines()[0] if proc.stderr else "failed")
        doc = json.loads(proc.stdout)
        return [np.load(os.path.join(outdir, o["file"])) if isinstance(o, dict) and "file" in o
                else np.asarray(o) for o in doc["outputs"]]

    def time(self, fn, args, name, budget, probe):
        head, extra = self.argv(fn, args, name)
        repeat = max(3, min(100000, int(budget / max(probe, 1e-7))))
        outdir = os.path.join(self.workdir, "timing_" + name)
        argv = head + ["--repeat", str(repeat), "--out", outdir, "--"] + extra
        rss_file = os.path.join(self.workdir, "rss")
        if os.path.exists(GNU_TIME):
            argv = [GNU_TIME, "-q", "-f", "%M", "-o", rss_file] + argv
        proc = subprocess.run(argv, capture_output=True, text=True, check=True)
        timing = json.loads(proc.stdout)["timing"]
        rss = 0
        if os.path.exists(rss_file):
            with open(rss_file) as f:
                lines = f.read().split()
            rss = int(lines[-1]) * 1024 if lines and lines[-1].isdigit() else 0
        return timing["median_ns"] / 1e3, rss


class OnnxRuntime:
    """Exports a workload with pygraft and runs it in onnxruntime-node."""
    name = "ONNX Runtime"
    script = os.path.join(HERE, "ort_time.js")

    def __init__(self, pygraft_exe, node, workdir):
        self.exe = pygraft_exe
        self.workdir = workdir
        self.node = shutil.which(node) if node else None
        self.missing = None
        if not self.node:
            self.missing = "no node executable (%s)" % node
            return
        # onnxruntime-node is looked up as ort_time.js does: the repository's
        # node_modules first, then Node's own resolution.
        probe = subprocess.run(
            [self.node, "-e", "try { require(%s); } catch (e) { require('onnxruntime-node'); }"
             % json.dumps(os.path.join(HERE, "..", "..", "node_modules", "onnxruntime-node"))],
            capture_output=True, text=True)
        if probe.returncode != 0:
            errors = [line for line in probe.stderr.splitlines() if "Error" in line]
            self.missing = "onnxruntime-node cannot be loaded" + (
                " (%s)" % errors[0].strip()[:120] if errors else "")

    def prepare(self, fn, args, name):
        """Exports fn for the types of args; returns the model's inputs (.npy
        paths). Raises NotAvailable("PGxxxx ...") if pygraft refuses it."""
        model = os.path.join(self.workdir, "%s.onnx" % name)
        example, inputs = [], []
        for i, a in enumerate(args):
            if isinstance(a, str) or a is None:  # compiled into the model, no input
                example.append(json.dumps(a))
                continue
            path = os.path.join(self.workdir, "ort_%s_%d.npy" % (name, i))
            if isinstance(a, np.ndarray):
                np.save(path, a)
                example.append("@" + path)
            else:  # a Python number: a rank-0 int64 / float64 / bool input
                dtype = bool if isinstance(a, bool) else np.int64 if isinstance(a, int) \
                    else np.float64
                np.save(path, np.asarray(a, dtype=dtype))
                example.append(json.dumps(a))
            inputs.append(path)
        proc = subprocess.run([self.exe, "compile", os.path.join(HERE, "workloads.py"),
                               "--emit", "onnx", "-q", "--entry", fn, "-o", model, "--"] + example,
                              capture_output=True, text=True)
        if proc.returncode != 0:
            errors = [line for line in proc.stderr.splitlines() if "error[" in line]
            codes = sorted(set(re.findall(r"error\[(PG\d+)\]", proc.stderr)))
            raise NotAvailable("%s: %s" % ("/".join(codes) or "export failed",
                                           (errors or proc.stderr.strip().splitlines() or
                                            ["exit %d" % proc.returncode])[0]), codes)
        return model, inputs

    def result(self, prepared, name):
        model, inputs = prepared
        outdir = os.path.join(self.workdir, "ort_out_" + name)
        proc = subprocess.run([self.node, self.script, model, "--out", outdir] + inputs,
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise NotAvailable("onnxruntime: " + (proc.stderr.strip().splitlines() or
                                                  ["failed"])[0][:160])
        doc = json.loads(proc.stdout)
        return [np.load(os.path.join(outdir, o["file"])) for o in doc["outputs"]]

    def time(self, prepared, budget):
        model, inputs = prepared
        proc = subprocess.run([self.node, self.script, model, "--budget", str(budget)] + inputs,
                              capture_output=True, text=True, check=True)
        return json.loads(proc.stdout)["median_ns"] / 1e3


def python_systems():
    systems = [("NumPy", lambda fn: getattr(workloads, fn), lambda a: a, as_arrays)]
    try:
        import torch
        torch.set_num_threads(1)
        import workloads_torch

        def to_torch(args):
            return [torch.from_numpy(a) if isinstance(a, np.ndarray) else a for a in args]

        def from_torch(result):
            items = result if isinstance(result, tuple) else (result,)
            return [i.numpy() if isinstance(i, torch.Tensor) else np.asarray(i) for i in items]

        systems.append(("TorchScript", lambda fn: getattr(workloads_torch, fn), to_torch,
                        from_torch))
    except Exception as e:  # noqa: BLE001 - any import failure means "not installed"
        systems.append(("TorchScript", None, str(e).splitlines()[0], None))
    try:
        import numba
        jitted = {}

        def numba_fn(fn):
            if fn not in jitted:
                jitted[fn] = numba.njit(getattr(workloads, fn))
            return jitted[fn]
        systems.append(("Numba", numba_fn, lambda a: a, as_arrays))
    except Exception as e:  # noqa: BLE001
        systems.append(("Numba", None, str(e).splitlines()[0], None))
    return systems


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pygraft", default="build/cli/pygraft")
    parser.add_argument("--workloads", nargs="*")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--budget", type=float, default=0.3)
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--node", default="node",
                        help="the Node executable that runs onnxruntime-node (default: node)")
    args = parser.parse_args(argv)
    chosen = [w for w in WORKLOADS if not args.workloads or w[0] in args.workloads]
    systems = python_systems()
    names = ["pygraft"] + [s[0] for s in systems] + [OnnxRuntime.name]
    with tempfile.TemporaryDirectory(prefix="pygraft-runtime-bench-") as workdir:
        pg = Pygraft(os.path.abspath(args.pygraft), workdir)
        ort = OnnxRuntime(os.path.abspath(args.pygraft), args.node, workdir)
        rows = []
        notes = []
        for name, label, fn, make in chosen:
            inputs = make()
            expected = as_arrays(getattr(workloads, fn)(*inputs))
            runnable = {}
            try:
                problem = agree(expected, pg.result(fn, inputs, name))
            except NotAvailable as e:
                problem = str(e)
            if problem:
                notes.append("%s, pygraft: %s" % (name, problem))
            else:
                runnable["pygraft"] = None
            for sys_name, get, convert, back in systems:
                if get is None:
                    continue
                try:
                    f = get(fn)
                    sys_args = convert(inputs)
                    problem = agree(expected, back(f(*sys_args)))
                except Exception as e:  # noqa: BLE001 - a system that cannot run it
                    problem = "%s: %s" % (type(e).__name__, str(e).splitlines()[0][:120])
                if problem:
                    notes.append("%s, %s: %s" % (name, sys_name, problem))
                else:
                    runnable[sys_name] = (f, sys_args)
            why = {}
            if not ort.missing:
                try:
                    prepared = ort.prepare(fn, inputs, name)
                    problem = agree(expected, ort.result(prepared, name))
                except NotAvailable as e:
                    problem = str(e)
                    if e.codes:
                        why[ort.name] = "n/a (%s)" % ", ".join(e.codes)
                if problem:
                    notes.append("%s, %s: %s" % (name, ort.name, problem))
                else:
                    runnable[ort.name] = prepared
            samples = {n: [] for n in names}
            rss = 0
            for _ in range(args.rounds):
                probe = None
                for sys_name, get, convert, back in systems:
                    if sys_name in runnable:
                        f, sys_args = runnable[sys_name]
                        samples[sys_name].append(time_calls(f, sys_args, args.budget))
                        if sys_name == "NumPy":
                            probe = samples["NumPy"][-1] / 1e6
                    if sys_name == "NumPy" and "pygraft" in runnable:
                        us, peak = pg.time(fn, inputs, name, args.budget, probe or 1e-3)
                        samples["pygraft"].append(us)
                        rss = max(rss, peak)
                if ort.name in runnable:
                    samples[ort.name].append(ort.time(runnable[ort.name], args.budget))
            medians = {n: statistics.median(v) for n, v in samples.items() if v}
            rows.append((label, medians, rss))
            print_row(label, medians, rss, names, args.markdown, len(rows) == 1, why)
        for sys_name, get, convert, back in systems:
            if get is None:
                notes.append("%s not available: %s" % (sys_name, convert))
        if ort.missing:
            notes.append("%s not available: %s" % (ort.name, ort.missing))
        for note in notes:
            print("note: " + note)
    return 0


def print_row(label, medians, rss, names, markdown, first, why=None):
    """why: the cell text of a system that has no figure (default "n/a")."""
    why = why or {}
    base = medians.get("NumPy")
    cells = [label]
    for n in names:
        cells.append("%.1f" % medians[n] if n in medians else why.get(n, "n/a"))
    for n in names:
        if n == "NumPy":
            continue
        cells.append("%.2f" % (medians[n] / base) if n in medians and base else
                     why.get(n, "n/a"))
    cells.append("%.1f" % (rss / 1e6) if rss else "n/a")
    header = (["workload"] + ["%s µs" % n for n in names] +
              ["%s / NumPy" % n for n in names if n != "NumPy"] + ["pygraft RSS MB"])
    if markdown:
        if first:
            print("| " + " | ".join(header) + " |")
            print("|---" + "|---:" * (len(header) - 1) + "|")
        print("| " + " | ".join(cells) + " |", flush=True)
    else:
        if first:
            print("  ".join(header))
        print("  ".join(cells), flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
