// Statements of straight-line code, and the dispatch of control flow
// (lower_control_flow) to lower_if.cc, lower_loop.cc and lower_for.cc.
#include "graph/python_exceptions.h"
#include "transform/function_lowerer.h"

namespace pygraft::transform {

FunctionLowerer::Flow FunctionLowerer::lower_block(const ast::Block& block) {
  for (size_t i = 0; i < block.size(); ++i) {
    if (lower_statement(*block[i]) == Flow::FallsThrough) continue;
    if (i + 1 < block.size() && !def_.has_syntax_error) {
      diags_.report(DiagCode::UnreachableCode, Severity::Warning, block[i + 1]->range,
                    "code after 'return' is unreachable and is not converted");
    }
    return Flow::Returns;
  }
  return Flow::FallsThrough;
}

FunctionLowerer::Flow FunctionLowerer::lower_statement(const ast::Stmt& stmt) {
  if (const auto* expr_stmt = std::get_if<ast::ExprStmt>(&stmt.kind)) {
    lower_expr(*expr_stmt->value);  // evaluated for its effects; DCE drops what is pure
  } else if (const auto* assign = std::get_if<ast::Assign>(&stmt.kind)) {
    lower_assign(*assign);
  } else if (const auto* ann = std::get_if<ast::AnnAssign>(&stmt.kind)) {
    lower_ann_assign(*ann);
  } else if (const auto* aug = std::get_if<ast::AugAssign>(&stmt.kind)) {
    lower_aug_assign(stmt, *aug);
  } else if (const auto* ret = std::get_if<ast::Return>(&stmt.kind)) {
    return lower_return(stmt, *ret);
  } else if (const auto* assert_stmt = std::get_if<ast::Assert>(&stmt.kind)) {
    lower_assert(stmt, *assert_stmt);
  } else if (const auto* raise = std::get_if<ast::Raise>(&stmt.kind)) {
    lower_raise(stmt, *raise);
  } else if (std::holds_alternative<ast::Pass>(stmt.kind)) {
    // nothing to do
  } else {
    return lower_control_flow(stmt);
  }
  return Flow::FallsThrough;
}

// `return` -> the function's result; `return a, b` is one tuple value.
// Inside a cond or loop region a return must have been rewritten into a flag
// and a guard by the AST passes (transform/ast_passes/).
FunctionLowerer::Flow FunctionLowerer::lower_return(const ast::Stmt& stmt, const ast::Return& ret) {
  if (region_depth_ > 0) {
    error(DiagCode::UnsupportedStatement, stmt.range,
          "'return' inside a data-dependent branch or a loop is not supported yet");
    return Flow::FallsThrough;
  }
  return_value_ = ret.value ? lower_expr(*ret.value) : builder_.constant(Literal(), stmt.range);
  return Flow::Returns;
}

void FunctionLowerer::lower_assert(const ast::Stmt& stmt, const ast::Assert& assert_stmt) {
  ValueId test = lower_expr(*assert_stmt.test);
  std::string message;
  if (assert_stmt.message) {
    if (const auto* text = std::get_if<ast::StringLiteral>(&assert_stmt.message->kind)) {
      message = text->value;
    } else {
      error(DiagCode::UnsupportedString, assert_stmt.message->range,
            "the message of 'assert' must be a string literal");
    }
  }
  builder_.emit_effect(OpCode::Assert, {test}, stmt.range,
                       {Attribute{"message", Literal(std::move(message))}});
}

// `raise E` / `raise E(message)` / `raise E(a, b)` (the message str() of
// the one argument, or of their tuple, as Python shows it): a raise node,
// which ends the run with exit 3 and "E: message" at this line. The code
// after it on its path is never reached; the analyses know it
// (transform/analysis/cfg.cc), so names it leaves unbound are not reported.
void FunctionLowerer::lower_raise(const ast::Stmt& stmt, const ast::Raise& raise) {
  const ast::Expr* exception = raise.exception.get();
  const auto* call = std::get_if<ast::CallExpr>(&exception->kind);
  const ast::Expr& callee = call != nullptr ? *call->func : *exception;
  const auto* name = std::get_if<ast::Name>(&callee.kind);
  const bool builtin = name != nullptr && !env_.is_local(name->id) &&
                       scope_.constant(name->id) == nullptr &&
                       scope_.function(name->id) == nullptr && is_raisable_exception(name->id);
  if (!builtin) {
    if (name == nullptr || !in_dropped_code(name->id)) {
      error(DiagCode::UnsupportedRaise, callee.range,
            "only builtin exceptions can be raised (ValueError, TypeError, RuntimeError, "
            "NotImplementedError, ...); raise one of them with a message: "
            "raise ValueError(\"...\")");
    }
    return;
  }
  if (call != nullptr && !call->keywords.empty()) {
    error(DiagCode::UnsupportedRaise, call->keywords.front().range,
          "an exception takes no keyword arguments; pass the message alone");
    return;
  }
  std::vector<ValueId> message;
  if (call != nullptr && call->args.size() == 1) {
    message.push_back(lower_expr(*call->args.front()));
  } else if (call != nullptr && call->args.size() > 1) {
    std::vector<ValueId> items;
    for (const ast::ExprPtr& arg : call->args) items.push_back(lower_expr(*arg));
    message.push_back(builder_.emit(OpCode::MakeTuple, items, exception->range));
  }
  builder_.emit_effect(OpCode::Raise, message, stmt.range,
                       {Attribute{"exception", Literal(name->id)}});
}

// if / while / for become cond and loop nodes. break and continue reach this
// point only when the AST passes did not rewrite them into flags.
FunctionLowerer::Flow FunctionLowerer::lower_control_flow(const ast::Stmt& stmt) {
  if (const auto* if_stmt = std::get_if<ast::If>(&stmt.kind)) return lower_if(stmt, *if_stmt);
  if (const auto* while_stmt = std::get_if<ast::While>(&stmt.kind)) {
    return lower_while(stmt, *while_stmt);
  }
  if (const auto* for_stmt = std::get_if<ast::For>(&stmt.kind)) return lower_for(stmt, *for_stmt);
  // Note: the AST passes rewrite every break/continue inside a loop, so one
  // that is left here is outside any loop (a SyntaxError in CPython too).
  bool is_exit = std::holds_alternative<ast::Break>(stmt.kind) ||
                 std::holds_alternative<ast::Continue>(stmt.kind);
  if (!is_exit) {
    error(DiagCode::UnsupportedStatement, stmt.range, "this statement is not supported");
    return Flow::FallsThrough;
  }
  // Note: after a syntax error the loop around it may be what failed to parse.
  if (def_.has_syntax_error) return Flow::FallsThrough;
  std::string keyword = std::holds_alternative<ast::Break>(stmt.kind) ? "break" : "continue";
  error(DiagCode::BreakOutsideLoop, stmt.range,
        "'" + keyword + "' outside a loop; use break and continue only inside a loop");
  return Flow::FallsThrough;
}

}  // namespace pygraft::transform
