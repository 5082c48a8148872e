# Strings built from values as Python builds them: +, %, str() and
# str.format convert, with no diagnostic.
import numpy as np


def report(loss, step):
    print("loss: " + str(loss))
    print("step {}".format(step))
    print("step %d" % step)
    print("a" + "b" + str(loss) + "c")
    message = "loss=%.4f at step %d" % (loss, step)
    print(message)
    return loss
