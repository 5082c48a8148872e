// Calls: what the callee expression names decides the lowering.
//   f(...)          a function of this file (call node), a builtin, print
//   np.NAME(...)    a NumPy function        math.NAME(...)  a math function
//   x.NAME(...)     an array method, with x bound to the first parameter
#include <charconv>
#include <functional>

#include "transform/constant_eval.h"
#include "transform/function_lowerer.h"
#include "transform/suggest.h"

namespace pygraft::transform {

namespace {

// The "did you mean" suggestion when there is one, else the general hint.
std::string suggestion_or(std::string suggestion, std::string_view hint) {
  return suggestion.empty() ? std::string(hint) : suggestion;
}

// NumPy functions whose meaning changes with their argument count: with
// exactly `positional` arguments and no keywords, np.FUNCTION is np.AS.
struct OtherForm {
  std::string_view function;
  size_t positional;
  std::string_view as;
};

constexpr OtherForm kOtherForms[] = {
    {"where", 1, "nonzero"},  // np.where(condition): the indices where it holds
};

std::string_view numpy_name_for(std::string_view function, const ast::CallExpr& call) {
  for (const OtherForm& form : kOtherForms) {
    if (form.function == function && call.args.size() == form.positional && call.keywords.empty())
      return form.as;
  }
  return function;
}

// A short source form of a call argument for a message: a number or a name
// as written, else "...".
std::string argument_text(const ast::CallExpr& call) {
  if (call.args.size() != 1) return "...";
  const ast::Expr& arg = *call.args[0];
  if (const auto* name = std::get_if<ast::Name>(&arg.kind)) return name->id;
  if (const auto* number = std::get_if<ast::IntLiteral>(&arg.kind)) {
    return std::to_string(number->value);
  }
  if (const auto* number = std::get_if<ast::FloatLiteral>(&arg.kind)) {
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number->value);
    std::string text(buffer, ec == std::errc() ? end : buffer);
    return text.find_first_of(".en") == std::string::npos ? text + ".0" : text;
  }
  return "...";
}

// A dtype called like a function: NumPy makes a scalar of it; the subset
// spells that np.asarray(v, dtype=...). `spelled` is "np.float32".
std::string dtype_call_message(const std::string& spelled, const ast::CallExpr& call) {
  return "'" + spelled + "(...)' is not supported: a dtype is not called; write np.asarray(" +
         argument_text(call) + ", dtype=" + spelled + ") for a " +
         spelled.substr(spelled.find('.') + 1) + " value, or pass " + spelled +
         " as a dtype argument (dtype=" + spelled + ", x.astype(" + spelled + "))";
}

// What to write instead of a Python builtin that is outside the subset but
// has a supported counterpart; empty when there is none.
std::string builtin_alternative(std::string_view name) {
  static const std::pair<std::string_view, std::string_view> kAlternatives[] = {
      {"pow", "the ** operator"},
      {"divmod", "// and %"},
  };
  for (const auto& [builtin, alternative] : kAlternatives) {
    if (builtin == name) return "; use " + std::string(alternative) + " instead";
  }
  return {};
}

// What is wrong with the seed of np.random.default_rng(...) as written;
// empty when it may be a non-negative int (checked again at run time).
std::string default_rng_seed_problem(const ast::CallExpr& call) {
  const ast::Expr* seed = call.args.empty() ? nullptr : call.args[0].get();
  for (const ast::Keyword& keyword : call.keywords) {
    if (keyword.name == "seed") seed = keyword.value.get();
  }
  if (seed == nullptr || std::holds_alternative<ast::NoneLiteral>(seed->kind)) {
    return "np.random.default_rng() without a seed takes its seed from the operating system, so "
           "no two runs give the same numbers; give an int seed: np.random.default_rng(0)";
  }
  const auto* negated = std::get_if<ast::UnaryExpr>(&seed->kind);
  const bool negative = negated != nullptr && negated->op == ast::UnaryOp::Neg &&
                        std::holds_alternative<ast::IntLiteral>(negated->operand->kind);
  const bool literal = std::holds_alternative<ast::FloatLiteral>(seed->kind) ||
                       std::holds_alternative<ast::StringLiteral>(seed->kind);
  if (negative || literal) {
    return "the seed of np.random.default_rng must be a non-negative int (pygraft takes no "
           "other seeds)";
  }
  return {};
}

}  // namespace

ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::CallExpr& call) {
  const ast::Expr& func = *call.func;
  if (call.starred_arg >= 0) {
    const ast::Expr& starred = *call.args[static_cast<size_t>(call.starred_arg)];
    error(DiagCode::UnsupportedStarredExpr, starred.range,
          "starred arguments ('*x') are only supported in zip(*x) as the iterable of a for loop or "
          "comprehension; pass the elements one by one");
    // Note: the call is still lowered (as if the argument were not
    // starred), so what else is wrong with it is reported too.
  }
  if (const auto* name = std::get_if<ast::Name>(&func.kind)) {
    return lower_named_call(expr, call, name->id);
  }
  if (const auto* attr = std::get_if<ast::AttributeExpr>(&func.kind)) {
    if (std::optional<ImportedModule> module = as_module(*attr->value)) {
      return lower_module_call(expr, call, *module, *attr);
    }
    if (std::optional<ValueId> value = lower_submodule_call(expr, call, *attr)) return *value;
    if (report_dotted_module_path(func, *attr)) return poison(expr.range);
    return lower_method_call(expr, call, *attr);
  }
  error(DiagCode::UnknownFunction, func.range,
        "only functions of this file, builtins, NumPy/math functions and array methods can be "
        "called");
  return poison(expr.range);
}

