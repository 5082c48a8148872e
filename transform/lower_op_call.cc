// Calls of ops from graph/ops.def. The arguments are bound to the spelling's
// own parameter list (a method's receiver is its first argument), then
// mapped by name onto the op's canonical parameters, which fix the operand
// order; canonical parameters the spelling does not bind take the spelling's
// default, else the canonical one, as const nodes. The spelling's rules for
// Python scalars (graph/op_table.h ScalarRules) add conversions of the
// operands, and finally its result conversion (`-> array` ...) is applied.
#include <algorithm>

#include "transform/constant_eval.h"
#include "transform/function_lowerer.h"
#include "transform/suggest.h"

namespace pygraft::transform {

namespace {

const ParamSpec* find_param(const std::vector<ParamSpec>& params, std::string_view name) {
  for (const ParamSpec& param : params) {
    if (param.name == name) return &param;
  }
  return nullptr;
}

}  // namespace

ValueId FunctionLowerer::lower_op_call(const SpellingMatch& match, const CallSite& site) {
  const Spelling& spelling = *match.spelling;
  const std::vector<ParamSpec>& canonical = match.op->params;
  const std::vector<ParamSpec>& params = spelling.params.empty() ? canonical : spelling.params;
  std::optional<std::vector<ParamBinding>> bound = bind_arguments(params, site, diags_);
  if (!bound) {
    lower_arguments_for_diagnostics(site);
    return poison(site.range);
  }
  bool allow_lists = spelling.kind == SpellingKind::NumpyFunction;
  LoweredArguments lowered = lower_in_source_order(params, *bound, allow_lists);
  std::vector<ValueId> inputs;
  bool ok = true;
  for (const ParamSpec& target : canonical) {
    const ParamSpec* spelled = find_param(params, target.name);
    std::vector<ValueId> values;
    if (spelled != nullptr) values = lowered[static_cast<size_t>(spelled - params.data())];
    std::optional<ValueId> input = lower_canonical_param(
        target, spelled, values, site, spelling.kind == SpellingKind::NumpyFunction);
    ok = ok && input.has_value();
    if (input) inputs.push_back(*input);
  }
  // Ops without parameters (x.dtype) take the receiver alone.
  if (canonical.empty() && !site.positional.empty() && site.positional[0].value) {
    inputs.push_back(*site.positional[0].value);
  }
  if (!ok) return poison(site.range);
  return emit_spelled_op(match, std::move(inputs), site.range);
}

// Note: the kernels' Python-scalar paths follow Python (operators, builtins,
// math); NumPy ufunc spellings reach them with a 0-d array in place of the
// first operand when all operands are Python scalars, so np.mod(5, 0) runs
// NumPy's loop. A ufunc's result is then always an array, so its `-> array`
// conversion is implied.
ValueId FunctionLowerer::emit_spelled_op(const SpellingMatch& match, std::vector<ValueId> inputs,
                                         SourceRange range) {
  const Spelling& spelling = *match.spelling;
  ResultConversion conversion = spelling.conversion;
  switch (spelling.rules) {
    case ScalarRules::NumpyUfunc:
      if (!inputs.empty()) inputs[0] = builder_.emit(OpCode::UfuncOperand, inputs, range);
      if (conversion == ResultConversion::ToArray) conversion = ResultConversion::None;
      break;
    case ScalarRules::Math:
      if (conversion == ResultConversion::ToInt) break;  // math.floor(int) stays exact
      for (ValueId& input : inputs) input = math_argument(input, range);
      break;
    case ScalarRules::ArrayMethod:
      if (!inputs.empty()) {
        inputs[0] = builder_.emit(OpCode::ArrayReceiver, {inputs[0]}, range,
                                  {Attribute{"name", Literal(spelling.name)}});
      }
      break;
    case ScalarRules::NumpyAsArray:
    case ScalarRules::Python:
      break;
  }
  ValueId result = builder_.emit(match.op->code, std::move(inputs), range);
  return convert_result(conversion, result, range);
}

// float(x), as the math module converts its arguments; a number known here
// converts now.
ValueId FunctionLowerer::math_argument(ValueId value, SourceRange range) {
  if (const Literal* known = builder_.constant_value(value)) {
    if (known->is<double>()) return value;
    if (known->is<int64_t>()) {
      return builder_.constant(Literal(static_cast<double>(known->as<int64_t>())), range);
    }
    if (known->is<bool>()) return builder_.constant(Literal(known->as<bool>() ? 1.0 : 0.0), range);
  }
  return builder_.emit(OpCode::ToFloat, {value}, range);
}

// The operand for one canonical parameter: what the call passed (packed for
// a variadic parameter), else the spelling's default, else the canonical one.
std::optional<ValueId> FunctionLowerer::lower_canonical_param(const ParamSpec& canonical,
                                                              const ParamSpec* spelled,
                                                              const std::vector<ValueId>& values,
                                                              const CallSite& site,
                                                              bool always_tuple) {
  if (!values.empty()) {
    bool variadic = spelled != nullptr ? spelled->variadic : canonical.variadic;
    return pack(values, variadic, always_tuple, site.range);
  }
  if (spelled != nullptr && spelled->default_value) {
    return builder_.constant(*spelled->default_value, site.range);
  }
  if (canonical.default_value) return builder_.constant(*canonical.default_value, site.range);
  error(DiagCode::WrongArgumentCount, site.range,
        "'" + std::string(site.callee) + "' is missing the required argument '" + canonical.name +
            "'");
  return std::nullopt;
}

// A variadic parameter packs its arguments into a tuple; unless
// `always_tuple` (NumPy functions, as Python packs *args), a single argument
// is passed as is (x.reshape(2, 3) and x.reshape((2, 3)) both work).
ValueId FunctionLowerer::pack(const std::vector<ValueId>& values, bool variadic, bool always_tuple,
                              SourceRange range) {
  if (!variadic || (values.size() == 1 && !always_tuple)) return values[0];
  return builder_.tuple(values, range);
}

// Python evaluates arguments left to right whatever parameter they bind to.
FunctionLowerer::LoweredArguments FunctionLowerer::lower_in_source_order(
    const std::vector<ParamSpec>& params, const std::vector<ParamBinding>& bound,
    bool allow_lists) {
  struct Pending {
    size_t param, slot;
    const CallArgument* argument;
  };
  std::vector<Pending> pending;
  LoweredArguments lowered(params.size());
  for (size_t p = 0; p < params.size(); ++p) {
    lowered[p].resize(bound[p].arguments.size());
    for (size_t a = 0; a < bound[p].arguments.size(); ++a) {
      pending.push_back(Pending{p, a, &bound[p].arguments[a]});
    }
  }
  std::stable_sort(pending.begin(), pending.end(), [](const Pending& x, const Pending& y) {
    return starts_before(x.argument->range, y.argument->range);
  });
  for (const Pending& item : pending) {
    lowered[item.param][item.slot] =
        lower_argument(params[item.param], *item.argument, allow_lists);
  }
  return lowered;
}

ValueId FunctionLowerer::lower_argument(const ParamSpec& param, const CallArgument& argument,
                                        bool allow_lists) {
  if (argument.value) return *argument.value;
  const ast::Expr& expr = *argument.expr;
  if (param.name == "dtype") {
    if (std::optional<ValueId> dtype = lower_dtype_argument(expr)) return *dtype;
  }
  if (allow_lists) return lower_sequence_argument(expr);
  return lower_expr(expr);
}

// float, int, bool, np.float32, 'float32' ... where a dtype is expected.
std::optional<ValueId> FunctionLowerer::lower_dtype_argument(const ast::Expr& expr) {
  std::optional<DType> dtype;
  if (const auto* name = std::get_if<ast::Name>(&expr.kind)) {
    bool builtin = !env_.is_local(name->id) && scope_.constant(name->id) == nullptr &&
                   scope_.function(name->id) == nullptr;
    if (builtin && (name->id == "float" || name->id == "int" || name->id == "bool")) {
      dtype = dtype_from_python_name(name->id);
    }
  } else if (const auto* text = std::get_if<ast::StringLiteral>(&expr.kind)) {
    dtype = dtype_from_python_name(text->value);
    if (!dtype) {
      error(DiagCode::UnsupportedString, expr.range,
            "unsupported dtype '" + text->value + "'; use one of " + supported_dtypes_text());
      return poison(expr.range);
    }
  }
  if (!dtype) return std::nullopt;
  return builder_.constant(Literal(*dtype), expr.range);
}

// Arguments of NumPy functions may be (nested) list literals: tuples here.
ValueId FunctionLowerer::lower_sequence_argument(const ast::Expr& expr) {
  const std::vector<ast::ExprPtr>* elements = nullptr;
  if (const auto* list = std::get_if<ast::ListExpr>(&expr.kind)) elements = &list->elements;
  if (const auto* tuple = std::get_if<ast::TupleExpr>(&expr.kind)) elements = &tuple->elements;
  if (elements == nullptr) return lower_expr(expr);
  std::vector<ValueId> values;
  for (const ast::ExprPtr& element : *elements) values.push_back(lower_sequence_argument(*element));
  return builder_.tuple(std::move(values), expr.range);
}

ValueId FunctionLowerer::convert_result(ResultConversion conversion, ValueId value,
                                        SourceRange range) {
  switch (conversion) {
    case ResultConversion::None:
      return value;
    case ResultConversion::ToArray:
      return builder_.emit(OpCode::AsArray, {value, builder_.constant(Literal(), range)}, range);
    case ResultConversion::ToFloat:
      return builder_.emit(OpCode::ToFloat, {value}, range);
    case ResultConversion::ToInt:
      return builder_.emit(OpCode::ToInt, {value}, range);
    case ResultConversion::ToBool:
      return builder_.emit(OpCode::Truth, {value}, range);
  }
  return value;
}

}  // namespace pygraft::transform
