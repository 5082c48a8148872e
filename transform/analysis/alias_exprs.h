// What an expression's value may share memory with, and whether it is
// certainly a Python scalar: the expression rules of the aliasing check
// (transform/analysis/aliasing.h).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "parser/ast.h"
#include "transform/analysis/activity.h"

namespace pygraft::transform {

// For a function of the file: which of its parameters its result may be or
// view (`def first(a): return a[0]`), so `y = first(x)` makes y share x.
struct ReturnedParams {
  const ast::FunctionDef* def = nullptr;
  std::vector<bool> returned;  // one per parameter
};
using ReturnedParamsMap = std::map<std::string, ReturnedParams, std::less<>>;

struct AliasContext {
  const NameSet& numpy_aliases;  // `np` for `import numpy as np`
  const NameSet& math_aliases;
  // Whether a name certainly holds a Python scalar at this point.
  std::function<bool(const std::string&)> is_scalar_name;
  const ReturnedParamsMap* functions = nullptr;  // may be null: no user functions
};

// Certainly a Python scalar (int, float, bool, None) or a tuple of them.
bool is_scalar_expr(const ast::Expr& expr, const AliasContext& context);
// The names whose array the value may be or view (empty for a fresh value).
NameSet alias_sources(const ast::Expr& expr, const AliasContext& context);

}  // namespace pygraft::transform
