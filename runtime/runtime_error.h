// Errors raised while executing a graph. Kernels throw RuntimeError with a
// message in NumPy's or Python's words; the interpreter catches it and adds
// the source range of the failing node, so the user sees their line.
#pragma once

#include <stdexcept>
#include <string>

namespace pygraft::rt {

class RuntimeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace pygraft::rt
