// FunctionLowerer: parameters, the body and the returned value.
#include "transform/constant_eval.h"
#include "transform/function_lowerer.h"

namespace pygraft::transform {

FunctionLowerer::FunctionLowerer(const ModuleScope& scope, const ast::FunctionDef& def,
                                 DiagnosticSink& diags)
    : scope_(scope),
      def_(def),
      diags_(diags),
      builder_(function_),
      env_(collect_local_names(def)),
      liveness_(Liveness::compute(def)) {}

Function FunctionLowerer::lower() && {
  function_.name = def_.name;
  function_.range = def_.range;
  lower_parameters();
  Flow flow = lower_block(def_.body);
  if (flow == Flow::FallsThrough || !return_value_) {
    // Falling off the end returns None.
    SourceRange end = def_.range;
    end.line = end.end_line;
    end.column = end.end_column > 1 ? end.end_column - 1 : end.end_column;
    return_value_ = builder_.constant(Literal(), end);
  }
  function_.body.yields = {*return_value_};
  function_.value_names.resize(function_.num_values);
  return std::move(function_);
}

// Region arguments, one per parameter; defaults were evaluated with the
// module scope (lower_module.cc) so callers and the signature agree.
void FunctionLowerer::lower_parameters() {
  const FunctionSignature* signature = scope_.function(def_.name);
  for (size_t i = 0; i < def_.params.size(); ++i) {
    const ast::Param& param = def_.params[i];
    Parameter ir_param;
    ir_param.name = param.name;
    ir_param.range = param.range;
    if (signature != nullptr && signature->def == &def_ && i < signature->params.size()) {
      ir_param.default_value = signature->params[i].default_value;
    }
    function_.params.push_back(std::move(ir_param));
    env_.bind(param.name, builder_.add_argument(param.name));
    warn_if_shadows_import(param.name, param.range);
  }
}

void FunctionLowerer::warn_if_shadows_import(std::string_view name, SourceRange range) {
  std::optional<ImportedModule> module = scope_.import_of(name);
  if (!module || !shadow_warned_.insert(std::string(name)).second) return;
  diags_.report(DiagCode::ShadowedImport, Severity::Warning, range,
                "'" + std::string(name) + "' hides the imported module '" +
                    std::string(module_display_name(*module)) + "' in function '" + def_.name +
                    "'");
}

ValueId FunctionLowerer::poison(SourceRange range) {
  ValueId value =
      builder_.emit(OpCode::Undef, {}, range, {Attribute{"name", Literal(std::string("<error>"))}});
  poisoned_.insert(value);
  return value;
}

void FunctionLowerer::error(DiagCode code, SourceRange range, std::string message) {
  diags_.report(code, range, std::move(message));
}

bool FunctionLowerer::unknown_receiver(const ast::Expr& expr, ValueId value) const {
  if (poisoned_.contains(value)) return true;
  const ast::Expr* base = &expr;
  while (const auto* attr = std::get_if<ast::AttributeExpr>(&base->kind)) base = attr->value.get();
  const auto* name = std::get_if<ast::Name>(&base->kind);
  return name != nullptr && in_dropped_code(name->id);
}

bool FunctionLowerer::in_dropped_code(std::string_view name) const {
  // Note: code is only dropped after a diagnostic; the check on has_errors()
  // keeps a silent drop from ever turning into a graph with a poison value.
  return diags_.has_errors() &&
         (def_.has_syntax_error || def_.names_in_dropped_code.contains(name) ||
          scope_.in_dropped_code(name));
}

}  // namespace pygraft::transform
