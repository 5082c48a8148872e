# args: compile --emit onnx --signature=first_positive(float64[N])
# PG0705: found is unbound when no element is positive (check warns, PG0501;
# an ONNX graph cannot raise the NameError, so export refuses).
def first_positive(x):
    for v in x:
        if v > 0.0:
            found = v
            break
    return found  # expect: PG0501 PG0705 [unbound on some path]
