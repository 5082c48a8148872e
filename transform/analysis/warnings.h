// Control-flow warnings, checked on the AST as the user wrote it (before
// transform/ast_passes lowers the exits):
//  - PG0501 maybe-unbound: a local name read where it is bound on some paths
//    but not on all (from reaching definitions). Only a warning: the run
//    raises UnboundLocalError if an unbound path is taken. Names bound on no
//    path at all are left to the lowering (PG0301).
//  - PG0502 unreachable-code: a statement after return/break/continue in the
//    same block (reported once per block, at the first such statement).
//
// Requires: the module as parsed. Guarantees: only reports warnings; never
// changes the AST.
#pragma once

#include "parser/ast.h"
#include "support/diagnostic.h"

namespace pygraft::transform {

class ReachingDefinitions;

void check_control_flow_warnings(const ast::FunctionDef& function, DiagnosticSink& diags);
// With the function's reaching definitions already computed.
void check_control_flow_warnings(const ast::FunctionDef& function, const ReachingDefinitions& facts,
                                 DiagnosticSink& diags);
void check_control_flow_warnings(const ast::Module& module, DiagnosticSink& diags);

}  // namespace pygraft::transform