CallSite FunctionLowerer::make_call_site(std::string_view callee, const ast::Expr& expr,
                                         const ast::CallExpr& call) {
  CallSite site{callee, expr.range, {}, {}};
  for (const ast::ExprPtr& arg : call.args) {
    site.positional.push_back(CallArgument{arg.get(), std::nullopt, arg->range});
  }
  for (const ast::Keyword& keyword : call.keywords) {
    CallArgument argument{keyword.value.get(), std::nullopt, keyword.value->range};
    site.keywords.push_back(KeywordArgument{keyword.name, argument, keyword.range});
  }
  return site;
}

ValueId FunctionLowerer::lower_named_call(const ast::Expr& expr, const ast::CallExpr& call,
                                          const std::string& name) {
  const ast::Expr& func = *call.func;
  if (env_.is_local(name) || scope_.constant(name) != nullptr) {
    // Note: a variable assigned from code the parser left out (`act =
    // lambda v: v`) was already reported.
    if (!in_dropped_code(name)) {
      error(DiagCode::UnknownFunction, func.range, quoted(name) + " is a variable, not a function");
    }
  } else if (const FunctionSignature* callee = scope_.function(name)) {
    return lower_function_call(expr, call, *callee);
  } else if (report_foreign_use(func.range, name)) {
    // reported
  } else if (scope_.import_of(name)) {
    error(DiagCode::UnknownFunction, func.range,
          "module " + quoted(name) + " is not callable; call " + name + ".NAME(...)");
  } else if (name == "print") {
    return lower_print(expr, call);
  } else if ((name == "$max_by" || name == "$min_by") && call.args.size() == 2) {
    // max(xs, key=f) with the keys computed (transform/ast_passes/inline_lambdas.h)
    ValueId items = lower_expr(*call.args[0]);
    ValueId keys = lower_expr(*call.args[1]);
    return builder_.emit(name == "$max_by" ? OpCode::PyMaxBy : OpCode::PyMinBy, {items, keys},
                         expr.range);
  } else if (name == "range") {
    // Note: outside a for loop, range(...) is the list of its ints.
    std::optional<IterationSource> source = lower_range(expr, call);
    if (!source) return poison(expr.range);
    return builder_.emit(OpCode::RangeList, {source->start, source->length, source->step},
                         expr.range);
  } else if (std::optional<SpellingMatch> match = find_spelling(SpellingKind::Builtin, name)) {
    return lower_op_call(*match, make_call_site(name, expr, call));
  } else if (!in_dropped_code(name)) {
    std::vector<std::string_view> candidates = scope_.function_names();
    for (std::string_view builtin : builtin_names()) candidates.push_back(builtin);
    error(DiagCode::UnknownFunction, func.range,
          "unknown function " + quoted(name) +
              suggestion_or(builtin_alternative(name),
                            suggestion_or(did_you_mean(name, candidates),
                                          "; define it in this file or call a supported builtin, "
                                          "NumPy or math function")));
  }
  lower_arguments_for_diagnostics(make_call_site(name, expr, call));
  return poison(expr.range);
}

