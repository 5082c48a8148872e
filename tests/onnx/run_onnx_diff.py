#!/usr/bin/python3
"""ONNX differential harness: pygraft's ONNX export, run in ONNX Runtime, against CPython + NumPy.

Usage:
    /usr/bin/python3 tests/onnx/run_onnx_diff.py --pygraft build/cli/pygraft tests/cases samples
Options: -j N (parallel compiles), --filter SUBSTR, --verbose, --node NODE,
         --timeout SECONDS (per compile), --summary-json PATH.

The cases are run_diff.py's (`# CASE fn: ARG ...` lines, tests/cases/README.md).
Each case is exported on its own, because the example arguments fix the
ONNX input types:

    pygraft compile FILE.py --emit onnx --entry FN -o TMP/N.onnx --diagnostics json -- ARG...

Exit 0 is an exported model; exit 1 a refusal, counted by the codes of its
error diagnostics (the JSON array on stdout); any other exit, a signal or a
timeout is a FAIL. `-> exit N` cases are skipped: CPython raises there and
ONNX has no exceptions. All exported models then run in one
tests/onnx/run_onnx.js process (onnxruntime-node from the repository's
node_modules), and each result is judged by run_diff.py's comparison against
the oracle: same dtypes, shapes and tolerances. Printed text is not compared:
the exporter refuses functions that print.

Output: `FAIL name: reason` per failing case (`PASS name` too with
--verbose), then the summary. Exit status 1 when an exported case
mismatches or fails in ONNX Runtime or a compile crashes (exit other than
0/1), 2 on usage errors, else 0: refusals are reported, not failures.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "diff"))
import run_diff  # noqa: E402  (after the path; sets NumPy's promotion mode as the oracle needs)

RUN_ONNX = os.path.join(HERE, "run_onnx.js")
KNOWN_DIFFERENCES = os.path.join(HERE, "known_differences.txt")
# Exit statuses of a process killed by a signal (negative: subprocess's form).
CRASH_CODES = {-4, -6, -7, -8, -11, 132, 134, 135, 136, 139}
TOP_MESSAGES = 3  # refusal messages shown per code with --verbose


class Outcome:
    """What happened to one case: its status and, for a failure, why."""

    SKIPPED, REFUSED, EXPORTED, COMPILE_FAILED = "skipped", "refused", "exported", "compile_failed"

    def __init__(self, case, module):
        self.case = case
        self.module = module
        self.status = None
        self.model = None
        self.command = None
        self.diagnostics = []  # the error diagnostics of a refusal
        self.failure = None  # None, or the reason of a FAIL
        self.known_difference = None  # the reason, for a listed mismatch
        self.ort_error = False
        self.details = []  # --verbose lines


# ---------------------------------------------------------------- cases

def plan_cases(paths, name_filter):
    """The cases of all files with their modules (or import errors), in
    file order; raises ValueError on a malformed CASE line."""
    outcomes = []
    for index, path in enumerate(run_diff.collect_files(paths)):
        cases = [c for c in run_diff.parse_cases(path) if name_filter in c.name]
        if not cases:
            continue
        try:
            module = run_diff.load_module(path, index)
        except Exception as e:  # noqa: BLE001 - the import error is each case's oracle answer
            module = e
        outcomes.extend(Outcome(case, module) for case in cases)
    return outcomes


# ---------------------------------------------------------------- exporting

def compile_command(pygraft, case, model):
    return [pygraft, "compile", case.path, "--emit", "onnx", "--entry", case.fn, "-o", model,
            "--diagnostics", "json", "--"] + case.args


def parse_diagnostics(*texts):
    """The diagnostics array from the first of `texts` (stdout, stderr)
    holding one: the whole text, else the first JSON array in it whose
    items are objects (text lines may surround it)."""
    decoder = json.JSONDecoder()
    for text in texts:
        start = text.find("[")
        while start != -1:
            try:
                value, _ = decoder.raw_decode(text, start)
            except ValueError:
                value = None
            if isinstance(value, list) and all(isinstance(d, dict) for d in value):
                return value
            start = text.find("[", start + 1)
    return []


def classify_compile(outcome, result):
    """Sets outcome's status from the compile's (exit code, stdout, stderr)."""
    code, out, err = result
    outcome.details.append("  $ %s" % " ".join(outcome.command))
    outcome.details.append("  exit %s stdout: %s stderr: %s" % (
        code, run_diff.short(out, 2000), run_diff.short(err, 2000)))
    if code == 0 and os.path.isfile(outcome.model):
        outcome.status = Outcome.EXPORTED
        return
    outcome.status = Outcome.COMPILE_FAILED
    if code is None:
        outcome.failure = "compile: %s" % err
    elif code < 0:
        outcome.failure = "compile killed by signal %d; stderr: %s" % (-code, run_diff.short(err))
    elif code == 0:
        outcome.failure = "compile exited 0 but wrote no model"
    elif code != 1:
        outcome.failure = "compile exit %d; stderr: %s" % (code, run_diff.short(err))
    else:
        outcome.status = Outcome.REFUSED
        diagnostics = parse_diagnostics(out, err)
        outcome.diagnostics = [d for d in diagnostics if d.get("severity") == "error"] or [
            {"code": "(no diagnostics)", "message": run_diff.short(err or out, 200)}]


def export_all(outcomes, opts, tmp):
    """Compiles every case not skipped, `opts.jobs` at a time."""
    with concurrent.futures.ThreadPoolExecutor(max(1, opts.jobs)) as pool:
        futures = []
        for i, outcome in enumerate(outcomes):
            if outcome.case.expect_exit is not None:
                outcome.status = Outcome.SKIPPED
                continue
            outcome.model = os.path.join(tmp, "%d.onnx" % i)
            outcome.command = compile_command(opts.pygraft, outcome.case, outcome.model)
            futures.append((outcome, pool.submit(run_diff.run_tool, outcome.command, opts.timeout)))
        for outcome, future in futures:
            classify_compile(outcome, future.result())


# ---------------------------------------------------------------- running

def graph_inputs(args):
    """The arguments that are graph inputs: a str or None argument is
    compiled into the model as a constant (docs/onnx.md), not an input."""
    return [a for a in args if not (a.startswith('"') or a == "null")]


def run_models(exported, opts, tmp):
    """Runs all exported models in run_onnx.js processes; returns
    {id: result line as a dict} and, when a process failed, why.

    The cases run in order in one process; when ONNX Runtime kills it (a
    signal from a kernel), the first case without a result is the one that
    crashed: it gets that as its error and the rest run in a new process."""
    manifest = [{"id": str(i), "model": o.model, "args": graph_inputs(o.case.args)}
                for i, o in enumerate(exported)]
    results = {}
    problem = None
    while manifest:
        path = os.path.join(tmp, "manifest.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(manifest, f)
        timeout = opts.timeout + 2.0 * len(manifest)
        code, out, err = run_diff.run_tool([opts.node, RUN_ONNX, path], timeout)
        for line in out.splitlines():
            try:
                result = json.loads(line)
            except ValueError:
                continue
            if isinstance(result, dict) and "id" in result:
                results[result["id"]] = result
        if code == 0:
            break
        remaining = [m for m in manifest if m["id"] not in results]
        if not remaining or len(remaining) == len(manifest) and code not in CRASH_CODES:
            problem = "run_onnx.js exit %s: %s" % (code, run_diff.short(err))
            break
        culprit = remaining[0]
        results[culprit["id"]] = {"id": culprit["id"],
                                  "error": "ONNX Runtime crashed (run_onnx.js exit %s)" % code}
        manifest = remaining[1:]
    return results, problem


def oracle_answer(outcome):
    """(raised, value or exception) of CPython for the case; a module that
    failed to import raised its import error."""
    if isinstance(outcome.module, Exception):
        return True, outcome.module
    raised, value, _ = run_diff.run_oracle(outcome.module, outcome.case)
    return raised, value


def load_known_differences(path):
    """{"FILE.py::FUNCTION": reason} from known_differences.txt."""
    known = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, reason = line.partition("  ")
                known[name.strip()] = reason.strip()
    return known


def function_name(case_name):
    """"tests/cases/x.py::fn(args)" -> "tests/cases/x.py::fn"."""
    return case_name.split("(", 1)[0]


def listed_name(name, known):
    """The known_differences.txt entry naming this function (the list names
    files relative to the repository, the cases may have absolute paths)."""
    for key in known:
        if name == key or name.endswith("/" + key):
            return key
    return None


def apply_known_differences(outcomes, known):
    """A mismatch of a listed function becomes a known difference; a listed
    function whose cases all match fails, so the list stays true."""
    listed = collections.defaultdict(list)
    for o in outcomes:
        name = listed_name(function_name(o.case.name), known)
        if o.status == Outcome.EXPORTED and name:
            listed[name].append(o)
    for name, cases in listed.items():
        mismatched = [o for o in cases if o.failure is not None and not o.ort_error]
        for o in mismatched:
            o.known_difference = "%s (was: %s)" % (known[name], o.failure)
            o.failure = None
        if not mismatched:
            cases[0].failure = ("listed in known_differences.txt but every case matches: "
                                "remove the line")


def judge_run(outcome, result, problem):
    """Sets outcome.failure from run_onnx.js's line for it, judged as
    run_diff.py judges `pygraft run` (printed text left out)."""
    if result is None:
        outcome.ort_error = True
        outcome.failure = "no result from run_onnx.js (%s)" % (problem or "line missing")
        return
    if "error" in result:
        outcome.ort_error = True
        outcome.failure = "ONNX Runtime: %s" % result["error"]
        return
    document = json.dumps({"outputs": result.get("outputs")})
    outcome.details.append("  onnxruntime: %s" % run_diff.short(document, 2000))
    raised, value = oracle_answer(outcome)
    outcome.details.append("  oracle %s: %s" % ("raised" if raised else "returned",
                                                  run_diff.short(repr(value), 2000)))
    outcome.failure = run_diff.judge(outcome.case, (raised, value, ""), (0, document, ""))


# ---------------------------------------------------------------- reporting

def counts(outcomes):
    """The summary's numbers, as --summary-json writes them."""
    by_status = collections.Counter(o.status for o in outcomes)
    exported = [o for o in outcomes if o.status == Outcome.EXPORTED]
    refused_by_code = collections.Counter()
    for o in outcomes:
        refused_by_code.update({d.get("code", "(no code)") for d in o.diagnostics})
    return {
        "total": len(outcomes),
        "exported": len(exported),
        "matched": sum(1 for o in exported if o.failure is None and not o.known_difference),
        "mismatched": sum(1 for o in exported if o.failure is not None and not o.ort_error),
        "known_differences": sum(1 for o in exported if o.known_difference),
        "ort_errors": sum(1 for o in exported if o.ort_error),
        "refused": by_status[Outcome.REFUSED],
        "refused_by_code": dict(sorted(refused_by_code.items(), key=lambda kv: (-kv[1], kv[0]))),
        "skipped_raises": by_status[Outcome.SKIPPED],
        "compile_failures": by_status[Outcome.COMPILE_FAILED],
    }


