// Name resolution for the lowering. A name inside a function resolves, in
// Python's order, to: a local variable (a parameter or any name the function
// assigns anywhere), a module constant, a function of the file, an imported
// module, a builtin. ModuleScope holds the module-level names; Environment
// maps each local name to its current SSA value (rebinding a name replaces its
// entry, which is SSA renaming).
//
// Note: control flow (a later issue) snapshots and merges Environments; keep
// the binding table a plain copyable value for that.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "graph/ir.h"
#include "graph/op_table.h"
#include "parser/ast.h"

namespace pygraft::transform {

enum class ImportedModule { Numpy, Math };

class MissingImports;  // transform/missing_imports.h

// A function of the file as callers see it: its parameters with the defaults
// already evaluated to constants.
struct FunctionSignature {
  const ast::FunctionDef* def = nullptr;
  std::vector<ParamSpec> params;
};

class ModuleScope {
 public:
  void add_import(const std::string& alias, ImportedModule module);
  void set_constant(const std::string& name, Literal value);
  // False when a function of that name already exists (the first one stays).
  bool add_function(FunctionSignature signature);

  std::optional<ImportedModule> import_of(std::string_view name) const;
  // A name bound by an import of a module compiled code cannot use (`import
  // matplotlib.pyplot as plt`, `from os import path`): "module 'os'" or
  // "'path' of module 'os'", for the diagnostic at a use.
  void add_foreign_import(const std::string& alias, std::string what, SourceRange where);
  struct ForeignImport {
    std::string what;
    SourceRange where;
  };
  const ForeignImport* foreign_import(std::string_view name) const;
  // True the first time it is asked for `name`: a foreign import is
  // reported at its first use only (its cause is one line).
  bool first_foreign_use(std::string_view name) const { return foreign_used_.emplace(name).second; }
  const Literal* constant(std::string_view name) const;
  const FunctionSignature* function(std::string_view name) const;
  // Every name a function body can see besides its locals, for suggestions.
  std::vector<std::string_view> visible_names() const;
  std::vector<std::string_view> function_names() const;
  std::vector<std::string_view> import_aliases() const;

  // The module a conventional alias (np, numpy, math) stands for when the
  // file uses it without importing it and it names nothing else; the use is
  // recorded in the MissingImports given (transform/missing_imports.h).
  std::optional<ImportedModule> assume_import(std::string_view alias, SourceRange use) const;
  void set_missing_imports(MissingImports* uses) { missing_imports_ = uses; }

  // Names in top-level code the parser left out (see ast::DroppedNames),
  // and module constants whose definition failed.
  void set_dropped_names(const ast::DroppedNames* names) { dropped_names_ = names; }
  void add_dropped_name(std::string name) { failed_names_.insert(std::move(name)); }
  bool in_dropped_code(std::string_view name) const {
    return (dropped_names_ != nullptr && dropped_names_->contains(name)) ||
           failed_names_.contains(name);
  }

 private:
  const ast::DroppedNames* dropped_names_ = nullptr;
  MissingImports* missing_imports_ = nullptr;
  ast::DroppedNames failed_names_;
  std::map<std::string, ImportedModule, std::less<>> imports_;
  std::map<std::string, ForeignImport, std::less<>> foreign_imports_;
  // Note: mutable: the lowering reads the scope as const, and which uses
  // were reported is bookkeeping of the diagnostics, not of the scope.
  mutable std::set<std::string, std::less<>> foreign_used_;
  std::map<std::string, Literal, std::less<>> constants_;
  std::map<std::string, FunctionSignature, std::less<>> functions_;
};

// The builtins a function may call (print and range are handled specially).
const std::vector<std::string_view>& builtin_names();

// Note: the lowering copies the Environment at every if and loop (a snapshot
// per branch), so the copy is cheap: the local names are shared, and the
// bindings are one sorted vector.
class Environment {
 public:
  using Binding = std::pair<std::string, ValueId>;

  explicit Environment(std::set<std::string, std::less<>> locals)
      : locals_(std::make_shared<const std::set<std::string, std::less<>>>(std::move(locals))) {}

  // Assigned somewhere in the function: Python treats the name as local
  // everywhere in it, even before the first assignment.
  bool is_local(std::string_view name) const { return locals_->count(name) != 0; }
  std::optional<ValueId> lookup(std::string_view name) const;
  void bind(const std::string& name, ValueId value);
  std::vector<std::string_view> local_names() const;

 private:
  std::shared_ptr<const std::set<std::string, std::less<>>> locals_;
  std::vector<Binding> bindings_;  // sorted by name
};

// Parameters and every name bound by an assignment, annotated assignment,
// augmented assignment or for target anywhere in the function (nested blocks
// included). Subscript targets do not bind names.
std::set<std::string, std::less<>> collect_local_names(const ast::FunctionDef& def);

}  // namespace pygraft::transform
