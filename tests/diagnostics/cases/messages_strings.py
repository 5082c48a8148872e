# Strings built from values: one diagnostic for the whole expression that
# shows print with separate arguments, whatever builds the string.
import numpy as np


def report(loss, step):
    print("loss: " + str(loss))  # expect: PG0208 [print("loss:", loss)]
    print("step {}".format(step))  # expect: PG0208 [print("loss:", loss)]
    print("step %d" % step)  # expect: PG0208 [print("loss:", loss)]
    print("a" + "b" + str(loss) + "c")  # expect: PG0208 [not built with +, %, str() or .format()]
    message = "loss=" + str(loss)  # expect: PG0208
    print("loss:", loss)
    return loss