def print_cases(outcomes, verbose):
    """FAIL lines (and PASS lines with --verbose) in case order."""
    for o in outcomes:
        if o.failure is not None:
            print("FAIL %s: %s" % (o.case.name, o.failure))
        elif o.known_difference:
            print("KNOWN %s: %s" % (o.case.name, o.known_difference))
        elif verbose and o.status == Outcome.EXPORTED:
            print("PASS %s" % o.case.name)
        else:
            continue
        if verbose:
            for line in o.details:
                print(line)


def top_messages(outcomes, code):
    """The most frequent messages of refusals with `code`, most frequent first."""
    messages = collections.Counter(d.get("message", "") for o in outcomes for d in o.diagnostics
                                   if d.get("code", "(no code)") == code)
    return messages.most_common(TOP_MESSAGES)


def print_summary(outcomes, numbers, verbose):
    print("%(total)d cases: %(exported)d exported (%(matched)d matched, "
          "%(known_differences)d known differences, "
          "%(mismatched)d mismatched, %(ort_errors)d failed in ONNX Runtime), "
          "%(refused)d refused, %(skipped_raises)d skipped (raises in CPython), "
          "%(compile_failures)d compiles crashed or exited 2" % numbers)
    if numbers["refused_by_code"]:
        print("refused by code:")
    for code, count in numbers["refused_by_code"].items():
        print("  %-18s %d" % (code, count))
        if verbose:
            for message, n in top_messages(outcomes, code):
                print("      %4d  %s" % (n, run_diff.short(message, 200)))


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", help="case files or directories")
    ap.add_argument("--pygraft", required=True, help="path of the pygraft executable")
    ap.add_argument("--node", default="node", help="the Node.js executable")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1, dest="jobs")
    ap.add_argument("--filter", default="", help="run only cases whose name contains SUBSTR")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per compile")
    ap.add_argument("--summary-json", help="also write the summary's counts to this file")
    opts = ap.parse_args(argv)

    try:
        outcomes = plan_cases(opts.paths, opts.filter)
    except (OSError, ValueError) as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    if not outcomes:
        print("error: no cases found in %s" % " ".join(opts.paths), file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="pygraft-onnx-") as tmp:
        export_all(outcomes, opts, tmp)
        exported = [o for o in outcomes if o.status == Outcome.EXPORTED]
        if exported:
            results, problem = run_models(exported, opts, tmp)
            for i, outcome in enumerate(exported):
                judge_run(outcome, results.get(str(i)), problem)
            apply_known_differences(outcomes, load_known_differences(KNOWN_DIFFERENCES))

    numbers = counts(outcomes)
    print_cases(outcomes, opts.verbose)
    print_summary(outcomes, numbers, opts.verbose)
    if opts.summary_json:
        with open(opts.summary_json, "w", encoding="utf-8") as f:
            json.dump(numbers, f, indent=2)
            f.write("\n")
    return 1 if any(o.failure is not None for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
