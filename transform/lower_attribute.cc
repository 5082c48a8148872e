// Attributes that are not called: module constants (np.pi, np.float32,
// np.newaxis, math.tau) and array attributes (x.shape, x.T, x.ndim, x.size,
// x.dtype), whose receiver binds to the op's first canonical parameter.
#include "transform/constant_eval.h"
#include "transform/function_lowerer.h"
#include "transform/suggest.h"

namespace pygraft::transform {

ValueId FunctionLowerer::lower_module_attribute(const ast::Expr& expr, ImportedModule module,
                                                const ast::AttributeExpr& attr) {
  if (std::optional<Literal> value = module_attribute(module, attr.attr)) {
    return builder_.constant(std::move(*value), expr.range);
  }
  const auto& alias = std::get<ast::Name>(attr.value->kind).id;
  const bool numpy = module == ImportedModule::Numpy;
  SpellingKind kind = numpy ? SpellingKind::NumpyFunction : SpellingKind::MathFunction;
  std::string dotted = "'" + alias + "." + attr.attr + "'";
  if (find_spelling(kind, attr.attr)) {
    error(DiagCode::UnsupportedExpression, expr.range,
          "function " + dotted + " can only be called, not used as a value");
  } else if (numpy && is_numpy_scalar_type(attr.attr)) {
    error(
        DiagCode::UnknownModuleAttribute, expr.range,
        dotted + " is not a supported dtype; the supported dtypes are " + supported_dtypes_text());
  } else {
    error(DiagCode::UnknownModuleAttribute, expr.range,
          dotted + " is not a supported " + std::string(module_display_name(module)) + " constant");
  }
  return poison(expr.range);
}

ValueId FunctionLowerer::lower_array_attribute(const ast::Expr& expr,
                                               const ast::AttributeExpr& attr) {
  if (report_dotted_module_path(expr, attr)) return poison(expr.range);
  ValueId receiver = lower_expr(*attr.value);
  std::optional<SpellingMatch> match = find_spelling(SpellingKind::Attribute, attr.attr);
  if (!match) {
    std::string message = "unknown array attribute '" + attr.attr + "'" +
                          unknown_name_advice(SpellingKind::Attribute, attr.attr, "");
    if (find_spelling(SpellingKind::Method, attr.attr)) {
      message = "method '" + attr.attr + "' must be called: x." + attr.attr + "(...)";
    }
    if (!unknown_receiver(*attr.value, receiver)) {
      error(DiagCode::UnknownMethod, attr.attr_range, std::move(message));
    }
    return poison(expr.range);
  }
  return lower_attribute_op(*match, receiver, expr.range);
}

// The receiver is the first canonical operand; the others take their defaults
// (x.T is transpose(x, axes=None)).
ValueId FunctionLowerer::lower_attribute_op(const SpellingMatch& match, ValueId receiver,
                                            SourceRange range) {
  std::vector<ValueId> inputs = {receiver};
  const std::vector<ParamSpec>& canonical = match.op->params;
  for (size_t i = 1; i < canonical.size(); ++i) {
    if (!canonical[i].default_value) {
      error(DiagCode::InternalError, range,
            "attribute op '" + std::string(match.op->name) + "' has a required parameter '" +
                canonical[i].name + "'");
      return poison(range);
    }
    inputs.push_back(builder_.constant(*canonical[i].default_value, range));
  }
  return emit_spelled_op(match, std::move(inputs), range);
}

namespace {

// "did you mean 'np.linalg.norm'?" for a misspelt function of a supported
// submodule (`linalg.nrm`): only names of that submodule, compared by their
// last part.
std::string submodule_suggestion(const std::string& path, const std::string& alias) {
  size_t dot = path.rfind('.');
  if (dot == std::string::npos) return {};
  std::string_view submodule = std::string_view(path).substr(0, dot + 1);  // "linalg."
  std::vector<std::string_view> names;
  for (std::string_view name : spelled_names(SpellingKind::NumpyFunction)) {
    if (name.substr(0, submodule.size()) == submodule)
      names.push_back(name.substr(submodule.size()));
  }
  return did_you_mean(path.substr(dot + 1), names, alias + "." + std::string(submodule));
}

}  // namespace

// np.random.rand, np.linalg.inv ...: submodule names other than the ones in
// ops.def (np.linalg.norm, lowered before this is asked). True after
// reporting when `expr` is such a dotted path under an import alias.
bool FunctionLowerer::report_dotted_module_path(const ast::Expr& expr,
                                                const ast::AttributeExpr& attr) {
  const ast::Expr* base = attr.value.get();
  std::string path = attr.attr;
  while (const auto* inner = std::get_if<ast::AttributeExpr>(&base->kind)) {
    path = inner->attr + "." + path;
    base = inner->value.get();
  }
  if (base == attr.value.get()) return false;  // x.attr: one level, not a submodule
  std::optional<ImportedModule> module = as_module(*base);
  if (!module) return false;
  const std::string& alias = std::get<ast::Name>(base->kind).id;
  bool numpy = *module == ImportedModule::Numpy;
  std::string message = "'" + alias + "." + path + "' is not supported";
  if (!numpy) {
    message += " (math has no submodules)";
  } else if (path.starts_with("random.")) {
    message +=
        ": NumPy's global random state is not (no two functions could share it); create "
        "a generator and draw from it: rng = " +
        alias +
        ".random.default_rng(seed); "
        "rng.random(size), rng.standard_normal(size), rng.normal(loc, scale, size), "
        "rng.uniform(low, high, size), rng.integers(low, high, size), rng.choice(a, size, p=p)";
  } else if (std::string suggestion = submodule_suggestion(path, alias); !suggestion.empty()) {
    message += suggestion;
  } else {
    message += " (of NumPy's submodules only np.linalg.norm and np.random.default_rng are)";
  }
  error(numpy ? DiagCode::UnknownNumpyFunction : DiagCode::UnknownModuleAttribute, expr.range,
        std::move(message));
  return true;
}

}  // namespace pygraft::transform
