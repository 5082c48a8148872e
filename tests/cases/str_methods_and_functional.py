"""str methods that messages and keys are built with, map/filter with
lambdas and function names, and arctan2 / math.atan2 / astype(copy=)."""
import math
import numpy as np


def words(text, sep):
    parts = text.split()
    fields = text.split(sep)
    cleaned = [p.strip(" .") for p in fields]
    label = "-".join(parts).upper()
    return parts, cleaned, label, text.lower(), text.startswith("The"), text.endswith("."), text.replace("a", "4")


# CASE words: "The\tcat\tsat.\n\nA\u0020dog\u0020ran." "."
# CASE words: "\u0020\u0020a" ","
# CASE words: "" "x"


def join_errors(kind):
    if kind == 0:
        return ", ".join(["a", 1])
    return "abc".split("")


# CASE join_errors: 0 -> exit 3
# CASE join_errors: 1 -> exit 3


def functional(x, n):
    heads = list(map(lambda part: part * 2.0, np.split(x, n)))
    positive = list(filter(lambda v: v > 0, x))
    magnitudes = sum(map(abs, x))
    names = list(map(str, range(n)))
    return heads, positive, magnitudes, names


# CASE functional: [1.0,-2.0,3.0,-4.0] 2
# CASE functional: [5.0] 1
# CASE functional: [1.0,2.0,3.0] 2 -> exit 3


def angles(y, x, ints):
    return np.arctan2(y, x), math.atan2(1.0, -2), np.arctan2(ints, 2), ints.astype(np.float32, copy=False)


# CASE angles: [1.0,-1.0,0.0] [0.5,0.5,-1.0] [1,2]
# CASE angles: 0.0 -1.0 [0]
