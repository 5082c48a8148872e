// Module-level lowering: imports, constants, function signatures, the call
// graph (entries, recursion), then one FunctionLowerer per selected function.
#include "transform/lower_module.h"

#include <map>

#include "transform/analysis/activity.h"
#include "transform/ast_passes/resolve_imports.h"
#include "transform/call_graph.h"
#include "transform/constant_eval.h"
#include "transform/function_lowerer.h"
#include "transform/missing_imports.h"

namespace pygraft::transform {

namespace {

// `import numpy|math [as A]`; the names of from-imports and numpy
// submodules were resolved (transform/ast_passes/resolve_imports.h). Other
// imports are foreign: an error where compiled code uses them.
void declare_imports(const ast::Module& module, ModuleScope& scope) {
  for (const ast::Import& import : module.imports) {
    if (!is_supported_import(import)) {
      const std::string what = import.name.empty()
                                   ? "module '" + import.module + "'"
                                   : "'" + import.name + "' of module '" + import.module + "'";
      scope.add_foreign_import(import.alias, what, import.range);
    } else if (import.name.empty() && import.module == "numpy") {
      scope.add_import(import.alias, ImportedModule::Numpy);
    } else if (import.name.empty() && import.module == "math") {
      scope.add_import(import.alias, ImportedModule::Math);
    }
  }
}

bool mentions_dropped_name(const ast::Expr& expr, const ModuleScope& scope) {
  bool found = false;
  for_each_name_read(expr, [&](const ast::Expr& name) {
    found = found || scope.in_dropped_code(std::get<ast::Name>(name.kind).id);
  });
  return found;
}

// Constants are evaluated in source order; each sees the ones above it. A
// constant whose value holds dropped code, or that failed, counts as dropped
// code itself: its uses are follow-ons (only the cause is reported).
void evaluate_constants(const ast::Module& module, ModuleScope& scope, DiagnosticSink& diags) {
  for (const ast::ConstantDef& constant : module.constants) {
    if (scope.in_dropped_code(constant.name)) continue;  // `N = lambda: 0`, already reported
    ConstantResult result = evaluate_constant(*constant.value, scope);
    if (!result.value) {
      if (result.error_code == DiagCode::IntegerOverflow) {
        diags.report(DiagCode::IntegerOverflow, result.error_range, result.error);
      } else if (!mentions_dropped_name(*constant.value, scope)) {
        diags.report(
            result.error_code, result.error_range,
            "module-level name '" + constant.name + "' must be a constant: " + result.error);
      }
      scope.add_dropped_name(constant.name);
      continue;
    }
    scope.set_constant(constant.name, std::move(*result.value));
  }
}

FunctionSignature make_signature(const ast::FunctionDef& def, const ModuleScope& scope,
                                 DiagnosticSink& diags) {
  FunctionSignature signature{&def, {}};
  std::set<std::string> seen;
  for (const ast::Param& param : def.params) {
    // Note: a broken header can pull in the next function's parameters.
    if (!seen.insert(param.name).second && !def.has_syntax_error) {
      diags.report(DiagCode::DuplicateParameter, param.range,
                   "duplicate parameter '" + param.name + "' in function '" + def.name + "'");
    }
    ParamSpec spec{param.name, std::nullopt, false};
    if (param.default_value) {
      ConstantResult result = evaluate_constant(*param.default_value, scope);
      if (result.value) {
        spec.default_value = std::move(result.value);
      } else if (result.error_code == DiagCode::IntegerOverflow) {
        diags.report(DiagCode::IntegerOverflow, result.error_range, result.error);
        spec.default_value = Literal();
      } else {
        diags.report(
            DiagCode::UnsupportedDefaultValue, param.default_value->range,
            "the default of parameter '" + param.name + "' must be a constant: " + result.error);
        spec.default_value = Literal();  // keeps callers from reporting a missing argument
      }
    }
    signature.params.push_back(std::move(spec));
  }
  return signature;
}

void declare_functions(const ast::Module& module, ModuleScope& scope, DiagnosticSink& diags) {
  std::map<std::string, const ast::FunctionDef*> first;
  for (const ast::FunctionDef& def : module.functions) {
    auto [it, inserted] = first.emplace(def.name, &def);
    if (!inserted) {
      diags.report(DiagCode::DuplicateFunction, def.name_range,
                   "function '" + def.name + "' is already defined on line " +
                       std::to_string(it->second->name_range.line));
      continue;
    }
    scope.add_function(make_signature(def, scope, diags));
  }
}

}  // namespace

namespace {

// `built(i, function)`: called with module.functions[i]'s IR once built.
Module build_selected(const ast::Module& module, const std::vector<std::string>& entries,
                      DiagnosticSink& diags, const std::function<void(size_t, Function&)>& built) {
  ModuleScope scope;
  scope.set_dropped_names(&module.names_in_dropped_code);
  declare_imports(module, scope);
  evaluate_constants(module, scope, diags);
  declare_functions(module, scope, diags);

  CallGraph calls(module, scope);
  std::set<std::string> selected = calls.select(entries, diags);
  calls.report_recursion(selected, diags);

  MissingImports missing_imports;
  scope.set_missing_imports(&missing_imports);
  Module out;
  for (size_t i = 0; i < module.functions.size(); ++i) {
    const ast::FunctionDef& def = module.functions[i];
    const FunctionSignature* signature = scope.function(def.name);
    if (selected.count(def.name) == 0 || signature == nullptr || signature->def != &def) continue;
    out.functions.push_back(FunctionLowerer(scope, def, diags).lower());
    if (built) built(i, out.functions.back());
  }
  missing_imports.report(scope, diags);
  return out;
}

}  // namespace

Module build_module(const ast::Module& module, const std::vector<std::string>& entries,
                    DiagnosticSink& diags) {
  return build_selected(module, entries, diags, nullptr);
}

Module build_module(ast::Module& module, const std::vector<std::string>& entries,
                    DiagnosticSink& diags, const std::function<void(Function&)>& after_function) {
  return build_selected(module, entries, diags, [&](size_t i, Function& function) {
    after_function(function);
    // Note: the definition stays (later calls read its signature); only its
    // statements go.
    module.functions[i].body.clear();
  });
}

}  // namespace pygraft::transform
