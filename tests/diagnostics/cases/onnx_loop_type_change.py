# args: compile --emit onnx --signature=total(float64[N])
# PG0703: s starts as a Python int and becomes a float64 in the loop.
def total(x):
    s = 0
    for v in x:  # expect: PG0703 ['s' is int = 0 before the loop]
        s = s + v
    return s
