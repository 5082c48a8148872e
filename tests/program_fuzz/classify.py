"""Runs one generated case through CPython + NumPy and pygraft and sorts the
outcome into the categories of issue 8, by the rules of the differential
harness (tests/diff/run_diff.py, whose oracle and comparison are imported,
not copied).

Categories:
  agree               same values / dtypes / shapes / prints, or both raise
                      on the same line (and, once pygraft names it, the same
                      exception or a base class of it)
  py-raises-pg-runs   CPython raises, pygraft exits 0
  py-runs-pg-raises   CPython returns, pygraft exits 3
  wrong-result        both return, but a value, shape, dtype, output count
                      or printed text differs
  wrong-error         both raise, on another line or another exception, or
                      pygraft's exit 3 breaks the error format
  refused             `pygraft compile` exits 1 (signature: diagnostic code)
  crash               exit 2, another exit code, a signal or a timeout
  generator           the generator's own prediction disagrees with the
                      oracle, or the oracle's value is not representable: a
                      bug of the generator, not of pygraft
"""

import dis
import os
import re
import signal
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "diff"))
sys.path.insert(0, HERE)

import run_diff  # noqa: E402  (sets NEP 50 weak promotion and zero-filled np.empty)

import alias  # noqa: E402

CATEGORIES = ("agree", "py-raises-pg-runs", "py-runs-pg-raises", "wrong-result", "wrong-error",
              "refused", "crash", "generator")
MISMATCHES = CATEGORIES[1:]
EXC_NAME_RE = re.compile(r"runtime error: ([A-Z]\w*(?:Error|Exception|Warning|Interrupt))\b:?")
DIAG_RE = re.compile(r"^\S+:\d+:\d+: error\[(PG\d+)\]: (.*)$", re.M)
PG_ERROR_RE = re.compile(r"^\S+\.py:(\d+):\d+: runtime error: (.*)$", re.M)


class Verdict:
    def __init__(self, category, signature="", detail="", key=None):
        self.category = category
        self.signature = signature  # groups mismatches by cause in the summary
        self.detail = detail        # one line for humans
        # What a reduction must preserve: the exact messages (so that a
        # reduction does not drift to another bug with a similar message).
        self.key = key or signature

    def __repr__(self):
        return "%s: %s" % (self.category, self.signature)


def normalize(msg, limit=110):
    """A message with the parts that vary per program taken out."""
    msg = msg.strip().split("\n")[0]
    msg = re.sub(r"'[^']*'", "'_'", msg)
    msg = re.sub(r"\((?:\s*-?\d+\s*,?)+\)", "(S)", msg)
    msg = re.sub(r"\[(?:\s*-?\d+\s*,?)+\]", "[S]", msg)
    msg = re.sub(r"-?\b\d+(\.\d+)?(e[-+]?\d+)?\b", "N", msg)
    return msg[:limit]


# ---------------------------------------------------------------- the oracle

class OracleTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise OracleTimeout()


_module_index = [0]


def run_oracle(path, fn, args, timeout):
    """run_diff's oracle on one case, with a time limit (a reduced program
    may loop forever). Returns (raised, value_or_exc, printed) or None on a
    timeout or an import failure."""
    case = run_diff.Case(path, 0, fn, args, None)
    _module_index[0] += 1
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        module = run_diff.load_module(path, 100000 + _module_index[0])
        result = run_diff.run_oracle(module, case)
        if result[0] and isinstance(result[1], OracleTimeout):
            return None
        return result
    except Exception:  # noqa: BLE001 - OracleTimeout or an import error
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def run_pygraft(pygraft, path, graph, fn, args, timeout):
    """(compile result, run result or None); each is (exit, stdout, stderr)."""
    compiled = run_diff.run_tool([pygraft, "compile", path, "-o", graph], timeout)
    if compiled[0] != 0:
        return compiled, None
    ran = run_diff.run_tool([pygraft, "run", graph, "--entry", fn, "--"] + list(args), timeout)
    return compiled, ran


# ---------------------------------------------------------------- verdicts

def refusal(stderr, source):
    diags = DIAG_RE.findall(stderr)
    if not diags:
        return Verdict("crash", "compile exit 1 without a diagnostic", stderr[:300], "compile-exit-1")
    code, message = diags[0]
    sig = "%s %s" % (code, normalize(message, 70))
    if code == "PG0401" and source is not None:
        return aliasing_refusal(stderr, source, message)
    return Verdict("refused", sig, message, "%s %s" % (code, message))


