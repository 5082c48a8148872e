// The kernel interface. Every op in graph/ops.def names a kernel function;
// the interpreter resolves them to function pointers when a graph is loaded,
// never by name while running.
#pragma once

#include <ostream>
#include <span>

#include "graph/ir.h"
#include "runtime/runtime_error.h"
#include "runtime/value.h"

namespace pygraft::rt {

struct FusedPlan;

struct KernelContext {
  // The node's operands in canonical order (see graph/ops.def). The
  // interpreter moves an operand in when this node is its last use, so a
  // uniquely held tensor may be reused for the result.
  std::span<Value> inputs;
  // One slot per result; the kernel assigns each.
  std::span<Value> outputs;
  // The node being run, for its attributes.
  const Node& node;
  // Where print() writes (stderr in the CLI).
  std::ostream& print_stream;
  // A fused_elementwise node's program and plan, made once when the
  // function's plan was built; null outside one (the kernel then decodes
  // the attribute).
  const FusedPlan* fused_plan = nullptr;
};

using KernelFn = void (*)(KernelContext&);

// Declares every kernel named in the op table.
#define PG_OP(id, name, outputs, kernel, effects, onnx, spellings) void kernel(KernelContext& ctx);
#include "graph/ops.def"
#undef PG_OP

// The kernel of an op; nullptr for structural ops.
KernelFn kernel_for(OpCode op);

}  // namespace pygraft::rt
