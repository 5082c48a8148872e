// Missing imports of conventional module aliases (see transform/missing_imports.h).
#include "transform/missing_imports.h"

namespace pygraft::transform {
namespace {

struct ConventionalAlias {
  std::string_view alias;
  ImportedModule module;
  std::string_view import;  // the statement to add
};

constexpr ConventionalAlias kAliases[] = {
    {"np", ImportedModule::Numpy, "import numpy as np"},
    {"numpy", ImportedModule::Numpy, "import numpy"},
    {"math", ImportedModule::Math, "import math"},
};

const ConventionalAlias* find_alias(std::string_view alias) {
  for (const ConventionalAlias& entry : kAliases) {
    if (entry.alias == alias) return &entry;
  }
  return nullptr;
}

}  // namespace

std::optional<ImportedModule> ModuleScope::assume_import(std::string_view alias,
                                                         SourceRange use) const {
  const ConventionalAlias* entry = find_alias(alias);
  if (entry == nullptr || missing_imports_ == nullptr) return std::nullopt;
  if (constant(alias) != nullptr || function(alias) != nullptr ||
      foreign_import(alias) != nullptr) {
    return std::nullopt;
  }
  missing_imports_->record(alias, use);
  return entry->module;
}

void MissingImports::record(std::string_view alias, SourceRange use) {
  auto it = first_use_.find(alias);
  if (it == first_use_.end()) {
    first_use_.emplace(std::string(alias), use);
  } else if (starts_before(use, it->second)) {
    it->second = use;
  }
}

void MissingImports::report(const ModuleScope& scope, DiagnosticSink& diags) const {
  for (const auto& [alias, use] : first_use_) {
    if (scope.in_dropped_code(alias)) continue;
    diags.report(DiagCode::UndefinedName, use,
                 "name '" + alias + "' is not defined: add `" +
                     std::string(find_alias(alias)->import) + "` at the top of the file");
  }
}

}  // namespace pygraft::transform
