// Binds the arguments of a call site to a parameter list, as Python does:
// positional arguments first, then keywords; a `*name` parameter takes the
// remaining positional arguments. Reports PG0305 (count), PG0306 (unknown
// keyword, with a suggestion) and PG0307 (given twice). Binding looks only at
// where arguments go; the caller lowers them, since how an argument is
// lowered depends on its parameter (dtype names, list literals).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/ir.h"
#include "graph/op_table.h"
#include "parser/ast.h"
#include "support/diagnostic.h"

namespace pygraft::transform {

// One argument at a call site: an expression, or a value already lowered (a
// method's receiver).
struct CallArgument {
  const ast::Expr* expr = nullptr;
  std::optional<ValueId> value;
  SourceRange range;
};

struct KeywordArgument {
  std::string_view name;
  CallArgument argument;
  SourceRange range;  // of `name=value`
};

// What one parameter received: nothing (take its default), one argument, or
// for a variadic parameter the arguments to pack.
struct ParamBinding {
  std::vector<CallArgument> arguments;
};

struct CallSite {
  std::string_view callee;  // for messages, e.g. "np.sum" or "f"
  SourceRange range;        // the whole call
  std::vector<CallArgument> positional;
  std::vector<KeywordArgument> keywords;
};

// One binding per parameter, or nullopt after reporting a diagnostic.
// A parameter without default that receives nothing is an error, except a
// variadic one (the caller decides what an empty pack means).
std::optional<std::vector<ParamBinding>> bind_arguments(const std::vector<ParamSpec>& params,
                                                        const CallSite& site,
                                                        DiagnosticSink& diags);

}  // namespace pygraft::transform
