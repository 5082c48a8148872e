#include "transform/scope.h"

#include <algorithm>

namespace pygraft::transform {

void ModuleScope::add_import(const std::string& alias, ImportedModule module) {
  foreign_imports_.erase(alias);
  imports_[alias] = module;
}

void ModuleScope::set_constant(const std::string& name, Literal value) {
  constants_[name] = std::move(value);
}

bool ModuleScope::add_function(FunctionSignature signature) {
  return functions_.emplace(signature.def->name, std::move(signature)).second;
}

void ModuleScope::add_foreign_import(const std::string& alias, std::string what,
                                     SourceRange where) {
  imports_.erase(alias);
  foreign_imports_[alias] = ForeignImport{std::move(what), where};
}

const ModuleScope::ForeignImport* ModuleScope::foreign_import(std::string_view name) const {
  auto it = foreign_imports_.find(name);
  return it == foreign_imports_.end() ? nullptr : &it->second;
}

std::optional<ImportedModule> ModuleScope::import_of(std::string_view name) const {
  auto it = imports_.find(name);
  if (it == imports_.end()) return std::nullopt;
  return it->second;
}

const Literal* ModuleScope::constant(std::string_view name) const {
  auto it = constants_.find(name);
  return it == constants_.end() ? nullptr : &it->second;
}

const FunctionSignature* ModuleScope::function(std::string_view name) const {
  auto it = functions_.find(name);
  return it == functions_.end() ? nullptr : &it->second;
}

std::vector<std::string_view> ModuleScope::visible_names() const {
  std::vector<std::string_view> names;
  for (const auto& [name, value] : constants_) names.push_back(name);
  for (const auto& [name, value] : functions_) names.push_back(name);
  for (const auto& [name, value] : imports_) names.push_back(name);
  for (std::string_view name : builtin_names()) names.push_back(name);
  return names;
}

std::vector<std::string_view> ModuleScope::function_names() const {
  std::vector<std::string_view> names;
  for (const auto& [name, value] : functions_) names.push_back(name);
  return names;
}

std::vector<std::string_view> ModuleScope::import_aliases() const {
  std::vector<std::string_view> names;
  for (const auto& [name, value] : imports_) names.push_back(name);
  return names;
}

const std::vector<std::string_view>& builtin_names() {
  static const std::vector<std::string_view> names = {"len", "abs",  "min",   "max",   "float",
                                                      "int", "bool", "round", "print", "range"};
  return names;
}

namespace {

bool binding_before(const Environment::Binding& binding, std::string_view name) {
  return binding.first < name;
}

}  // namespace

std::optional<ValueId> Environment::lookup(std::string_view name) const {
  auto it = std::lower_bound(bindings_.begin(), bindings_.end(), name, binding_before);
  if (it == bindings_.end() || it->first != name) return std::nullopt;
  return it->second;
}

void Environment::bind(const std::string& name, ValueId value) {
  auto it = std::lower_bound(bindings_.begin(), bindings_.end(), name, binding_before);
  if (it != bindings_.end() && it->first == name) {
    it->second = value;
  } else {
    bindings_.emplace(it, name, value);
  }
}

std::vector<std::string_view> Environment::local_names() const {
  return {locals_->begin(), locals_->end()};
}

namespace {

using NameSet = std::set<std::string, std::less<>>;

void collect_target(const ast::Expr& target, NameSet& names) {
  if (const auto* name = std::get_if<ast::Name>(&target.kind)) {
    names.insert(name->id);
  } else if (const auto* tuple = std::get_if<ast::TupleExpr>(&target.kind)) {
    for (const ast::ExprPtr& element : tuple->elements) collect_target(*element, names);
  } else if (const auto* list = std::get_if<ast::ListExpr>(&target.kind)) {
    for (const ast::ExprPtr& element : list->elements) collect_target(*element, names);
  }
}

void collect_block(const ast::Block& block, NameSet& names);

void collect_statement(const ast::Stmt& stmt, NameSet& names) {
  if (const auto* assign = std::get_if<ast::Assign>(&stmt.kind)) {
    for (const ast::ExprPtr& target : assign->targets) collect_target(*target, names);
  } else if (const auto* ann = std::get_if<ast::AnnAssign>(&stmt.kind)) {
    collect_target(*ann->target, names);
  } else if (const auto* aug = std::get_if<ast::AugAssign>(&stmt.kind)) {
    collect_target(*aug->target, names);
  } else if (const auto* if_stmt = std::get_if<ast::If>(&stmt.kind)) {
    collect_block(if_stmt->body, names);
    collect_block(if_stmt->orelse, names);
  } else if (const auto* while_stmt = std::get_if<ast::While>(&stmt.kind)) {
    collect_block(while_stmt->body, names);
    collect_block(while_stmt->orelse, names);
  } else if (const auto* for_stmt = std::get_if<ast::For>(&stmt.kind)) {
    collect_target(*for_stmt->target, names);
    collect_block(for_stmt->body, names);
    collect_block(for_stmt->orelse, names);
  }
}

void collect_block(const ast::Block& block, NameSet& names) {
  for (const ast::StmtPtr& stmt : block) collect_statement(*stmt, names);
}

}  // namespace

std::set<std::string, std::less<>> collect_local_names(const ast::FunctionDef& def) {
  NameSet names = def.locals_as_written;
  for (const ast::Param& param : def.params) names.insert(param.name);
  collect_block(def.body, names);
  return names;
}

}  // namespace pygraft::transform
