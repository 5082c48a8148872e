#!/usr/bin/env python3
"""The compile-speed benchmark: `pygraft check` and `pygraft compile` against
CPython's own compile() of the same file.

    /usr/bin/python3 benchmarks/compile/run.py --pygraft build/cli/pygraft

generates the standard set of files (benchmarks/compile/gen_model.py) into a
scratch directory, then, for each file, runs `pygraft check`, `pygraft
compile` and CPython's compile() in turn, --runs times (interleaved, so a
burst of load on a shared machine hits all three alike), and prints the
median of each:

    file  lines  check ms  compile ms  lines/s  peak RSS MB  CPython ms  ratio
    CPython warm ms  ratio warm

Times are processor time (user + system), which a busy shared machine
disturbs far less than elapsed time (--wall for that). lines/s is for
`compile`; peak RSS is the largest resident set of the `compile` process
(GNU time's %M, else getrusage of the child); ratio is compile ms / CPython
ms (below 1: faster than CPython). pygraft's times are those of the whole
process (start-up, reading the file, writing the graph). "CPython ms" is
the compile() call alone in a fresh interpreter (cold memory, as pygraft's
process has; the interpreter's start-up and the read are not counted);
"CPython warm ms" is the same call in this process, after earlier runs have
warmed its memory, and "ratio warm" compares with that. A run that fails or exceeds --timeout
is reported as such, not timed.

Options: --files NAME... limits the set (names from gen_model.STANDARD, or
paths of your own .py files); --runs N (default 5; fewer once --budget
seconds are spent on one file); --markdown prints a table for
docs/performance.md.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_model  # noqa: E402


class Failed(Exception):
    pass


GNU_TIME = "/usr/bin/time"
WALL = False  # --wall: elapsed time instead of processor time


def run_child(argv, timeout, peak_rss=False):
    """Seconds (processor or wall) of one child process and, with peak_rss,
    its peak RSS in bytes (measured through GNU time, whose own start-up
    then counts in the seconds: a few ms, so timed runs go without it)."""
    # Note: the peak RSS of a child counts what its parent held when it
    # forked (Linux keeps the high-water mark across exec), and this Python
    # process grows while CPython compiles big files; GNU time is a small
    # parent, so its %M is the command's own peak.
    with tempfile.NamedTemporaryFile() as errors, tempfile.NamedTemporaryFile() as rss:
        wrapped = [GNU_TIME, "-q", "-f", "%M", "-o", rss.name] + argv if (
            peak_rss and os.path.exists(GNU_TIME)) else argv
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, stdout=subprocess.DEVNULL, stderr=errors)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if seconds >= timeout:
            raise Failed("timeout (> %g s)" % timeout)
        if proc.returncode != 0:
            errors.seek(0)
            first = errors.read().decode(errors="replace").strip().splitlines()[:1]
            raise Failed("exit %d: %s" % (proc.returncode, first[0] if first else ""))
        rss.seek(0)
        reported = rss.read().decode().strip().splitlines()
        kilobytes = int(reported[-1]) if reported and reported[-1].isdigit() else usage.ru_maxrss
        # Note: the rusage of GNU time includes the command it waited for.
        cpu = usage.ru_utime + usage.ru_stime
    return (seconds if WALL else cpu), kilobytes * 1024


def cpython_compile(path):
    """compile() of the file in this process, where earlier runs have warmed
    the interpreter's memory (its arenas are reused)."""
    with open(path, encoding="utf-8") as f:
        source = f.read()
    clock = time.perf_counter if WALL else time.process_time
    start = clock()
    compile(source, path, "exec")
    return clock() - start


FRESH = """
import sys, time
source = open(sys.argv[1], encoding="utf-8").read()
clock = time.perf_counter if sys.argv[2] == "wall" else time.process_time
start = clock()
compile(source, sys.argv[1], "exec")
print(clock() - start)
"""


