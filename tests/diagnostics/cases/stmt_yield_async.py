# PG0108 yield, PG0109 async def, PG0212 await.
import numpy as np


def batches(x):
    for row in x:
        yield row  # expect: PG0108


async def fetch(x):  # expect: PG0109
    return x


def wait(x):
    y = await x  # expect: PG0212
    return y
