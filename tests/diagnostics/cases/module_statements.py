# PG0114 module-level statements other than imports, constants, functions
# and the main guard; PG0405 return and PG0406 break outside their context.
import numpy as np

SCALE = 2.0
print(SCALE)  # expect: PG0114
SCALE += 1.0  # expect: PG0114
for i in range(3):  # expect: PG0114
    pass
a = b = 1  # expect: PG0114
return SCALE  # expect: PG0405
break  # expect: PG0406


def f(x):
    return x * SCALE


if __name__ == "__main__":
    print(f(np.ones(3)))
