// The call graph between the functions of one file, read from the AST before
// lowering: which functions LowerOptions::entries select (plus everything
// they call, transitively) and which calls are recursive (any cycle, direct
// or mutual: PG0308 at the call site, since graphs cannot recurse).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "parser/ast.h"
#include "support/diagnostic.h"
#include "transform/scope.h"

namespace pygraft::transform {

struct CallEdge {
  std::string callee;
  SourceRange range;  // the call expression
};

class CallGraph {
 public:
  // A call `f(...)` is an edge when `f` resolves to a function of the file
  // (not hidden by a local of the caller).
  CallGraph(const ast::Module& module, const ModuleScope& scope);

  // The entries and every function they reach; all functions when `entries`
  // is empty. Unknown entries are reported as PG0309.
  std::set<std::string> select(const std::vector<std::string>& entries,
                               DiagnosticSink& diags) const;
  // Reports PG0308 for every call in a selected function that closes a cycle.
  void report_recursion(const std::set<std::string>& selected, DiagnosticSink& diags) const;

 private:
  // Per function (functions_ order): its strongly connected component.
  std::vector<size_t> components() const;

  std::map<std::string, std::vector<CallEdge>> edges_;
  std::vector<std::string> functions_;  // source order, first definition of each name
};

}  // namespace pygraft::transform