ValueId FunctionLowerer::lower_module_call(const ast::Expr& expr, const ast::CallExpr& call,
                                           ImportedModule module, const ast::AttributeExpr& attr) {
  const auto& alias = std::get<ast::Name>(attr.value->kind).id;
  const std::string callee = alias + "." + attr.attr;
  const bool numpy = module == ImportedModule::Numpy;
  SpellingKind kind = numpy ? SpellingKind::NumpyFunction : SpellingKind::MathFunction;
  std::optional<SpellingMatch> match =
      find_spelling(kind, numpy ? numpy_name_for(attr.attr, call) : attr.attr);
  if (match) return lower_op_call(*match, make_call_site(callee, expr, call));
  std::optional<Literal> constant = module_attribute(module, attr.attr);
  if (constant && constant->is<DType>() && call.args.size() == 1 && call.keywords.empty()) {
    // np.float32(x): NumPy's scalar of that dtype, i.e. np.asarray(x, dtype=np.float32)
    // (our 0-d arrays are NumPy scalars).
    CallSite site = make_call_site(callee, expr, call);
    const ValueId dtype = builder_.constant(*constant, call.func->range);
    site.keywords.push_back(
        KeywordArgument{"dtype", {nullptr, dtype, call.func->range}, expr.range});
    return lower_op_call(*find_spelling(SpellingKind::NumpyFunction, "asarray"), site);
  }
  std::string message = quoted(callee) + " is not a supported " + (numpy ? "NumPy" : "math") +
                        " function" +
                        suggestion_or(unknown_name_advice(kind, attr.attr, alias + "."),
                                      "; see docs/numpy-support.md for the supported ones");
  DiagCode code = numpy ? DiagCode::UnknownNumpyFunction : DiagCode::UnknownModuleAttribute;
  SourceRange range = call.func->range;
  if (constant && constant->is<DType>()) {
    message = dtype_call_message(callee, call);
  } else if (numpy && is_numpy_scalar_type(attr.attr)) {
    message = quoted(callee) + " is not a supported dtype; the supported dtypes are " +
              supported_dtypes_text();
  } else if (constant) {
    message = quoted(callee) + " is a constant, not a function";
  }
  error(code, range, std::move(message));
  lower_arguments_for_diagnostics(make_call_site(callee, expr, call));
  return poison(expr.range);
}

// np.linalg.norm(...): a NumPy function spelled with its submodule.
std::optional<ValueId> FunctionLowerer::lower_submodule_call(const ast::Expr& expr,
                                                             const ast::CallExpr& call,
                                                             const ast::AttributeExpr& attr) {
  const auto* submodule = std::get_if<ast::AttributeExpr>(&attr.value->kind);
  if (submodule == nullptr) return std::nullopt;
  std::optional<ImportedModule> module = as_module(*submodule->value);
  if (module != ImportedModule::Numpy) return std::nullopt;
  std::optional<SpellingMatch> match =
      find_spelling(SpellingKind::NumpyFunction, submodule->attr + "." + attr.attr);
  if (!match) return std::nullopt;
  if (match->op->code == OpCode::DefaultRng) {
    if (std::string problem = default_rng_seed_problem(call); !problem.empty()) {
      error(DiagCode::RandomSeed, expr.range, std::move(problem));
      return poison(expr.range);
    }
  }
  // Note: CallSite::callee is a string_view; the name must outlive the site.
  const std::string callee =
      std::get<ast::Name>(submodule->value->kind).id + "." + submodule->attr + "." + attr.attr;
  return lower_op_call(*match, make_call_site(callee, expr, call));
}

ValueId FunctionLowerer::lower_method_call(const ast::Expr& expr, const ast::CallExpr& call,
                                           const ast::AttributeExpr& attr) {
  ValueId receiver = lower_expr(*attr.value);
  if (attr.attr == "format") return lower_str_format(expr, call, receiver);
  if (std::optional<ValueId> result = lower_container_method(expr, call, attr, receiver)) {
    return *result;
  }
  std::optional<SpellingMatch> match = find_spelling(SpellingKind::Method, attr.attr);
  if (!match) {
    std::string message = "unknown array method " + quoted(attr.attr) +
                          suggestion_or(unknown_name_advice(SpellingKind::Method, attr.attr, ""),
                                        "; see docs/numpy-support.md for the supported methods");
    if (find_spelling(SpellingKind::Attribute, attr.attr)) {
      message = quoted(attr.attr) + " is an array attribute, not a method; use x." + attr.attr;
    }
    if (!unknown_receiver(*attr.value, receiver)) {
      error(DiagCode::UnknownMethod, attr.attr_range, std::move(message));
    }
    lower_arguments_for_diagnostics(make_call_site(attr.attr, expr, call));
    return poison(expr.range);
  }
  // Note: CallSite::callee is a string_view; the name must outlive the site.
  std::string callee = "." + attr.attr;
  CallSite site = make_call_site(callee, expr, call);
  site.positional.insert(site.positional.begin(),
                         CallArgument{nullptr, receiver, attr.value->range});
  return lower_op_call(*match, site);
}

