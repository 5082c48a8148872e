#!/usr/bin/env python3
"""Per-code diagnostic tests: every offending line of a case file says what it
expects inline, and the compiler must report exactly that.

Markers (STYLE.md rule 6), in a comment on the offending line:
    x = [v for v in y]  # expect: PG0202
    def f(*a, **k):     # expect: PG0115 PG0116
    return y            # expect: PG0501 warning
    return np.tanhh(x)  # expect: PG0303 [did you mean 'np.tanh']
A severity after a code must match (default: the code's severity in
support/diag_codes.def); a [bracketed] text must occur in the message.
A line `# args: ...` passes extra arguments (`# args: --Werror`); when they
start with `compile` the file is compiled instead of checked.
A case file without markers must produce no diagnostics at all.

For every case the runner checks, in JSON mode (`--diagnostics json`):
  - the (line, code) pairs equal the markers exactly, severities and message
    texts match, the exit code is 1 when an error is expected and 0 otherwise;
  - the keys are exactly file line column end_line end_column severity code
    message, the array is in source order, `[]` for a clean file;
  - each range lies on real source text: 1 <= column <= len(line) + 1, end
    after start, the end column within the end line;
  - each message is a sentence that names the construct (a quoted name or
    keyword) or says what to do instead (text after ';'), or both;
and in text mode (stderr) that every diagnostic is printed as
`file:line:col: severity[code]: message`, the source line, and a caret with
tildes under the whole range, in the same order as JSON.
It also generates byte-level cases that cannot live in a text file (invalid
UTF-8, NUL bytes, deep nesting and indentation), and checks colour: none when stderr is not a
terminal, none with NO_COLOR, ANSI colour on a terminal (via `script`).

Usage: run_diagnostics.py --pygraft PATH [CASE.py | DIR]...
Prints one line per case and `N passed, M failed`; exits 1 on any failure.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEF_FILE = os.path.join(ROOT, "support", "diag_codes.def")
JSON_KEYS = ["file", "line", "column", "end_line", "end_column", "severity", "code", "message"]
SEVERITIES = ("error", "warning", "note")

MARKER_RE = re.compile(r"#\s*expect:\s*(.*)$")
ITEM_RE = re.compile(r"(PG\d{4})(?:\s+(error|warning|note))?(?:\s*\[([^\]]*)\])?")
ARGS_RE = re.compile(r"^#\s*args:\s*(.*?)\s*(?:#.*)?$")
HEADER_RE = re.compile(r"^(.*):(\d+):(\d+): (error|warning|note)\[(PG\d{4})\]: (.*)$")
ANSI_RE = re.compile(r"\x1b\[")


def load_codes():
    """code -> (severity, rule name, help) from support/diag_codes.def."""
    codes = {}
    pattern = re.compile(r'^PG_DIAG\((\w+), "(PG\d{4})", (\w+), "([^"]*)", "((?:[^"\\]|\\.)*)"\)')
    with open(DEF_FILE, encoding="utf-8") as f:
        for line in f:
            m = pattern.match(line.strip())
            if m:
                codes[m.group(2)] = (m.group(3).lower(), m.group(4), m.group(5))
    return codes


class Case:
    def __init__(self, name, path, data):
        self.name = name
        self.path = path
        self.data = data
        self.lines = data.split(b"\n")
        self.args = []
        self.expected = {}  # (line, code) -> (severity or None, [texts])
        text_lines = data.decode("utf-8", errors="replace").split("\n")
        for number, line in enumerate(text_lines, start=1):
            m = ARGS_RE.match(line)
            if m and not self.args:
                self.args = m.group(1).split()
            m = MARKER_RE.search(line)
            if not m:
                continue
            for item in ITEM_RE.finditer(m.group(1)):
                code, severity, text = item.groups()
                entry = self.expected.setdefault((number, code), [None, []])
                entry[0] = severity or entry[0]
                if text:
                    entry[1].append(text)

    def command(self, pygraft, mode, out_dir):
        if self.args and self.args[0] == "compile":
            out = os.path.join(out_dir, "out.pgraph")
            return [pygraft, "compile", self.path, "-o", out, "--diagnostics", mode] + self.args[1:]
        return [pygraft, "check", self.path, "--diagnostics", mode] + self.args


def line_bytes(case, number):
    if 1 <= number <= len(case.lines):
        return case.lines[number - 1].rstrip(b"\r")
    return None


def useful_message(message):
    """Names the construct (quoted, or a count) or gives an alternative (after ';')."""
    if not message or message != message.strip() or len(message.split()) < 3:
        return False
    names_something = "'" in message or "(" in message or any(c.isdigit() for c in message)
    return names_something or ";" in message


def check_json(case, diagnostics, codes, problems):
    if not isinstance(diagnostics, list):
        problems.append("JSON output is not an array")
        return []
    seen = []
    for d in diagnostics:
        if not isinstance(d, dict) or list(d.keys()) != JSON_KEYS:
            problems.append(f"keys are {list(d.keys()) if isinstance(d, dict) else d!r}, "
                            f"expected exactly {JSON_KEYS}")
            continue
        where = f"{d['line']}:{d['column']} {d['code']}"
        if d["file"] != case.path:
            problems.append(f"{where}: file is {d['file']!r}, expected {case.path!r}")
        if d["severity"] not in SEVERITIES:
            problems.append(f"{where}: severity {d['severity']!r}")
        if d["code"] not in codes:
            problems.append(f"{where}: code not declared in diag_codes.def")
        if not useful_message(d["message"]):
            problems.append(f"{where}: message does not name the construct or an alternative: "
                            f"{d['message']!r}")
        check_range(case, d, where, problems)
        seen.append(d)
    positions = [(d["line"], d["column"]) for d in seen]
    if positions != sorted(positions):
        problems.append(f"diagnostics are not in source order: {positions}")
    return seen


def check_range(case, d, where, problems):
    line, column, end_line, end_column = d["line"], d["column"], d["end_line"], d["end_column"]
    start_text = line_bytes(case, line)
    end_text = line_bytes(case, end_line)
    if start_text is None or end_text is None:
        problems.append(f"{where}: range {line}:{column}-{end_line}:{end_column} is outside the file")
        return
    if not 1 <= column <= len(start_text) + 1:
        problems.append(f"{where}: column {column} is outside line {line} "
                        f"(length {len(start_text)})")
    if end_line < line or (end_line == line and end_column < column):
        problems.append(f"{where}: end {end_line}:{end_column} is before the start")
    if not 1 <= end_column <= len(end_text) + 1:
        problems.append(f"{where}: end column {end_column} is outside line {end_line} "
                        f"(length {len(end_text)})")


def compare(case, diagnostics, codes, problems):
    actual = {}
    for d in diagnostics:
        actual.setdefault((d["line"], d["code"]), []).append(d)
    for key in sorted(set(case.expected) - set(actual)):
        problems.append(f"missing: line {key[0]} {key[1]} "
                        f"({codes.get(key[1], ('?', '?'))[1]})")
    for key in sorted(set(actual) - set(case.expected)):
        for d in actual[key]:
            problems.append(f"unexpected: line {d['line']}:{d['column']} {d['code']} "
                            f"{d['severity']}: {d['message']}")
    for key in sorted(set(case.expected) & set(actual)):
        severity, texts = case.expected[key]
        if severity is None:
            severity = codes.get(key[1], ("error",))[0]
            if "--Werror" in case.args and severity == "warning":
                severity = "error"
        for d in actual[key]:
            if d["severity"] != severity:
                problems.append(f"line {key[0]} {key[1]}: severity {d['severity']}, "
                                f"expected {severity}")
            for text in texts:
                if text not in d["message"]:
                    problems.append(f"line {key[0]} {key[1]}: message {d['message']!r} "
                                    f"does not contain {text!r}")


def expected_caret(case, d):
    """The caret line for a diagnostic (test cases use no tabs)."""
    text = line_bytes(case, d["line"])
    end = d["end_column"] if d["end_line"] == d["line"] else len(text) + 1
    def display(byte_column):
        prefix = text[: max(byte_column - 1, 0)]
        return len(prefix.decode("utf-8", errors="replace"))
    start, stop = display(d["column"]), display(end)
    return " " * start + "^" + "~" * max(stop - start - 1, 0)


def check_text(case, stderr, diagnostics, problems):
    lines = stderr.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if ANSI_RE.search(stderr):
        problems.append("text output has ANSI colour although stderr is not a terminal")
    i = 0
    for d in diagnostics:
        if i >= len(lines):
            problems.append(f"text output ends before {d['line']}:{d['column']} {d['code']}")
            return
        m = HEADER_RE.match(lines[i])
        want = (case.path, d["line"], d["column"], d["severity"], d["code"], d["message"])
        got = m and (m.group(1), int(m.group(2)), int(m.group(3)), m.group(4), m.group(5),
                     m.group(6))
        if got != want:
            problems.append(f"text header {lines[i]!r} does not match JSON {want}")
            return
        source = line_bytes(case, d["line"])
        if source is not None and b"\t" not in source and b"\0" not in source:
            shown = lines[i + 1] if i + 1 < len(lines) else None
            caret = lines[i + 2] if i + 2 < len(lines) else None
            if shown != source.decode("utf-8", errors="replace"):
                problems.append(f"text for line {d['line']}: source line shown as {shown!r}")
            if caret != expected_caret(case, d):
                problems.append(f"text for {d['line']}:{d['column']}: caret {caret!r}, expected "
                                f"{expected_caret(case, d)!r}")
            i += 3
        else:
            i += 1
            while i < len(lines) and not HEADER_RE.match(lines[i]):
                i += 1
    if i != len(lines):
        problems.append(f"extra text output: {lines[i:]!r}")


def run_case(case, pygraft, codes, tmp):
    problems = []
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    proc = subprocess.run(case.command(pygraft, "json", tmp), capture_output=True, env=env,
                          timeout=120)
    want_exit = 1 if any(
        (sev or codes.get(code, ("error",))[0]) == "error" or "--Werror" in case.args
        for (line, code), (sev, texts) in case.expected.items()) else 0
    if proc.returncode != want_exit:
        problems.append(f"exit code {proc.returncode}, expected {want_exit} "
                        f"(stderr: {proc.stderr.decode(errors='replace')[:300]!r})")
    try:
        document = json.loads(proc.stdout.decode("utf-8"))
    except ValueError as e:
        problems.append(f"JSON output does not parse: {e}: {proc.stdout[:200]!r}")
        return problems
    if not case.expected and proc.stdout.decode().strip() != "[]":
        problems.append(f"a clean file must print [], got {proc.stdout.decode()[:300]!r}")
    diagnostics = check_json(case, document, codes, problems)
    compare(case, diagnostics, codes, problems)
    text = subprocess.run(case.command(pygraft, "text", tmp), capture_output=True, env=env,
                          timeout=120)
    if text.returncode != proc.returncode:
        problems.append(f"text mode exit {text.returncode}, JSON mode exit {proc.returncode}")
    if text.stdout and not (case.args and case.args[0] == "compile"):
        problems.append(f"text mode wrote to stdout: {text.stdout[:200]!r}")
    check_text(case, text.stderr.decode("utf-8", errors="replace"), diagnostics, problems)
    return problems


def generated_cases(tmp):
    """Cases made of bytes that a text editor would not keep."""
    nested = "(" * 5000 + "x" + ")" * 5000
    sources = {
        "gen_invalid_utf8": b"def f(x):\n    # caf\xe9 \xff  # expect: PG0002\n    return x\n",
        "gen_nul_byte": b"def f(x):\n    return x\x00 + 1  # expect: PG0003\n",
        "gen_deep_nesting": ("def f(x):\n    return " + nested + "  # expect: PG0005\n").encode(),
        # CPython's limit: 100 levels of indentation (the 100th is refused).
        "gen_deep_indentation": ("def f(x):\n" + "".join(" " * i + "if x:\n" for i in range(1, 100))
                                 + " " * 100 + "pass  # expect: PG0005 [too many levels]\n").encode(),
        # CPython's limit: 20 loops nested in each other.
        "gen_nested_loops": ("def f(x):\n" + "".join(
            " " * (i + 1) + "for i%d in x:%s\n" % (i, "  # expect: PG0005 [statically nested]"
                                                   if i == 20 else "") for i in range(21))
                             + " " * 22 + "pass\n").encode(),
        "gen_syntax_error": b"import numpy as np\n\n\ndef f(x):\n    y = = x  # expect: PG0001\n"
                            b"    return y\n",
    }
    cases = []
    for name, data in sources.items():
        path = os.path.join(tmp, name + ".py")
        with open(path, "wb") as f:
            f.write(data)
        cases.append(Case(name, path, data))
    return cases


def colour_checks(pygraft, case_path):
    """(name, problems) for each colour check; skipped without `script`."""
    results = []
    base = [pygraft, "check", case_path]
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    piped = subprocess.run(base, capture_output=True, env=env, timeout=60)
    results.append(("colour.piped", [] if piped.stderr and not ANSI_RE.search(
        piped.stderr.decode(errors="replace")) else ["colour (or nothing) on a pipe"]))
    script = shutil.which("script")
    if not script:
        print("SKIP colour.tty: `script` (util-linux) is not installed")
        return results
    quoted = " ".join("'" + a.replace("'", "'\\''") + "'" for a in base)
    for name, no_color in (("colour.tty", None), ("colour.tty_no_color", "1")):
        tty_env = dict(env)
        tty_env["TERM"] = "xterm"
        if no_color:
            tty_env["NO_COLOR"] = no_color
        proc = subprocess.run([script, "-qec", quoted + " 2>&1", "/dev/null"],
                              capture_output=True, env=tty_env, timeout=60)
        out = proc.stdout.decode(errors="replace")
        has_colour = bool(ANSI_RE.search(out))
        problems = []
        if "error[PG" not in re.sub(r"\x1b\[[0-9;]*m", "", out):
            problems.append(f"no diagnostics on the terminal: {out[:200]!r}")
        elif has_colour != (no_color is None):
            problems.append("expected colour on a terminal" if no_color is None
                            else "colour despite NO_COLOR")
        results.append((name, problems))
    return results


def collect(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            files += sorted(os.path.join(path, f) for f in os.listdir(path) if f.endswith(".py"))
        else:
            files.append(path)
    return files


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pygraft", required=True)
    parser.add_argument("--no-colour-checks", action="store_true")
    parser.add_argument("paths", nargs="*", default=[os.path.join(HERE, "cases")])
    options = parser.parse_args()
    pygraft = os.path.abspath(options.pygraft)
    codes = load_codes()
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        cases = []
        for path in collect(options.paths):
            with open(path, "rb") as f:
                cases.append(Case(os.path.basename(path), path, f.read()))
        if options.paths == parser.get_default("paths"):
            cases += generated_cases(tmp)
        covered = set()
        for case in cases:
            problems = run_case(case, pygraft, codes, tmp)
            covered |= {code for (_, code) in case.expected}
            status = "PASS" if not problems else "FAIL"
            print(f"{status} {case.name}")
            for problem in problems:
                print(f"    {problem}")
            passed += not problems
            failed += bool(problems)
        if not options.no_colour_checks:
            many = os.path.join(HERE, "cases", "many_problems.py")
            for name, problems in colour_checks(pygraft, many):
                print(f"{'PASS' if not problems else 'FAIL'} {name}")
                for problem in problems:
                    print(f"    {problem}")
                passed += not problems
                failed += bool(problems)
    untested = sorted(set(codes) - covered - UNTESTABLE.keys())
    if options.paths == parser.get_default("paths"):
        name = "coverage.every_code"
        if untested:
            print(f"FAIL {name}\n    codes without a case: {' '.join(untested)}")
            failed += 1
        else:
            print(f"PASS {name} ({len(covered)} codes; not producible from source: "
                  f"{', '.join(sorted(UNTESTABLE))})")
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


# Codes that no source file can produce, with the reason (docs/diagnostics.md).
UNTESTABLE = {
    "PG0601": "runtime error: reported by `pygraft run`, never by check (tests/e2e/cli_test.py)",
    "PG0602": "runtime limit: reported by `pygraft run`, never by check (tests/e2e/cli_test.py)",
    "PG0603": "run usage error: reported by `pygraft run`, never by check (tests/e2e/cli_test.py)",
    "PG0708": "ONNX recursion: the front end reports recursion first (PG0308), so no source "
              "that compiles reaches the exporter with it",
    "PG0709": "ONNX checker failure: only a bug in pygraft's exporter reports it",
    "PG0999": "internal compiler error: only a bug in pygraft (e.g. the IR verifier failing "
              "after a pass) reports it",
}

if __name__ == "__main__":
    sys.exit(main())
