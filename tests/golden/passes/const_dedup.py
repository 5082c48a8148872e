# const-dedup: equal constants become one node (after dce, so only used ones
# are merged); constants inside regions are left to their region.
def repeated_constants(x):
    y = x * 2.0 + 2.0
    z = y - 2.0
    for i in range(3):
        z = z + 2.0
    return z * 2.0
