#!/usr/bin/env python3
"""Structural validation of `pygraft check --diagnostics sarif` against the
SARIF 2.1.0 schema, and of the JSON form's keys.

The schema (https://json.schemastore.org/sarif-2.1.0.json, OASIS SARIF
2.1.0 §3) cannot be downloaded here, so the constraints that apply to the
parts pygraft emits are encoded below:
  sarifLog          required version == "2.1.0", runs (array); $schema a URI
  run               required tool; results an array when present
  tool              required driver
  toolComponent     required name (string); version a string; rules an array
                    of reportingDescriptor with unique ids
  reportingDescriptor  required id (string); shortDescription / fullDescription
                    / help are multiformatMessageString (required text);
                    defaultConfiguration.level in error|warning|note|none
  result            required message; message.text a string; ruleId a
                    string; ruleIndex an integer >= -1, and rules[ruleIndex].id
                    == ruleId (§3.27.6); level in none|note|warning|error;
                    locations an array of location
  physicalLocation  artifactLocation.uri a URI reference; region with
                    startLine >= 1, startColumn >= 1, endLine >= startLine,
                    endColumn >= 1, and endColumn >= startColumn on one line
Every property must have the schema's JSON type; unknown properties are
reported (we emit none), so a typo in a property name fails the check.
pygraft's own contract is checked as well: one rule per code of
support/diag_codes.def, in declaration order, with its help text.

Usage: check_sarif.py --pygraft PATH
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEF_FILE = os.path.join(ROOT, "support", "diag_codes.def")
JSON_KEYS = ["file", "line", "column", "end_line", "end_column", "severity", "code", "message"]
LEVELS = ("none", "note", "warning", "error")
URI_RE = re.compile(r"^[A-Za-z0-9\-._~/%:?#\[\]@!$&'()*+,;=]+$")

# Allowed properties per object kind (a subset of the schema's, all we emit).
PROPERTIES = {
    "sarifLog": {"$schema", "version", "runs"},
    "run": {"tool", "results"},
    "tool": {"driver"},
    "toolComponent": {"name", "version", "rules", "informationUri", "semanticVersion"},
    "reportingDescriptor": {"id", "name", "shortDescription", "fullDescription", "help",
                            "defaultConfiguration", "helpUri"},
    "multiformatMessageString": {"text", "markdown"},
    "reportingConfiguration": {"level", "enabled", "rank"},
    "result": {"ruleId", "ruleIndex", "level", "message", "locations", "kind", "stacks",
               "properties"},
    "message": {"text", "markdown", "id", "arguments"},
    "location": {"physicalLocation", "id", "message", "logicalLocations"},
    "stack": {"message", "frames"},
    "stackFrame": {"location"},
    "logicalLocation": {"name", "kind", "fullyQualifiedName"},
    "physicalLocation": {"artifactLocation", "region"},
    "artifactLocation": {"uri", "uriBaseId", "index"},
    "region": {"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength"},
}


class Validator:
    def __init__(self):
        self.problems = []

    def fail(self, path, text):
        self.problems.append(f"{path}: {text}")

    def obj(self, value, kind, path, required=()):
        if not isinstance(value, dict):
            self.fail(path, f"{kind} must be an object")
            return False
        for key in required:
            if key not in value:
                self.fail(path, f"{kind} requires '{key}'")
        for key in value:
            if key not in PROPERTIES[kind]:
                self.fail(path, f"unexpected property '{key}' in {kind}")
        return True

    def string(self, value, path):
        if not isinstance(value, str):
            self.fail(path, "must be a string")
            return False
        return True

    def integer(self, value, path, minimum):
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            self.fail(path, f"must be an integer >= {minimum}, got {value!r}")
            return False
        return True

    def message_string(self, value, path, kind="multiformatMessageString"):
        if self.obj(value, kind, path, required=("text",)) and "text" in value:
            if self.string(value["text"], path + ".text") and not value["text"].strip():
                self.fail(path + ".text", "is empty")

    def log(self, log):
        if not self.obj(log, "sarifLog", "$", required=("version", "runs")):
            return
        if log.get("version") != "2.1.0":
            self.fail("$.version", f"must be \"2.1.0\", got {log.get('version')!r}")
        if "$schema" not in log:
            self.fail("$", "has no $schema (expected for SARIF consumers)")
        elif not (self.string(log["$schema"], "$.$schema") and log["$schema"].startswith("http")
                  and "sarif" in log["$schema"] and "2.1.0" in log["$schema"]):
            self.fail("$.$schema", f"is not a SARIF 2.1.0 schema URI: {log['$schema']!r}")
        runs = log.get("runs")
        if not isinstance(runs, list) or not runs:
            self.fail("$.runs", "must be a non-empty array")
            return
        for i, run in enumerate(runs):
            self.run(run, f"$.runs[{i}]")

    def run(self, run, path):
        if not self.obj(run, "run", path, required=("tool",)):
            return
        rules = self.tool(run.get("tool"), path + ".tool")
        results = run.get("results", [])
        if not isinstance(results, list):
            self.fail(path + ".results", "must be an array")
            return
        for i, result in enumerate(results):
            self.result(result, rules, f"{path}.results[{i}]")

    def tool(self, tool, path):
        if not self.obj(tool, "tool", path, required=("driver",)):
            return []
        driver = tool.get("driver")
        path += ".driver"
        if not self.obj(driver, "toolComponent", path, required=("name",)):
            return []
        self.string(driver.get("name"), path + ".name")
        if "version" in driver:
            self.string(driver["version"], path + ".version")
        rules = driver.get("rules", [])
        if not isinstance(rules, list):
            self.fail(path + ".rules", "must be an array")
            return []
        ids = set()
        for i, rule in enumerate(rules):
            rpath = f"{path}.rules[{i}]"
            if not self.obj(rule, "reportingDescriptor", rpath, required=("id",)):
                continue
            if self.string(rule.get("id"), rpath + ".id"):
                if rule["id"] in ids:
                    self.fail(rpath + ".id", f"duplicate rule id {rule['id']}")
                ids.add(rule["id"])
            if "name" in rule:
                self.string(rule["name"], rpath + ".name")
            for key in ("shortDescription", "fullDescription", "help"):
                if key in rule:
                    self.message_string(rule[key], f"{rpath}.{key}")
            # Not required by the schema, but required of pygraft (issue 4).
            for key in ("shortDescription", "help"):
                if key not in rule:
                    self.fail(rpath, f"has no {key}")
            config = rule.get("defaultConfiguration")
            if config is not None and self.obj(config, "reportingConfiguration",
                                               rpath + ".defaultConfiguration"):
                if config.get("level", "warning") not in LEVELS:
                    self.fail(rpath + ".defaultConfiguration.level", "not a SARIF level")
        return rules

    def result(self, result, rules, path):
        if not self.obj(result, "result", path, required=("message",)):
            return
        self.message_string(result.get("message"), path + ".message", "message")
        rule_id = result.get("ruleId")
        if rule_id is not None:
            self.string(rule_id, path + ".ruleId")
        if "ruleIndex" in result and self.integer(result["ruleIndex"], path + ".ruleIndex", -1):
            index = result["ruleIndex"]
            if index >= len(rules) or index < 0:
                self.fail(path + ".ruleIndex", f"{index} is not an index of tool.driver.rules")
            elif rules[index].get("id") != rule_id:
                self.fail(path + ".ruleIndex",
                          f"rules[{index}].id is {rules[index].get('id')!r}, ruleId {rule_id!r}")
        if result.get("level", "warning") not in LEVELS:
            self.fail(path + ".level", f"{result.get('level')!r} is not a SARIF level")
        locations = result.get("locations")
        if not isinstance(locations, list) or not locations:
            self.fail(path + ".locations", "must be a non-empty array (pygraft always has one)")
            return
        for i, location in enumerate(locations):
            self.location(location, f"{path}.locations[{i}]")
        for i, stack in enumerate(result.get("stacks", [])):
            self.stack(stack, f"{path}.stacks[{i}]")
        if "properties" in result and not isinstance(result["properties"], dict):
            self.fail(path + ".properties", "must be an object (a property bag)")

    def stack(self, stack, path):
        if not self.obj(stack, "stack", path, required=("frames",)):
            return
        if "message" in stack:
            self.message_string(stack["message"], path + ".message", "message")
        frames = stack.get("frames")
        if not isinstance(frames, list):
            self.fail(path + ".frames", "must be an array")
            return
        for i, frame in enumerate(frames):
            fpath = f"{path}.frames[{i}]"
            if self.obj(frame, "stackFrame", fpath) and "location" in frame:
                self.location(frame["location"], fpath + ".location")

    def location(self, location, path):
        if not self.obj(location, "location", path, required=("physicalLocation",)):
            return
        for i, logical in enumerate(location.get("logicalLocations", [])):
            lpath = f"{path}.logicalLocations[{i}]"
            if self.obj(logical, "logicalLocation", lpath):
                for key in ("name", "kind"):
                    if key in logical:
                        self.string(logical[key], f"{lpath}.{key}")
        physical = location["physicalLocation"]
        path += ".physicalLocation"
        if not self.obj(physical, "physicalLocation", path, required=("artifactLocation",)):
            return
        artifact = physical.get("artifactLocation")
        if self.obj(artifact, "artifactLocation", path + ".artifactLocation", required=("uri",)):
            uri = artifact.get("uri")
            if self.string(uri, path + ".artifactLocation.uri") and not URI_RE.match(uri):
                self.fail(path + ".artifactLocation.uri", f"{uri!r} is not a URI reference")
        region = physical.get("region")
        if region is None:
            return
        rpath = path + ".region"
        if not self.obj(region, "region", rpath, required=("startLine",)):
            return
        ok = self.integer(region.get("startLine"), rpath + ".startLine", 1)
        ok &= self.integer(region.get("startColumn", 1), rpath + ".startColumn", 1)
        ok &= self.integer(region.get("endLine", region.get("startLine")), rpath + ".endLine", 1)
        ok &= self.integer(region.get("endColumn", 1), rpath + ".endColumn", 1)
        if not ok:
            return
        start = (region["startLine"], region.get("startColumn", 1))
        end = (region.get("endLine", start[0]), region.get("endColumn", start[1]))
        if end < start:
            self.fail(rpath, f"ends at {end}, before its start {start}")


def load_codes():
    pattern = re.compile(r'^PG_DIAG\((\w+), "(PG\d{4})", (\w+), "([^"]*)", "((?:[^"\\]|\\.)*)"\)')
    codes = []
    with open(DEF_FILE, encoding="utf-8") as f:
        for line in f:
            m = pattern.match(line.strip())
            if m:
                help_text = m.group(5).encode().decode("unicode_escape")
                codes.append((m.group(2), m.group(3).lower(), m.group(4), help_text))
    return codes


def check_rules_match_def(log, problems):
    rules = log["runs"][0]["tool"]["driver"].get("rules", [])
    codes = load_codes()
    got = [r.get("id") for r in rules]
    want = [c[0] for c in codes]
    if got != want:
        problems.append(f"rules are {got}, expected every code of diag_codes.def in order {want}")
        return
    for rule, (code, severity, name, help_text) in zip(rules, codes):
        if rule.get("help", {}).get("text") != help_text:
            problems.append(f"rule {code}: help {rule.get('help')!r}, expected {help_text!r}")
        level = rule.get("defaultConfiguration", {}).get("level")
        if level != severity:
            problems.append(f"rule {code}: default level {level!r}, expected {severity!r}")


def run(pygraft, path, mode):
    proc = subprocess.run([pygraft, "check", path, "--diagnostics", mode],
                          capture_output=True, timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "replace")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pygraft", required=True)
    options = parser.parse_args()
    pygraft = os.path.abspath(options.pygraft)
    cases = os.path.join(HERE, "cases")
    passed = failed = 0

    def report(name, problems):
        nonlocal passed, failed
        print(f"{'PASS' if not problems else 'FAIL'} {name}")
        for problem in problems[:20]:
            print(f"    {problem}")
        passed += not problems
        failed += bool(problems)

    with tempfile.TemporaryDirectory() as tmp:
        odd = os.path.join(tmp, "odd name #1.py")  # the URI must be percent-encoded
        with open(odd, "w") as f:
            f.write("import os\n\ndef f(x):\n    y = [v for v in x]\n    return y\n")
        inputs = [os.path.join(cases, n) for n in ("many_problems.py", "warnings.py",
                                                   "calls_names.py", "clean_rnn.py")] + [odd]
        for path in inputs:
            name = "sarif." + os.path.basename(path).replace(" ", "_")
            code, out, err = run(pygraft, path, "sarif")
            problems = []
            try:
                log = json.loads(out)
            except ValueError as e:
                report(name, [f"not JSON: {e}: {out[:200]!r} {err[:200]!r}"])
                continue
            validator = Validator()
            validator.log(log)
            problems += validator.problems
            if not problems:
                check_rules_match_def(log, problems)
                _, json_out, _ = run(pygraft, path, "json")
                diagnostics = json.loads(json_out)
                results = log["runs"][0].get("results", [])
                if len(results) != len(diagnostics):
                    problems.append(f"{len(results)} SARIF results, {len(diagnostics)} JSON ones")
                for r, d in zip(results, diagnostics):
                    region = r["locations"][0]["physicalLocation"].get("region", {})
                    want = (d["code"], d["severity"], d["message"], d["line"], d["column"],
                            d["end_line"], d["end_column"])
                    got = (r.get("ruleId"), r.get("level"), r["message"]["text"],
                           region.get("startLine"), region.get("startColumn"),
                           region.get("endLine"), region.get("endColumn"))
                    if got != want:
                        problems.append(f"SARIF result {got} differs from JSON {want}")
                if path == odd:
                    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    if " " in uri or "#" in uri:
                        problems.append(f"URI {uri!r} is not percent-encoded")
                if code != (1 if any(d["severity"] == "error" for d in diagnostics) else 0):
                    problems.append(f"exit code {code}")
            report(name, problems)

        # JSON mode: exact keys, [] for a clean file, nothing on stderr.
        problems = []
        code, out, err = run(pygraft, os.path.join(cases, "clean_rnn.py"), "json")
        if out.strip() != "[]" or code != 0 or err:
            problems.append(f"clean file: exit {code}, stdout {out[:100]!r}, stderr {err[:100]!r}")
        code, out, err = run(pygraft, os.path.join(cases, "many_problems.py"), "json")
        document = json.loads(out)
        if not document or code != 1:
            problems.append(f"many_problems.py: exit {code}, {len(document)} diagnostics")
        for d in document:
            if list(d) != JSON_KEYS:
                problems.append(f"keys {list(d)}, expected {JSON_KEYS}")
                break
            types = [type(d[k]) for k in JSON_KEYS]
            if types != [str, int, int, int, int, str, str, str]:
                problems.append(f"value types {types}")
                break
        report("json.keys_and_clean", problems)

        # `run --diagnostics sarif`: a runtime error in a helper, with its stack.
        model = os.path.join(tmp, "helper.py")
        with open(model, "w") as f:
            f.write("def helper(x):\n    assert x > 0\n    return x\n\n\n"
                    "def main(x):\n    return helper(x)\n")
        graph = os.path.join(tmp, "helper.pgraph")
        subprocess.run([pygraft, "compile", model, "-o", graph], check=True, timeout=120)
        proc = subprocess.run([pygraft, "run", graph, "--entry", "main", "--diagnostics", "sarif",
                               "-1"], capture_output=True, timeout=120)
        problems = []
        try:
            log = json.loads(proc.stdout)
            validator = Validator()
            validator.log(log)
            problems += validator.problems
            if not problems:
                check_rules_match_def(log, problems)
                result = log["runs"][0]["results"][0]
                frames = result["stacks"][0]["frames"]
                lines = [f["location"]["physicalLocation"]["region"]["startLine"] for f in frames]
                if result.get("ruleId") != "PG0601" or lines != [2, 7]:
                    problems.append(f"ruleId {result.get('ruleId')}, stack lines {lines}")
        except (ValueError, KeyError, IndexError) as e:
            problems.append(f"{e!r}: {proc.stdout[:300]!r}")
        if proc.returncode != 3:
            problems.append(f"exit {proc.returncode}, expected 3")
        report("sarif.run_runtime_error", problems)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
