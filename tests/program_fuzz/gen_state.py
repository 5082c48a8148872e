"""State of a function being generated: the values and static facts at one
point (State), the loops being written (Frame), name pools, and the merge
of the states of several paths."""

import copy

REJECT = None  # what a statement writer returns when it gives up
ARRAY_NAMES = ["h", "z", "y", "out", "acc", "w2", "b2", "mu", "sd", "p", "e", "logits", "probs",
               "mask", "feat", "g", "r", "u", "res", "tmp", "q", "hidden", "score", "delta", "grad",
               "act", "centered", "weights", "state", "upd"]
SCALAR_NAMES = ["total", "s", "m", "k", "count", "loss", "err", "norm", "scale", "lo", "hi", "best",
                "val", "lr", "gain", "n_pos", "mean_v", "step_size", "thr", "ratio", "c", "d", "t0",
                "idx0", "cnt", "energy"]
LOOP_INT_NAMES = ["i", "j", "t", "k2", "step", "ii"]
LOOP_ITEM_NAMES = ["row", "v", "xi", "col", "item", "elem", "vi"]
COUNTER_NAMES = ["it", "n_iter", "tries", "rounds"]


class State:
    """Values (live or samples) and static facts at one point of a function."""

    def __init__(self, vals, live):
        self.vals = vals
        self.live = live
        self.owned = {}       # possibly bound name -> may be changed in place
        self.definite = set()  # names bound on every path
        self.order = []       # binding order, most recent last

    def copy(self, live=None):
        s = State(copy.deepcopy(self.vals), self.live if live is None else live)
        s.owned, s.definite, s.order = dict(self.owned), set(self.definite), list(self.order)
        return s


class Frame:
    """A loop being written: names changed in place or made shared in its
    body, and how the live path left its first iteration."""

    def __init__(self):
        self.mutated, self.revoked, self.exit = set(), set(), None


def falls_through(body):
    return not body or not body[-1].jump


def merge(results, live_state):
    """The state after a statement whose paths end in `results`
    [(State, falls_through)]; live_state is the live path's end (or None).
    A name may be changed in place only if every path lets it; it is
    definitely bound only if every path that falls through binds it."""
    owned = {}
    for s, _ in results:
        for n, o in s.owned.items():
            owned[n] = owned.get(n, True) and o
    through = [s for s, f in results if f] or [s for s, _ in results]
    definite = set.intersection(*[s.definite for s in through])
    first = live_state or through[0]
    out = State(first.vals, first.live if live_state is not None else False)
    out.owned, out.definite = owned, definite
    out.order = list(first.order)
    for s, _ in results:
        out.order.extend(n for n in s.order if n not in out.order)
    return out
