"""FINDINGS R1: PG0401 against the internal name return$value. A return
inside a loop ends the function, so a later in-place change of the returned
name cannot change the returned value; Python scalars are immutable anyway."""


def running_total(x):
    total = 0.0
    for v in x:
        total += v
        if v > 1.0:
            return total
    return total


# CASE running_total: [0.5,2.0,1.0]
# CASE running_total: [0.5,0.25]