PG0401_RE = re.compile(r"^\S+:(\d+):\d+: error\[PG0401\]: in-place change of '([^']+)' also changes '([^']+)'",
                       re.M)


def aliasing_refusal(stderr, source, message):
    """PG0401 split by whether the two names can share at all (alias.py)."""
    m = PG0401_RE.search(stderr)
    if not m:
        return Verdict("refused", "PG0401 " + normalize(message, 70), message, "PG0401")
    line, changed, other = int(m.group(1)), m.group(2), m.group(3)
    verdict = alias.pg0401_verdict(source, line, changed, other)
    if verdict == "internal name":
        sig = "PG0401 against internal name '%s' (false: nothing can share it)" % other
    elif verdict == "module constant":
        sig = "PG0401 against a module constant (false: constants are immutable)"
    elif verdict == "never share":
        sig = "PG0401 (false: no binding lets the two names share)"
    else:
        sig = "PG0401 (the names may share, flow-insensitively)"
    return Verdict("refused", sig, message, "PG0401:%s:%s" % (verdict, message))


def tool_failure(stage, result):
    code, out, err = result
    if code is None:
        return Verdict("crash", "%s timeout" % stage, err, "%s-timeout" % stage)
    if code < 0:
        return Verdict("crash", "%s killed by signal %d" % (stage, -code), err[:300],
                       "%s-signal-%d" % (stage, -code))
    first = err.strip().split("\n")[0] if err.strip() else out.strip()[:100]
    return Verdict("crash", "%s exit %d: %s" % (stage, code, normalize(first)), err[:300],
                   "%s-exit-%d" % (stage, code))


def pg_error(stderr):
    m = PG_ERROR_RE.search(stderr)
    return (int(m.group(1)), m.group(2)) if m else (None, stderr.strip().split("\n")[0] if stderr else "")


def python_line(exc, path):
    """The line where CPython raised (run_diff.raising_line), corrected for
    CPython 3.11 reporting an UnboundLocalError on the line of the
    instruction before the failing read (after some loops): the line of the
    first read of the variable at or after the reported instruction."""
    line = run_diff.raising_line(exc, path)
    if not isinstance(exc, UnboundLocalError):
        return line
    m = re.search(r"local variable '(\w+)'", str(exc))
    tb = exc.__traceback__
    target = os.path.realpath(path)
    frame_tb = None
    while tb is not None:
        if os.path.realpath(tb.tb_frame.f_code.co_filename) == target:
            frame_tb = tb
        tb = tb.tb_next
    if not m or frame_tb is None:
        return line
    for ins in dis.get_instructions(frame_tb.tb_frame.f_code):
        if ins.offset >= frame_tb.tb_lasti and ins.opname.startswith("LOAD_FAST") \
                and ins.argval == m.group(1):
            return ins.positions.lineno or line
    return line


def both_raised(exc, path, out, err, check_exc):
    exc_name = type(exc).__name__
    if out.strip():
        return Verdict("wrong-error", "exit 3 with output on stdout", out[:200], "stdout")
    line, message = pg_error(err)
    if line is None:
        return Verdict("wrong-error", "exit 3 without a FILE:LINE:COL runtime error line",
                       err[:300], "no-line")
    want = python_line(exc, path)
    if want is not None and line != want:
        sig = "line: Python %s: %s | pygraft: %s" % (exc_name, normalize(str(exc), 60), normalize(message, 60))
        return Verdict("wrong-error", sig, "CPython line %d, pygraft line %d: %s" % (want, line, message),
                       "line:%s:%s" % (exc_name, message))
    m = EXC_NAME_RE.search(err)
    if check_exc and m:
        bases = [c.__name__ for c in type(exc).__mro__]
        if m.group(1) not in bases:
            sig = "exception: Python %s, pygraft %s" % (exc_name, m.group(1))
            return Verdict("wrong-error", sig, "%s: %s | %s" % (exc_name, exc, message),
                           "exc:%s:%s" % (exc_name, m.group(1)))
    return Verdict("agree", "raises")


def result_kind(reason):
    """The class of a compare_document reason, for grouping."""
    m = re.search(r"dtype (\w+), expected (\w+)", reason)
    if m:
        return "dtype: pygraft %s, Python %s" % (m.group(1), m.group(2))
    if "shape" in reason and "expected" in reason:
        return "shape"
    if re.search(r"\d+ outputs, expected \d+", reason):
        return "output count"
    if "null" in reason or "expected a nested" in reason or "expected float" in reason \
            or "expected int" in reason or "expected bool" in reason:
        return "output kind"
    if "element" in reason:
        m = re.search(r"output \d+: element", reason)
        return "value"
    return normalize(reason, 60)


