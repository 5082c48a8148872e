"""Reads and writes pygraft graph files (docs/graph-format.md, version 1) as
plain Python structures, so robustness_test.py can corrupt a compiled file
precisely: dangle a value id, make a cycle, declare absurd sizes, nest
regions deeply. Standard library only."""

import struct

MAGIC = b"\x7fPGRAPH\n"


class Reader:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def take(self, n):
        chunk = self.data[self.pos:self.pos + n]
        if len(chunk) != n:
            raise ValueError("truncated graph file")
        self.pos += n
        return chunk

    def u8(self):
        return self.take(1)[0]

    def u32(self):
        return struct.unpack("<I", self.take(4))[0]

    def u64(self):
        return struct.unpack("<Q", self.take(8))[0]


def _literal(r):
    tag = r.u8()
    if tag in (0, 1, 2):
        return (tag,)
    if tag in (3, 4):
        return (tag, r.u64())
    if tag == 5:
        return (tag, r.u32())
    if tag == 6:
        return (tag, r.u8())
    if tag == 7:
        return (tag, [_literal(r) for _ in range(r.u32())])
    raise ValueError("bad literal tag %d" % tag)


def _ids(r):
    return [r.u32() for _ in range(r.u32())]


def _range(r):
    return [r.u32() for _ in range(4)]


def _node(r):
    node = {"op": r.u32(), "range": _range(r), "inputs": _ids(r), "outputs": _ids(r)}
    node["attrs"] = [(r.u32(), _literal(r)) for _ in range(r.u32())]
    node["regions"] = [_region(r) for _ in range(r.u32())]
    return node


def _region(r):
    region = {"args": _ids(r)}
    region["nodes"] = [_node(r) for _ in range(r.u32())]
    region["yields"] = _ids(r)
    return region


def _param(r):
    param = {"name": r.u32(), "range": _range(r), "has_default": r.u8()}
    if param["has_default"]:
        param["default"] = _literal(r)
    return param


def _function(r):
    f = {"name": r.u32(), "range": _range(r), "num_values": r.u32()}
    f["value_names"] = [r.u32() for _ in range(r.u32())]
    f["params"] = [_param(r) for _ in range(r.u32())]
    f["body"] = _region(r)
    return f


def parse(data):
    r = Reader(data)
    if r.take(8) != MAGIC:
        raise ValueError("bad magic")
    g = {"version": r.u32()}
    g["strings"] = [r.take(r.u32()) for _ in range(r.u32())]
    g["source_file"] = r.u32()
    g["functions"] = [_function(r) for _ in range(r.u32())]
    if r.pos != len(data):
        raise ValueError("trailing bytes")
    return g


def _w_u32(out, v):
    out += struct.pack("<I", v & 0xFFFFFFFF)


def _w_literal(out, lit):
    out.append(lit[0])
    if lit[0] in (3, 4):
        out += struct.pack("<Q", lit[1])
    elif lit[0] == 5:
        _w_u32(out, lit[1])
    elif lit[0] == 6:
        out.append(lit[1])
    elif lit[0] == 7:
        _w_u32(out, len(lit[1]))
        for item in lit[1]:
            _w_literal(out, item)


def _w_ids(out, ids):
    _w_u32(out, len(ids))
    for i in ids:
        _w_u32(out, i)


def _w_range(out, rng):
    for v in rng:
        _w_u32(out, v)


def _w_region(out, region):
    # Iterative over nesting depth is not needed: Python's own limit (1000)
    # is above the loader's 512, and callers stay below that.
    _w_ids(out, region["args"])
    _w_u32(out, len(region["nodes"]))
    for node in region["nodes"]:
        _w_u32(out, node["op"])
        _w_range(out, node["range"])
        _w_ids(out, node["inputs"])
        _w_ids(out, node["outputs"])
        _w_u32(out, len(node["attrs"]))
        for name, lit in node["attrs"]:
            _w_u32(out, name)
            _w_literal(out, lit)
        _w_u32(out, len(node["regions"]))
        for inner in node["regions"]:
            _w_region(out, inner)
    _w_ids(out, region["yields"])


def write(g):
    out = bytearray(MAGIC)
    _w_u32(out, g["version"])
    _w_u32(out, len(g["strings"]))
    for s in g["strings"]:
        _w_u32(out, len(s))
        out += s
    _w_u32(out, g["source_file"])
    _w_u32(out, len(g["functions"]))
    for f in g["functions"]:
        _w_u32(out, f["name"])
        _w_range(out, f["range"])
        _w_u32(out, f["num_values"])
        _w_u32(out, len(f["value_names"]))
        for n in f["value_names"]:
            _w_u32(out, n)
        _w_u32(out, len(f["params"]))
        for p in f["params"]:
            _w_u32(out, p["name"])
            _w_range(out, p["range"])
            out.append(p["has_default"])
            if p["has_default"]:
                _w_literal(out, p["default"])
        _w_region(out, f["body"])
    return bytes(out)


def string_index(g, text):
    """The index of `text` in the string table, adding it when missing."""
    raw = text.encode()
    if raw not in g["strings"]:
        g["strings"].append(raw)
    return g["strings"].index(raw)


def walk_nodes(region):
    """Every node of a region and of its nested regions."""
    stack = [iter(region["nodes"])]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        yield node
        for inner in reversed(node["regions"]):
            stack.append(iter(inner["nodes"]))
