// Conversions between the public runtime values (include/pygraft/runtime.h)
// and the interpreter's (runtime/value.h): arrays are copied, so neither
// side ever shares a buffer with the other.
#pragma once

#include "pygraft/runtime.h"
#include "runtime/value.h"

namespace pygraft::api::detail {

// Throws pygraft's RuntimeError when the tensor is too large to allocate.
rt::Value to_internal(const Value& value);
Value to_public(const rt::Value& value);

}  // namespace pygraft::api::detail
