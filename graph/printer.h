// The --emit text form of a module: readable like MLIR / TorchScript graph
// dumps, deterministic (golden tests compare it byte for byte).
//
//   # source: model.py
//   func @f(%x, %axis = -1) {
//     %0 = const 1                                   # 2:7
//     %y = add(%x, %0)                               # 2:7
//     %p = greater(%y, %0)
//     %r = cond %p {
//       yield %y
//     } else {
//       yield %x
//     }
//     %i, %s = loop(%0, %y) cond(%i.1, %s.1) {
//       %c = less(%i.1, %s.1)
//       yield %c
//     } body(%i.2, %s.2) {
//       yield %i.2, %s.2
//     }
//     return %r
//   }
//
// Operands print with their canonical parameter names (required ones
// positional, optional ones as name=%v); trailing operands that are consts
// holding exactly the parameter's default are omitted. docs/graph-format.md
// describes the form.
#pragma once

#include <string>

#include "graph/ir.h"

namespace pygraft {

struct PrintOptions {
  bool locations = true;  // trailing "# line:col" comments
};

std::string print_module(const Module& module, const PrintOptions& options = {});
std::string print_function(const Function& function, const PrintOptions& options = {});

}  // namespace pygraft