def cpython_compile_fresh(path, timeout):
    """compile() of the file in a fresh interpreter, the call alone (not the
    interpreter's start-up or the read): cold memory, as a pygraft process
    has."""
    out = subprocess.run([sys.executable, "-c", FRESH, path, "wall" if WALL else "cpu"],
                         capture_output=True, text=True, timeout=timeout, check=True)
    return float(out.stdout.strip())


def measure(pygraft, path, runs, timeout, workdir, budget):
    graph = os.path.join(workdir, "out.pgraph")
    check = [pygraft, "check", path]
    comp = [pygraft, "compile", path, "-o", graph]
    times = {"check": [], "compile": [], "cpython": [], "cpython_fresh": []}
    rss = 0
    start = time.perf_counter()
    for _ in range(runs):
        # Note: a file that takes long (a slow build of pygraft) is measured
        # fewer times rather than holding the benchmark for minutes.
        if times["check"] and time.perf_counter() - start > budget:
            break
        times["check"].append(run_child(check, timeout)[0])
        times["compile"].append(run_child(comp, timeout)[0])
        if rss == 0:
            rss = run_child(comp, timeout, peak_rss=True)[1]
        times["cpython"].append(cpython_compile(path))
        times["cpython_fresh"].append(cpython_compile_fresh(path, timeout))
    median = {k: statistics.median(v) for k, v in times.items()}
    median["rss"] = rss
    return median


def count_lines(path):
    with open(path, "rb") as f:
        return f.read().count(b"\n")


def resolve_files(names, workdir):
    standard = {name: (shape, size) for name, shape, size in gen_model.STANDARD}
    chosen = names or [name for name, _, _ in gen_model.STANDARD]
    paths = []
    for name in chosen:
        if name in standard:
            shape, size = standard[name]
            path = os.path.join(workdir, name)
            with open(path, "w") as f:
                f.write(gen_model.SHAPES[shape][1](size))
            paths.append(path)
        elif os.path.exists(name):
            paths.append(name)
        else:
            sys.exit("run.py: no such benchmark file: %s" % name)
    return paths


COLUMNS = ["file", "lines", "check ms", "compile ms", "lines/s", "peak RSS MB", "CPython ms",
           "ratio", "CPython warm ms", "ratio warm"]


def row_for(path, m):
    lines = count_lines(path)
    return [os.path.basename(path), "%d" % lines, "%.1f" % (m["check"] * 1e3),
            "%.1f" % (m["compile"] * 1e3), "%.0f" % (lines / m["compile"]),
            "%.1f" % (m["rss"] / 1e6), "%.1f" % (m["cpython_fresh"] * 1e3),
            "%.2f" % (m["compile"] / m["cpython_fresh"]), "%.1f" % (m["cpython"] * 1e3),
            "%.2f" % (m["compile"] / m["cpython"])]


def print_row(cells, markdown):
    if markdown:
        print("| " + " | ".join(cells) + " |", flush=True)
    else:
        widths = [22, 7, 9, 11, 9, 12, 11, 6, 16, 11]
        print("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in
                        enumerate(zip(cells, widths))), flush=True)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pygraft", default="build/cli/pygraft")
    parser.add_argument("--files", nargs="*")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--budget", type=float, default=30.0,
                        help="no further runs of a file once this many seconds are spent on it")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--wall", action="store_true",
                        help="elapsed time instead of processor time (user + system)")
    args = parser.parse_args(argv)
    global WALL
    WALL = args.wall
    pygraft = os.path.abspath(args.pygraft)
    with tempfile.TemporaryDirectory(prefix="pygraft-bench-") as workdir:
        paths = resolve_files(args.files, workdir)
        print_row(COLUMNS, args.markdown)
        if args.markdown:
            print("|" + "---|" * len(COLUMNS))
        for path in paths:
            try:
                print_row(row_for(path, measure(pygraft, path, args.runs, args.timeout, workdir,
                                                 args.budget)),
                          args.markdown)
            except Failed as e:
                cells = [os.path.basename(path), "%d" % count_lines(path), str(e)]
                print_row(cells + [""] * (len(COLUMNS) - len(cells)), args.markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