// `fmt.format(a, b)`: positional fields only (named fields need keywords).
ValueId FunctionLowerer::lower_str_format(const ast::Expr& expr, const ast::CallExpr& call,
                                          ValueId receiver) {
  if (!call.keywords.empty()) {
    error(DiagCode::UnsupportedString, call.keywords.front().range,
          "str.format() with named fields is not supported; number the fields and pass the "
          "values by position: '{0} {1}'.format(a, b)");
    return poison(expr.range);
  }
  std::vector<ValueId> inputs{receiver};
  for (const ast::ExprPtr& arg : call.args) inputs.push_back(lower_expr(*arg));
  return builder_.emit(OpCode::StrFormat, std::move(inputs), expr.range);
}

void FunctionLowerer::lower_arguments_for_diagnostics(const CallSite& site) {
  // Note: whether a string or list literal is valid depends on the parameter
  // it binds to, which is unknown here; those are skipped. Arguments that
  // were already lowered (value set) are not lowered twice.
  auto lower_if_checkable = [&](const CallArgument& arg) {
    if (arg.expr == nullptr || arg.value) return;
    if (std::holds_alternative<ast::StringLiteral>(arg.expr->kind) ||
        std::holds_alternative<ast::ListExpr>(arg.expr->kind)) {
      return;
    }
    lower_expr(*arg.expr);
  };
  for (const CallArgument& arg : site.positional) lower_if_checkable(arg);
  for (const KeywordArgument& keyword : site.keywords) lower_if_checkable(keyword.argument);
}

// A function of this file: a call node binding every parameter of the
// callee; missing ones take its constant default.
ValueId FunctionLowerer::lower_function_call(const ast::Expr& expr, const ast::CallExpr& call,
                                             const FunctionSignature& callee) {
  CallSite site = make_call_site(callee.def->name, expr, call);
  // Note: a callee whose signature lost parameters or holds a syntax error
  // (already reported) cannot be checked against; a mismatch would only be a
  // follow-on error.
  DiagnosticSink discarded;
  bool follow_on =
      (callee.def->signature_incomplete || callee.def->has_syntax_error) && diags_.has_errors();
  std::optional<std::vector<ParamBinding>> bound =
      bind_arguments(callee.params, site, follow_on ? discarded : diags_);
  if (!bound) {
    lower_arguments_for_diagnostics(site);
    return poison(expr.range);
  }
  LoweredArguments lowered = lower_in_source_order(callee.params, *bound, false);
  std::vector<ValueId> inputs;
  for (size_t p = 0; p < callee.params.size(); ++p) {
    if (lowered[p].empty()) {
      inputs.push_back(builder_.constant(*callee.params[p].default_value, expr.range));
    } else {
      inputs.push_back(lowered[p][0]);
    }
  }
  return builder_.emit(OpCode::Call, std::move(inputs), expr.range,
                       {Attribute{"callee", Literal(callee.def->name)}});
}

// print(a, 'text', sep=' ', end='\n'): string literals are const str nodes;
// sep and end are attributes. print returns None.
ValueId FunctionLowerer::lower_print(const ast::Expr& expr, const ast::CallExpr& call) {
  std::vector<ValueId> inputs;
  for (const ast::ExprPtr& arg : call.args) {
    if (const auto* text = std::get_if<ast::StringLiteral>(&arg->kind)) {
      inputs.push_back(builder_.constant(Literal(text->value), arg->range));
    } else {
      inputs.push_back(lower_expr(*arg));
    }
  }
  std::string sep = " ", end = "\n";
  for (const ast::Keyword& keyword : call.keywords) {
    std::optional<std::string> value = print_keyword(keyword);
    if (value && keyword.name == "sep") sep = *value;
    if (value && keyword.name == "end") end = *value;
  }
  builder_.emit_effect(OpCode::Print, std::move(inputs), expr.range,
                       {Attribute{"sep", Literal(sep)}, Attribute{"end", Literal(end)}});
  return builder_.constant(Literal(), expr.range);
}

// The string a `sep=` / `end=` keyword gives (None means the default).
std::optional<std::string> FunctionLowerer::print_keyword(const ast::Keyword& keyword) {
  if (keyword.name != "sep" && keyword.name != "end") {
    error(DiagCode::UnknownKeyword, keyword.range,
          "print() got an unsupported keyword argument " + quoted(keyword.name) +
              did_you_mean(keyword.name, {"sep", "end"}));
    return std::nullopt;
  }
  if (std::holds_alternative<ast::NoneLiteral>(keyword.value->kind)) {
    return std::string(keyword.name == "sep" ? " " : "\n");
  }
  if (const auto* text = std::get_if<ast::StringLiteral>(&keyword.value->kind)) return text->value;
  error(DiagCode::UnsupportedString, keyword.value->range,
        "print()'s " + keyword.name + "= must be a string literal");
  return std::nullopt;
}

}  // namespace pygraft::transform
