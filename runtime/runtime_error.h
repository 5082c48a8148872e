// Errors raised while executing a graph. Kernels throw RuntimeError with the
// Python exception CPython + NumPy would raise (PyExc) and a message in
// NumPy's or Python's words; the interpreter catches it and adds the source
// range of the failing node, so the user sees their line.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "support/source_range.h"

namespace pygraft::rt {

// The Python exception a runtime error stands for. NumPy's own exception
// classes are named by the builtin they derive from (numpy.exceptions.AxisError
// is a ValueError and an IndexError: it is reported as AxisError; a ufunc
// casting error is a TypeError).
enum class PyExc : uint8_t {
  Unspecified,  // no exception (a default; every throw site names one)
  TypeError,
  ValueError,
  IndexError,
  KeyError,
  AxisError,
  ZeroDivisionError,
  OverflowError,
  AttributeError,
  AssertionError,
  UnboundLocalError,
  NotImplementedError,
  RecursionError,
  MemoryError,
  LinAlgError,
  // Raised only by `raise` statements (graph/python_exceptions.h).
  RuntimeError,
  Exception,
  ArithmeticError,
  LookupError,
  FloatingPointError,
  // Not a Python exception: a limit of the runtime (--max-iterations,
  // --timeout, the memory budget) or a malformed graph.
  LimitExceeded,
  InternalError,
};

// Python's name of the exception ("IndexError"); "" for Unspecified.
std::string_view exception_name(PyExc kind);
// The exception of that Python name; nullopt for a name none has.
std::optional<PyExc> exception_of_name(std::string_view name);

class RuntimeError : public std::runtime_error {
 public:
  RuntimeError(PyExc kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}

  PyExc kind() const { return kind_; }

  // Where the error is when a kernel knows better than its node's range: a
  // step of a fused node that came from another line (graph/fused_elementwise.h).
  const std::optional<SourceRange>& range() const { return range_; }
  RuntimeError& at(const SourceRange& range) {
    range_ = range;
    return *this;
  }

 private:
  PyExc kind_;
  std::optional<SourceRange> range_;
};

}  // namespace pygraft::rt