def _number_token(tok):
    tok = tok.strip("[](),")
    try:
        return float(tok), ("." in tok or "e" in tok or "n" in tok)
    except ValueError:
        return None, None


def print_kind(printed, err):
    """'print: last digits of a float' when every difference is a float
    printed with other last digits (within the value tolerance), else
    'print: text'."""
    want = printed.splitlines()
    got = err.splitlines()[:len(want)]
    if len(got) != len(want):
        return "print: text"
    for w, g in zip(want, got):
        wt, gt = w.split(), g.split()
        if len(wt) != len(gt):
            return "print: text"
        for a, b in zip(wt, gt):
            if a == b:
                continue
            (fa, ka), (fb, kb) = _number_token(a), _number_token(b)
            if fa is None or fb is None or ka != kb or not abs(fa - fb) <= 1e-12 + 1e-6 * abs(fa):
                return "print: text"
    return "print: last digits of a float"


def judge(path, fn, args, oracle, compiled, ran, check_exc=True, source=None, predicted=None):
    """The Verdict of one case."""
    if oracle is None:
        return Verdict("generator", "oracle timed out or the module did not import", "", "oracle")
    raised, value, printed = oracle
    if predicted is not None and predicted != raised:
        return Verdict("generator", "generator predicted %s, CPython %s" % (
            "raise" if predicted else "return", "raised %s" % type(value).__name__ if raised else "returned"),
            repr(value)[:200], "gen")
    if not raised:
        try:
            want = run_diff.expected_outputs(value)
        except run_diff.Unsupported as e:
            return Verdict("generator", "unrepresentable result: %s" % e, "", "gen")
    if compiled[0] == 1:
        return refusal(compiled[2], source)
    if compiled[0] != 0:
        return tool_failure("compile", compiled)
    code, out, err = ran
    if code not in (0, 3):
        return tool_failure("run", ran)
    if raised:
        if code == 0:
            sig = "%s: %s" % (type(value).__name__, normalize(str(value)))
            exact = "%s: %s" % (type(value).__name__, value)
            return Verdict("py-raises-pg-runs", sig, exact, exact)
        return both_raised(value, path, out, err, check_exc)
    if code == 3:
        line, message = pg_error(err)
        sig = normalize(message)
        return Verdict("py-runs-pg-raises", sig, "line %s: %s" % (line, message), message)
    reason = run_diff.compare_document(out, want)
    if reason:
        kind_ = result_kind(reason)
        return Verdict("wrong-result", kind_, reason, kind_)
    if printed and not run_diff.printed_text_matches(printed, err):
        kind_ = print_kind(printed, err)
        return Verdict("wrong-result", kind_, "printed %r, stderr %r" % (printed[:100], err[:100]), kind_)
    return Verdict("agree", "returns")


# ---------------------------------------------------------------- one case

def case_line(entry, args, raises):
    return "# CASE %s: %s%s\n" % (entry, " ".join(args), " -> exit 3" if raises else "")


def strip_case(source):
    """The module without its `# CASE` lines."""
    return "".join(l for l in source.splitlines(True) if not run_diff.CASE_RE.match(l))


class Runner:
    """Evaluates cases: pygraft executable, time limit, exception check."""

    def __init__(self, pygraft, timeout=10.0, check_exc=True):
        self.pygraft, self.timeout, self.check_exc = pygraft, timeout, check_exc

    def write(self, path, body, entry, args, raises):
        with open(path, "w", encoding="utf-8") as f:
            f.write(body.rstrip("\n") + "\n\n\n" + case_line(entry, args, raises))

    def oracle(self, path, body, entry, args, predicted=False):
        """Writes the case file (annotated with the oracle's answer) and
        returns the oracle's result."""
        self.write(path, body, entry, args, predicted)
        oracle = run_oracle(path, entry, args, self.timeout)
        if oracle is not None and oracle[0] != predicted:
            self.write(path, body, entry, args, oracle[0])
        return oracle

    def tool(self, path, entry, args):
        return run_pygraft(self.pygraft, path, path[:-3] + ".pgraph", entry, args, self.timeout)

    def evaluate(self, path, body, entry, args, predicted=None):
        """(Verdict, oracle, compiled, ran) of one case, sequentially."""
        oracle = self.oracle(path, body, entry, args, bool(predicted))
        compiled, ran = self.tool(path, entry, args)
        verdict = judge(path, entry, args, oracle, compiled, ran, self.check_exc, body, predicted)
        return verdict, oracle, compiled, ran
