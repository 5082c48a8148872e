# args: compile --emit onnx --signature=pick(float32[N],bool)
# PG0704: y is a float32 array on one path and a Python float on the other.
def pick(x, flag):
    if flag:  # expect: PG0704 ['y' is float32[N] after one branch]
        y = x
    else:
        y = 0.0
    return y
