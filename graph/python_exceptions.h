// The builtin exceptions a `raise` statement may raise in a graph: the
// transform refuses any other name, and the runtime raises each as the
// Python exception of that name (runtime/runtime_error.h). One list for
// both, so a name the compiler accepts is one the runtime knows.
#pragma once

#include <algorithm>
#include <array>
#include <string_view>

namespace pygraft {

inline constexpr std::array<std::string_view, 16> kRaisableExceptions = {
    "ArithmeticError",    "AssertionError",      "AttributeError", "Exception",
    "FloatingPointError", "IndexError",          "KeyError",       "LookupError",
    "MemoryError",        "NotImplementedError", "OverflowError",  "RecursionError",
    "RuntimeError",       "TypeError",           "ValueError",     "ZeroDivisionError",
};

inline bool is_raisable_exception(std::string_view name) {
  return std::find(kRaisableExceptions.begin(), kRaisableExceptions.end(), name) !=
         kRaisableExceptions.end();
}

}  // namespace pygraft
