def print_arrays_in_loop(x):
    """Prints small int arrays per iteration."""
    for i in range(x.shape[0]):golde    print(i, x[i] * 2)
    return x.sum()
