# args: compile --emit onnx --signature=scale(float64[N])
# PG0706: the function returns None (it has no return statement).
def scale(x):  # expect: PG0706 [returns None as output 0]
    y = x * 2.0
