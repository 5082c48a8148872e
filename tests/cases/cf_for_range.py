"""for over range(stop), range(start, stop) and range(start, stop, step):
negative steps, zero trips, trip counts from arguments."""
import numpy as np

N_STEPS = 4


def sum_range(n):
    """sum(range(n)) with a Python int accumulator."""
    total = 0
    for i in range(n):
        total += i
    return total


# CASE sum_range: 0
# CASE sum_range: 1
# CASE sum_range: 100
# CASE sum_range: -5


def range_start_stop_step(start, stop, step):
    """Collects range(start, stop, step) into a growing array."""
    out = np.zeros(0, dtype=np.int64)
    for i in range(start, stop, step):
        out = np.concatenate([out, np.array([i])])
    return out, out.size


# CASE range_start_stop_step: 0 10 3
# CASE range_start_stop_step: 10 0 -3
# CASE range_start_stop_step: 5 -5 -1
# CASE range_start_stop_step: 3 3 1
# CASE range_start_stop_step: 0 5 -1
# CASE range_start_stop_step: 2 3 100
# CASE range_start_stop_step: 0 5 0 -> exit 3


def reverse_cumsum(x):
    """A backward loop over indices: suffix sums."""
    n = x.shape[0]
    out = np.zeros_like(x)
    acc = 0.0
    for i in range(n - 1, -1, -1):
        acc = acc + x[i]
        out[i] = acc
    return out


# CASE reverse_cumsum: [1.0,2.0,3.0,4.0]
# CASE reverse_cumsum: [7.5]
# CASE reverse_cumsum: []


def power_by_loop(base, exponent):
    """Repeated multiplication; exponent 0 runs no iteration."""
    result = 1
    for _ in range(exponent):
        result = result * base
    return result


# CASE power_by_loop: 2 0
# CASE power_by_loop: 2 1
# CASE power_by_loop: 2 10
# CASE power_by_loop: [1.5,-1.0] 3


def moving_average(x, window=3):
    """Moving average over a window; range(len(x) - window + 1)."""
    n = x.shape[0] - window + 1
    out = np.zeros(max(n, 0))
    for i in range(n):
        out[i] = np.mean(x[i:i + window])
    return out


# CASE moving_average: [1.0,2.0,3.0,4.0,5.0]
# CASE moving_average: [1.0,2.0,3.0]
# CASE moving_average: [1.0,2.0]
# CASE moving_average: [1.0,2.0,4.0,8.0] 2


def loop_variable_after_loop(n):
    """The loop variable keeps its last value after the loop."""
    last = -1
    for i in range(n):
        last = i * 2
    return i, last


# CASE loop_variable_after_loop: 1
# CASE loop_variable_after_loop: 6


def strided_fill(n, step):
    """Fills every `step`-th element of a buffer."""
    buf = np.zeros(n, dtype=np.int32)
    for i in range(0, n, step):
        buf[i] = i + 1
    return buf


# CASE strided_fill: 7 2
# CASE strided_fill: 7 10
# CASE strided_fill: 0 1


def constant_trip_count(x):
    """A range with a constant bound (may be unrolled or kept as a loop)."""
    for _ in range(N_STEPS):
        x = 0.5 * (x + 2.0 / x)
    return x


# CASE constant_trip_count: 1.0
# CASE constant_trip_count: [1.0,4.0]


def range_of_len(x):
    """range(len(x)) with an index read and a dtype-changing accumulator."""
    s = 0
    for i in range(len(x)):
        s += x[i] * (i + 1)
    return s


# CASE range_of_len: [1,2,3]
# CASE range_of_len: [0.5,0.25]
# CASE range_of_len: []


def range_from_shape(x):
    """range over x.shape[1] of a 2-D array: column maxima by hand."""
    rows, cols = x.shape
    out = np.zeros(cols, dtype=x.dtype)
    for j in range(cols):
        out[j] = np.max(x[:, j])
    return out, rows


# CASE range_from_shape: [[1,5,2],[4,0,3]]
# CASE range_from_shape: [[1.5],[-2.5]]


def range_of_argument(n):
    """range() takes ints (and bools, and NumPy integer scalars); a float,
    even an integral one, is a TypeError."""
    total = 0
    for i in range(n):
        total += i
    return total


# CASE range_of_argument: 4
# CASE range_of_argument: true
# CASE range_of_argument: 2.0 -> exit 3
# CASE range_of_argument: 2.5 -> exit 3


def range_of_array_element(x):
    """An element of an integer array is a NumPy integer: accepted. An
    element of a float array is not."""
    total = 0
    for i in range(x[0], x[1]):
        total += i
    return total


# CASE range_of_array_element: [1,4]
# CASE range_of_array_element: [1.0,4.0] -> exit 3


def range_step_from_argument(step):
    """A zero step is a ValueError, raised before the loop runs."""
    count = 0
    for i in range(0, 6, step):
        count += 1
    return count


# CASE range_step_from_argument: 2
# CASE range_step_from_argument: -1
# CASE range_step_from_argument: 0 -> exit 3
# CASE range_step_from_argument: 1.0 -> exit 3
