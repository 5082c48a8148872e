#include "transform/call_graph.h"

#include <functional>

namespace pygraft::transform {

namespace {

using ExprVisitor = std::function<void(const ast::Expr&)>;

void walk_expr(const ast::Expr& expr, const ExprVisitor& visit);

void walk_exprs(const std::vector<ast::ExprPtr>& exprs, const ExprVisitor& visit) {
  for (const ast::ExprPtr& expr : exprs) walk_expr(*expr, visit);
}

void walk_optional(const ast::ExprPtr& expr, const ExprVisitor& visit) {
  if (expr) walk_expr(*expr, visit);
}

void walk_children(const ast::Expr& expr, const ExprVisitor& visit) {
  std::visit(
      [&](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::TupleExpr> || std::is_same_v<T, ast::ListExpr>) {
          walk_exprs(node.elements, visit);
        } else if constexpr (std::is_same_v<T, ast::BinaryExpr>) {
          walk_expr(*node.lhs, visit);
          walk_expr(*node.rhs, visit);
        } else if constexpr (std::is_same_v<T, ast::UnaryExpr>) {
          walk_expr(*node.operand, visit);
        } else if constexpr (std::is_same_v<T, ast::BoolOpExpr>) {
          walk_exprs(node.values, visit);
        } else if constexpr (std::is_same_v<T, ast::CompareExpr>) {
          walk_expr(*node.left, visit);
          walk_exprs(node.comparators, visit);
        } else if constexpr (std::is_same_v<T, ast::IfExpr>) {
          walk_expr(*node.test, visit);
          walk_expr(*node.body, visit);
          walk_expr(*node.orelse, visit);
        } else if constexpr (std::is_same_v<T, ast::CallExpr>) {
          walk_expr(*node.func, visit);
          walk_exprs(node.args, visit);
          for (const ast::Keyword& keyword : node.keywords) walk_expr(*keyword.value, visit);
        } else if constexpr (std::is_same_v<T, ast::AttributeExpr>) {
          walk_expr(*node.value, visit);
        } else if constexpr (std::is_same_v<T, ast::SubscriptExpr>) {
          walk_expr(*node.value, visit);
          walk_exprs(node.indices, visit);
        } else if constexpr (std::is_same_v<T, ast::SliceExpr>) {
          walk_optional(node.lower, visit);
          walk_optional(node.upper, visit);
          walk_optional(node.step, visit);
        }
      },
      expr.kind);
}

void walk_expr(const ast::Expr& expr, const ExprVisitor& visit) {
  visit(expr);
  walk_children(expr, visit);
}

void walk_block(const ast::Block& block, const ExprVisitor& visit);

void walk_statement(const ast::Stmt& stmt, const ExprVisitor& visit) {
  std::visit(
      [&](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::ExprStmt>) {
          walk_expr(*node.value, visit);
        } else if constexpr (std::is_same_v<T, ast::Assign>) {
          walk_expr(*node.value, visit);
          walk_exprs(node.targets, visit);
        } else if constexpr (std::is_same_v<T, ast::AnnAssign>) {
          walk_optional(node.value, visit);
          walk_expr(*node.target, visit);
        } else if constexpr (std::is_same_v<T, ast::AugAssign>) {
          walk_expr(*node.target, visit);
          walk_expr(*node.value, visit);
        } else if constexpr (std::is_same_v<T, ast::If> || std::is_same_v<T, ast::While>) {
          walk_expr(*node.test, visit);
          walk_block(node.body, visit);
          walk_block(node.orelse, visit);
        } else if constexpr (std::is_same_v<T, ast::For>) {
          walk_expr(*node.target, visit);
          walk_expr(*node.iter, visit);
          walk_block(node.body, visit);
          walk_block(node.orelse, visit);
        } else if constexpr (std::is_same_v<T, ast::Return>) {
          walk_optional(node.value, visit);
        } else if constexpr (std::is_same_v<T, ast::Raise>) {
          walk_expr(*node.exception, visit);
        } else if constexpr (std::is_same_v<T, ast::Assert>) {
          walk_expr(*node.test, visit);
          walk_optional(node.message, visit);
        }
      },
      stmt.kind);
}

void walk_block(const ast::Block& block, const ExprVisitor& visit) {
  for (const ast::StmtPtr& stmt : block) walk_statement(*stmt, visit);
}

}  // namespace

