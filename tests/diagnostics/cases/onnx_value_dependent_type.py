# args: compile --emit onnx --signature=power(int,int)
# PG0710: int ** int is an int or a float depending on the exponent's sign.
def power(x, n):
    return x ** n  # expect: PG0710 [write float(x) ** n]
