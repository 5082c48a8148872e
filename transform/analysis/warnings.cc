#include "transform/analysis/warnings.h"

#include "transform/analysis/reaching_definitions.h"

namespace pygraft::transform {

namespace {

void report_maybe_unbound(const ast::Expr& expr, const std::string& name, DiagnosticSink& diags) {
  diags.report(DiagCode::MaybeUnbound, Severity::Warning, expr.range,
               "local variable '" + name +
                   "' may be unbound here: it is not assigned on every path to this "
                   "read, and the run fails with UnboundLocalError if it is not");
}

// Walks each block forward from its entry facts; a read of a local that is
// bound on some path but not on every path is reported.
void check_maybe_unbound(const ast::FunctionDef& function, const ReachingDefinitions& facts,
                         DiagnosticSink& diags) {
  const Cfg& cfg = facts.cfg();
  for (size_t b = 0; b < cfg.blocks().size(); ++b) {
    BindingFacts state = facts.at_block_start(b);
    for (const CfgElement& element : cfg.blocks()[b].elements) {
      std::span<const NameId> reads = cfg.reads(element);
      bool suspect = false;
      for (NameId id : reads) {
        suspect = suspect ||
                  (facts.locals().test(id) && !state.definitely.test(id) && state.maybe.test(id));
      }
      if (suspect) {
        // Note: bound on no path at all is the lowering's error, not a warning.
        for_each_read(*element.stmt, element.part, [&](const ast::Expr& expr) {
          const std::string& name = std::get<ast::Name>(expr.kind).id;
          NameId id = *cfg.names().find(name);
          if (!facts.locals().test(id) || state.definitely.test(id) || !state.maybe.test(id)) {
            return;
          }
          if (function.names_in_dropped_code.contains(name)) return;  // a follow-on
          report_maybe_unbound(expr, name, diags);
        });
      }
      facts.apply(element, state);
    }
  }
}

const char* exit_keyword(const ast::Stmt& stmt) {
  if (std::holds_alternative<ast::Return>(stmt.kind)) return "return";
  if (std::holds_alternative<ast::Raise>(stmt.kind)) return "raise";
  if (std::holds_alternative<ast::Break>(stmt.kind)) return "break";
  if (std::holds_alternative<ast::Continue>(stmt.kind)) return "continue";
  return nullptr;
}

void check_unreachable(const ast::Block& block, DiagnosticSink& diags);

void check_nested_unreachable(const ast::Stmt& stmt, DiagnosticSink& diags) {
  if (const auto* s = std::get_if<ast::If>(&stmt.kind)) {
    check_unreachable(s->body, diags);
    check_unreachable(s->orelse, diags);
  } else if (const auto* w = std::get_if<ast::While>(&stmt.kind)) {
    check_unreachable(w->body, diags);
    check_unreachable(w->orelse, diags);
  } else if (const auto* f = std::get_if<ast::For>(&stmt.kind)) {
    check_unreachable(f->body, diags);
    check_unreachable(f->orelse, diags);
  }
}

void check_unreachable(const ast::Block& block, DiagnosticSink& diags) {
  for (size_t i = 0; i < block.size(); ++i) {
    const char* keyword = exit_keyword(*block[i]);
    if (keyword != nullptr && i + 1 < block.size()) {
      diags.report(DiagCode::UnreachableCode, Severity::Warning, block[i + 1]->range,
                   std::string("code after '") + keyword + "' is unreachable and is not converted");
      return;
    }
    check_nested_unreachable(*block[i], diags);
  }
}

}  // namespace

void check_control_flow_warnings(const ast::FunctionDef& function, DiagnosticSink& diags) {
  if (function.has_syntax_error) return;
  check_control_flow_warnings(function, ReachingDefinitions::compute(function), diags);
}

void check_control_flow_warnings(const ast::FunctionDef& function, const ReachingDefinitions& facts,
                                 DiagnosticSink& diags) {
  // Note: a syntax error can move statements between blocks; warnings about
  // the function's control flow would describe the parser's recovery.
  if (function.has_syntax_error) return;
  check_maybe_unbound(function, facts, diags);
  check_unreachable(function.body, diags);
}

void check_control_flow_warnings(const ast::Module& module, DiagnosticSink& diags) {
  for (const ast::FunctionDef& function : module.functions) {
    check_control_flow_warnings(function, diags);
  }
}

}  // namespace pygraft::transform