CallGraph::CallGraph(const ast::Module& module, const ModuleScope& scope) {
  for (const ast::FunctionDef& def : module.functions) {
    if (edges_.count(def.name) != 0) continue;  // a duplicate definition (PG0311)
    functions_.push_back(def.name);
    std::vector<CallEdge>& edges = edges_[def.name];
    std::set<std::string, std::less<>> locals = collect_local_names(def);
    walk_block(def.body, [&](const ast::Expr& expr) {
      const auto* call = std::get_if<ast::CallExpr>(&expr.kind);
      const auto* name = call ? std::get_if<ast::Name>(&call->func->kind) : nullptr;
      if (name == nullptr || locals.count(name->id) != 0) return;
      if (scope.constant(name->id) != nullptr || scope.function(name->id) == nullptr) return;
      edges.push_back(CallEdge{name->id, expr.range});
    });
  }
}

std::set<std::string> CallGraph::select(const std::vector<std::string>& entries,
                                        DiagnosticSink& diags) const {
  if (entries.empty()) return {functions_.begin(), functions_.end()};
  std::set<std::string> selected;
  std::vector<std::string> work;
  for (const std::string& entry : entries) {
    if (edges_.count(entry) == 0) {
      diags.report(DiagCode::UnknownEntry, SourceRange{1, 1, 1, 1},
                   "entry '" + entry + "' is not a top-level function of this file");
    } else if (selected.insert(entry).second) {
      work.push_back(entry);
    }
  }
  while (!work.empty()) {
    std::string function = std::move(work.back());
    work.pop_back();
    for (const CallEdge& edge : edges_.at(function)) {
      if (selected.insert(edge.callee).second) work.push_back(edge.callee);
    }
  }
  return selected;
}

// Tarjan's strongly connected components, iteratively: one pass over the
// graph. A call closes a cycle exactly when caller and callee share one.
std::vector<size_t> CallGraph::components() const {
  std::map<std::string_view, size_t> index;
  for (size_t i = 0; i < functions_.size(); ++i) index.emplace(functions_[i], i);
  std::vector<std::vector<size_t>> callees(functions_.size());
  for (size_t i = 0; i < functions_.size(); ++i) {
    for (const CallEdge& edge : edges_.at(functions_[i])) {
      auto it = index.find(edge.callee);
      if (it != index.end()) callees[i].push_back(it->second);
    }
  }
  constexpr size_t kUnvisited = static_cast<size_t>(-1);
  std::vector<size_t> order(functions_.size(), kUnvisited);
  std::vector<size_t> low(functions_.size(), 0);
  std::vector<size_t> component(functions_.size(), kUnvisited);
  std::vector<bool> on_stack(functions_.size(), false);
  std::vector<size_t> stack;
  size_t counter = 0;
  for (size_t root = 0; root < functions_.size(); ++root) {
    if (order[root] != kUnvisited) continue;
    std::vector<std::pair<size_t, size_t>> work{{root, 0}};  // (function, next callee)
    order[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!work.empty()) {
      auto& [f, next] = work.back();
      if (next < callees[f].size()) {
        size_t c = callees[f][next++];
        if (order[c] == kUnvisited) {
          order[c] = low[c] = counter++;
          stack.push_back(c);
          on_stack[c] = true;
          work.push_back({c, 0});
        } else if (on_stack[c]) {
          low[f] = std::min(low[f], order[c]);
        }
        continue;
      }
      if (low[f] == order[f]) {
        for (size_t member = kUnvisited; member != f;) {
          member = stack.back();
          stack.pop_back();
          on_stack[member] = false;
          component[member] = f;
        }
      }
      size_t done = f;
      work.pop_back();
      if (!work.empty()) low[work.back().first] = std::min(low[work.back().first], low[done]);
    }
  }
  return component;
}

void CallGraph::report_recursion(const std::set<std::string>& selected,
                                 DiagnosticSink& diags) const {
  std::vector<size_t> component = components();
  std::map<std::string_view, size_t> index;
  for (size_t i = 0; i < functions_.size(); ++i) index.emplace(functions_[i], i);
  for (size_t i = 0; i < functions_.size(); ++i) {
    const std::string& caller = functions_[i];
    if (selected.count(caller) == 0) continue;
    for (const CallEdge& edge : edges_.at(caller)) {
      auto callee = index.find(edge.callee);
      if (callee == index.end() || component[callee->second] != component[i]) continue;
      std::string message = edge.callee == caller
                                ? "'" + caller + "' calls itself"
                                : "the call to '" + edge.callee + "' is recursive ('" +
                                      edge.callee + "' calls back into '" + caller + "')";
      diags.report(DiagCode::Recursion, edge.range, message + "; recursion is not supported");
    }
  }
}

}  // namespace pygraft::transform
