// Compile-time evaluation of module constants and parameter defaults:
// literals, tuples, operators on constants (transform/fold.h), references to
// earlier module constants, and the constants of numpy (pi e inf nan newaxis
// and dtypes) and math (pi e inf nan tau).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "graph/literal.h"
#include "parser/ast.h"
#include "support/diagnostic.h"
#include "transform/scope.h"

namespace pygraft::transform {

struct ConstantResult {
  std::optional<Literal> value;
  // When value is empty: the sub-expression that is not constant, and why.
  SourceRange error_range;
  std::string error;
  DiagCode error_code = DiagCode::NotAConstant;  // PG0208 a string, PG0407 an int64 overflow
};

ConstantResult evaluate_constant(const ast::Expr& expr, const ModuleScope& scope);

// np.pi, math.tau, np.float32, np.newaxis (None) ...; nullopt for anything else.
std::optional<Literal> module_attribute(ImportedModule module, std::string_view name);

// The dtype NumPy's attribute np.NAME denotes: uint8, float16, bool_, half ...
std::optional<DType> numpy_dtype_name(std::string_view name);

// The dtype a name denotes where a dtype is expected: 'float32', 'float', 'int', 'bool' ...
std::optional<DType> dtype_from_python_name(std::string_view name);

std::string_view module_display_name(ImportedModule module);

}  // namespace pygraft::transform
