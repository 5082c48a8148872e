#!/usr/bin/env python3
"""Peak memory of loops over 1 MB arrays as the iteration count grows.

Runs each function of memory_workloads.py with 10, 100, 1 000 and 10 000
iterations, through `pygraft run` and through CPython + NumPy (each in a
fresh process), and prints the peak RSS and wall time of each. A runtime
that reuses its buffers stays flat: the 10 000-iteration peak is the
10-iteration one. First checks that both give the same result.

    /usr/bin/python3 benchmarks/runtime/memory.py --pygraft build/cli/pygraft [--markdown]

Options: --counts N... (iteration counts), --workloads NAME... (a subset).
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
GNU_TIME = "/usr/bin/time"
WORKLOADS = ["smooth_loop", "clip_loop"]
ELEMENTS = 262144  # float32: 1 MB

# One call in a fresh interpreter: prints wall seconds and peak RSS in KB.
NUMPY_CHILD = r"""
import resource, sys, time
import numpy as np
np._set_promotion_state("weak")
sys.path.insert(0, sys.argv[1])
import memory_workloads as w
x = np.load(sys.argv[2])
start = time.perf_counter()
out = getattr(w, sys.argv[3])(x, int(sys.argv[4]))
seconds = time.perf_counter() - start
first = out[0] if isinstance(out, tuple) else out
np.save(sys.argv[5], first)
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run_pygraft(exe, graph, fn, x_path, n, out_dir):
    argv = [GNU_TIME, "-f", "%e %M", exe, "run", graph, "--entry", fn, "--out", out_dir, "--",
            "@" + x_path, str(n)]
    proc = subprocess.run(argv, capture_output=True, text=True, check=True)
    seconds, kb = proc.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kb) / 1024.0


def run_numpy(fn, x_path, n, out_path):
    proc = subprocess.run([sys.executable, "-c", NUMPY_CHILD, HERE, x_path, fn, str(n), out_path],
                          capture_output=True, text=True, check=True)
    seconds, kb = proc.stdout.split()
    return float(seconds), int(kb) / 1024.0


def first_output(out_dir):
    names = sorted(f for f in os.listdir(out_dir) if f.endswith(".npy"))
    return np.load(os.path.join(out_dir, names[0]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pygraft", required=True)
    parser.add_argument("--counts", type=int, nargs="+", default=[10, 100, 1000, 10000])
    parser.add_argument("--workloads", nargs="+", default=WORKLOADS)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    if not os.path.exists(GNU_TIME):
        sys.exit("memory.py needs GNU time (%s; Debian package `time`)" % GNU_TIME)
    with tempfile.TemporaryDirectory() as work:
        graph = os.path.join(work, "memory.pgraph")
        subprocess.run([args.pygraft, "compile", os.path.join(HERE, "memory_workloads.py"), "-o",
                        graph], check=True)
        x_path = os.path.join(work, "x.npy")
        np.save(x_path, np.random.default_rng(3).standard_normal(ELEMENTS).astype(np.float32))
        rows = []
        for fn in args.workloads:
            out_dir = os.path.join(work, "out_" + fn)
            numpy_out = os.path.join(work, fn + "_numpy.npy")
            run_pygraft(args.pygraft, graph, fn, x_path, 10, out_dir)
            run_numpy(fn, x_path, 10, numpy_out)
            ours, theirs = first_output(out_dir), np.load(numpy_out)
            if ours.dtype != theirs.dtype or not np.allclose(ours, theirs, rtol=1e-4, atol=1e-5):
                sys.exit("%s: pygraft and NumPy disagree" % fn)
            for n in args.counts:
                ps, pm = run_pygraft(args.pygraft, graph, fn, x_path, n, out_dir)
                ns, nm = run_numpy(fn, x_path, n, numpy_out)
                rows.append((fn, n, pm, ps, nm, ns))
    header = ["workload", "iterations", "pygraft peak MB", "pygraft s", "NumPy peak MB",
              "NumPy s"]
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|---|" + "---:|" * (len(header) - 1))
        for fn, n, pm, ps, nm, ns in rows:
            print("| %s | %d | %.1f | %.2f | %.1f | %.2f |" % (fn, n, pm, ps, nm, ns))
    else:
        print("%-12s %10s %16s %10s %14s %8s" % tuple(header))
        for fn, n, pm, ps, nm, ns in rows:
            print("%-12s %10d %16.1f %10.2f %14.1f %8.2f" % (fn, n, pm, ps, nm, ns))


if __name__ == "__main__":
    main()
