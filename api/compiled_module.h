// The definition behind pygraft::api::CompiledModule, and the conversions
// between the public and internal diagnostics, for the api/ sources only.
#pragma once

#include <string_view>
#include <vector>

#include "graph/ir.h"
#include "pygraft/compiler.h"
#include "support/diagnostic.h"

namespace pygraft::api {

class CompiledModule {
 public:
  explicit CompiledModule(pygraft::Module module) : module_(std::move(module)) {}
  const pygraft::Module& module() const { return module_; }

 private:
  pygraft::Module module_;
};

namespace detail {

api::Diagnostic to_public(const pygraft::Diagnostic& diagnostic, std::string_view file);
// Unknown codes map to the internal-error code (PG0999).
pygraft::Diagnostic to_internal(const api::Diagnostic& diagnostic);
pygraft::Severity internal_severity(Severity severity);
Severity public_severity(pygraft::Severity severity);

}  // namespace detail
}  // namespace pygraft::api
