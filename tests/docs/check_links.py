#!/usr/bin/env python3
"""Every documentation reference points at a file that exists.

Checks the relative links of README.md, docs/*.md and samples/README.md
(`[text](path)` and `[text](path#anchor)`), and every `docs/NAME.md` named in
the diagnostics' help texts (support/diag_codes.def) and the CLI's help
(cli/*.cc), which users follow from an error message.

Usage: check_links.py [ROOT]   (ROOT defaults to the repository)
"""
import glob
import os
import re
import sys

LINK_RE = re.compile(r"\]\(([^)#\s]+)(#[^)]*)?\)")
DOC_NAME_RE = re.compile(r"docs/[A-Za-z0-9_\-]+\.md")


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.dirname(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    problems = []
    pages = [os.path.join(root, "README.md"), os.path.join(root, "samples", "README.md")]
    pages += sorted(glob.glob(os.path.join(root, "docs", "*.md")))
    for page in pages:
        with open(page, encoding="utf-8") as f:
            text = f.read()
        for match in LINK_RE.finditer(text):
            target = match.group(1)
            if "://" in target or target.startswith("mailto:"):
                continue
            path = os.path.normpath(os.path.join(os.path.dirname(page), target))
            if not os.path.exists(path):
                problems.append("%s: link to %s, which does not exist" %
                                (os.path.relpath(page, root), target))
    sources = [os.path.join(root, "support", "diag_codes.def")]
    sources += sorted(glob.glob(os.path.join(root, "cli", "*.cc")))
    for source in sources:
        with open(source, encoding="utf-8") as f:
            text = f.read()
        for name in sorted(set(DOC_NAME_RE.findall(text))):
            if not os.path.exists(os.path.join(root, name)):
                problems.append("%s: names %s, which does not exist" %
                                (os.path.relpath(source, root), name))
    for problem in problems:
        print("FAIL", problem)
    print("%d pages and %d sources checked, %d broken references" %
          (len(pages), len(sources), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
