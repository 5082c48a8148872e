// Building new lists and dicts from old ones. Lists and dicts have value
// semantics in the graph: an in-place method (`xs.append(v)`, `d[k] = v`)
// gives a new value that is bound to the name. When the old value's storage
// is held only by the value being replaced (the executor moves a value into
// its last use), it is reused, so a list grown by append in a loop costs
// amortized O(1) per append, not a copy.
#pragma once

#include <vector>

#include "runtime/value.h"

namespace pygraft::rt {

// The items of a tuple or list, moved out when `sequence` held them alone.
std::vector<Value> take_items(Value&& sequence);

// The entries of a dict, moved out when `dict` held them alone.
DictEntries take_entries(Value&& dict);

// `dict` with `key` bound to `value`: replaced in place when the key is
// there, else appended (insertion order, as Python keeps it).
Value dict_with(Value&& dict, const Value& key, const Value& value);

// TypeError "unhashable type: 'list'" unless `key` can be a dict key (str,
// number, bool, None, dtype, NumPy scalar, or a tuple of those).
void require_hashable(const Value& key);

// A str's characters (code points, each a str of its UTF-8 bytes).
std::vector<Value> str_characters(const std::string& text);

// Python's iteration over `iterable` as a vector of its items: a tuple's or
// list's items, a dict's keys, an array's rows (0-d: TypeError), a str's
// characters.
std::vector<Value> iterate(const Value& iterable);

}  // namespace pygraft::rt
