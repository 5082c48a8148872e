// What the np.random.Generator kernels (kernels_random.cc,
// kernels_random_choice.cc) share: the receiver, `size=`, and the
// (advanced generator, draws) pair every draw gives.
#pragma once

#include <optional>

#include "runtime/args.h"
#include "runtime/kernel.h"

namespace pygraft::rt {

// The receiver's bit generator (a copy: the kernel advances it and hands it
// back). CPython's AttributeError for any other receiver.
inline random::Pcg64 generator_of(const Value& receiver, const char* method) {
  if (!receiver.is<GeneratorValue>()) {
    throw RuntimeError(PyExc::AttributeError,
                       "'" + type_name(receiver) + "' object has no attribute '" + method + "'");
  }
  return receiver.as<GeneratorValue>().bits;
}

// `size=`: None (one draw, returned as a scalar) or a shape, read as np.empty reads it.
inline std::optional<Shape> size_of(const Value& size) {
  if (size.is_none()) return std::nullopt;
  return shape_arg(size);
}

// The draw's result: (the advanced generator, the draws).
inline void give_draws(KernelContext& ctx, const random::Pcg64& bits, Value draws) {
  ctx.outputs[0] = Value::tuple({Value(GeneratorValue{bits}), std::move(draws)});
}

}  // namespace pygraft::rt
