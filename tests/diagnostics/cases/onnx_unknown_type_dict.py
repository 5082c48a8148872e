# args: compile --emit onnx --signature=lookup(dict,int)
# PG0702: a dict argument cannot be an ONNX input (str and None are compiled in).
def lookup(table, key):  # expect: PG0702 [parameter 'table' is a dict]
    return table[key]
