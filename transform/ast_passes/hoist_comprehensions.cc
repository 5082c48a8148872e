#include "transform/ast_passes/hoist_comprehensions.h"

#include <map>
#include <string>
#include <utility>

#include "transform/ast_passes/ast_clone.h"
#include "transform/ast_passes/ast_make.h"

namespace pygraft::transform {

namespace {

bool is_comprehension(const ast::Expr& e) {
  return std::holds_alternative<ast::ListComp>(e.kind) ||
         std::holds_alternative<ast::DictComp>(e.kind);
}

// Calls fn(slot, conditional) for each direct sub-expression of `e`;
// `conditional`: evaluated only on some paths (right of and/or, branches of
// a conditional expression). Lambda bodies and comprehension parts are not
// visited (they are evaluated in their own scope).
template <class Fn>
void for_each_child(ast::Expr& e, Fn&& fn) {
  std::visit(
      [&](auto& k) {
        using T = std::decay_t<decltype(k)>;
        auto each = [&](std::vector<ast::ExprPtr>& list) {
          for (ast::ExprPtr& x : list)
            if (x) fn(x, false);
        };
        if constexpr (std::is_same_v<T, ast::TupleExpr> || std::is_same_v<T, ast::ListExpr>) {
          each(k.elements);
        } else if constexpr (std::is_same_v<T, ast::BinaryExpr>) {
          fn(k.lhs, false);
          fn(k.rhs, false);
        } else if constexpr (std::is_same_v<T, ast::UnaryExpr>) {
          fn(k.operand, false);
        } else if constexpr (std::is_same_v<T, ast::BoolOpExpr>) {
          for (size_t i = 0; i < k.values.size(); ++i) fn(k.values[i], i > 0);
        } else if constexpr (std::is_same_v<T, ast::CompareExpr>) {
          fn(k.left, false);
          // Note: a chain stops at the first false link.
          for (size_t i = 0; i < k.comparators.size(); ++i) fn(k.comparators[i], i > 0);
        } else if constexpr (std::is_same_v<T, ast::IfExpr>) {
          fn(k.test, false);
          fn(k.body, true);
          fn(k.orelse, true);
        } else if constexpr (std::is_same_v<T, ast::CallExpr>) {
          fn(k.func, false);
          each(k.args);
          for (ast::Keyword& kw : k.keywords)
            if (kw.value) fn(kw.value, false);
        } else if constexpr (std::is_same_v<T, ast::AttributeExpr>) {
          fn(k.value, false);
        } else if constexpr (std::is_same_v<T, ast::SubscriptExpr>) {
          fn(k.value, false);
          each(k.indices);
        } else if constexpr (std::is_same_v<T, ast::SliceExpr>) {
          if (k.lower) fn(k.lower, false);
          if (k.upper) fn(k.upper, false);
          if (k.step) fn(k.step, false);
        } else if constexpr (std::is_same_v<T, ast::DictExpr>) {
          each(k.keys);
          each(k.values);
        }
      },
      e.kind);
}

void collect_target_names(const ast::Expr& target, std::vector<std::string>& out) {
  if (const auto* name = std::get_if<ast::Name>(&target.kind)) {
    out.push_back(name->id);
  } else if (const auto* tuple = std::get_if<ast::TupleExpr>(&target.kind)) {
    for (const ast::ExprPtr& e : tuple->elements) collect_target_names(*e, out);
  } else if (const auto* list = std::get_if<ast::ListExpr>(&target.kind)) {
    for (const ast::ExprPtr& e : list->elements) collect_target_names(*e, out);
  }
}

class Hoister {
 public:
  Hoister(FreshNames& names, DiagnosticSink& diags) : names_(names), diags_(diags) {}

  void block(ast::Block& body) {
    ast::Block out;
    out.reserve(body.size());
    for (ast::StmtPtr& stmt : body) statement(std::move(stmt), out);
    body = std::move(out);
  }

 private:
  // Hoists the comprehensions of `stmt` into `out`, then appends `stmt`.
  void statement(ast::StmtPtr stmt, ast::Block& out) {
    std::visit(
        [&](auto& s) {
          using T = std::decay_t<decltype(s)>;
          if constexpr (std::is_same_v<T, ast::ExprStmt> || std::is_same_v<T, ast::Assign> ||
                        std::is_same_v<T, ast::AnnAssign> || std::is_same_v<T, ast::AugAssign> ||
                        std::is_same_v<T, ast::Return>) {
            if (s.value) expression(s.value, out);
          } else if constexpr (std::is_same_v<T, ast::Raise>) {
            if (s.exception) expression(s.exception, out);
          } else if constexpr (std::is_same_v<T, ast::Assert>) {
            if (s.test) expression(s.test, out);
            if (s.message) report_inside(*s.message, "an assert message");
          } else if constexpr (std::is_same_v<T, ast::If>) {
            expression(s.test, out);
            block(s.body);
            block(s.orelse);
          } else if constexpr (std::is_same_v<T, ast::For>) {
            expression(s.iter, out);
            block(s.body);
            block(s.orelse);
          } else if constexpr (std::is_same_v<T, ast::While>) {
            report_inside(*s.test, "a while condition");
            block(s.body);
            block(s.orelse);
          }
        },
        stmt->kind);
    out.push_back(std::move(stmt));
  }

  // Hoists every comprehension of `slot` evaluated unconditionally.
  void expression(ast::ExprPtr& slot, ast::Block& out) {
    if (is_comprehension(*slot)) {
      hoist(slot, out);
      return;
    }
    for_each_child(*slot, [&](ast::ExprPtr& child, bool conditional) {
      if (conditional) {
        report_inside(*child,
                      "a part of an expression that is evaluated only on some paths "
                      "(the right of and/or, a branch of x if c else y, a later link "
                      "of a comparison chain)");
      } else {
        expression(child, out);
      }
    });
  }

  void report_inside(const ast::Expr& expr, const char* where) {
    if (is_comprehension(expr)) {
      const auto* list = std::get_if<ast::ListComp>(&expr.kind);
      const DiagCode code = list == nullptr   ? DiagCode::UnsupportedDictComprehension
                            : list->generator ? DiagCode::UnsupportedGenerator
                                              : DiagCode::UnsupportedListComprehension;
      diags_.report(code, expr.range,
                    std::string("a comprehension in ") + where +
                        " is not supported; assign it to a name on a line of its own first");
      return;
    }
    // Note: const view of the children; the slots are not changed here.
    for_each_child(const_cast<ast::Expr&>(expr),
                   [&](ast::ExprPtr& child, bool) { report_inside(*child, where); });
  }

  // `slot` is a comprehension: emits its loop into `out`, replaces it by the
  // name of the value the loop builds.
  void hoist(ast::ExprPtr& slot, ast::Block& out) {
    const SourceRange range = slot->range;
    const std::string result = names_.next("comp");
    auto* list = std::get_if<ast::ListComp>(&slot->kind);
    auto* dict = std::get_if<ast::DictComp>(&slot->kind);
    std::vector<ast::ComprehensionFor>& generators = list ? list->generators : dict->generators;

    // Fresh names for every target, applied to what comes after it.
    std::map<std::string, std::string> renamed;
    auto rename = [&](const ast::Expr& e) {
      return substitute_names(e, [&](const std::string& name) -> const ast::Expr* {
        auto it = fresh_.find(name);
        return it == fresh_.end() || renamed.count(name) == 0 ? nullptr : it->second.get();
      });
    };
    ast::Block innermost;
    if (list != nullptr) {
      for (const ast::ComprehensionFor& g : generators) bind_targets(*g.target, renamed, range);
      ast::CallExpr append{
          make_node(ast::AttributeExpr{make_name(result, range), "append", range}, range),
          vector_of(rename(*list->element)),
          {}};
      innermost.push_back(
          make_statement(ast::ExprStmt{make_node(std::move(append), range)}, range));
    } else {
      for (const ast::ComprehensionFor& g : generators) bind_targets(*g.target, renamed, range);
      ast::SubscriptExpr target{make_name(result, range), vector_of(rename(*dict->key)), false};
      innermost.push_back(make_statement(
          ast::Assign{vector_of(make_node(std::move(target), range)), rename(*dict->value)},
          range));
    }
    // Build from the innermost clause outwards; the first iterable keeps the
    // enclosing scope's names (it is evaluated there).
    ast::Block body = std::move(innermost);
    for (size_t i = generators.size(); i-- > 0;) {
      ast::ComprehensionFor& g = generators[i];
      for (size_t j = g.ifs.size(); j-- > 0;) {
        ast::Block guarded;
        guarded.push_back(make_if(rename(*g.ifs[j]), std::move(body), range));
        body = std::move(guarded);
      }
      ast::ExprPtr iter = i == 0 ? std::move(g.iter) : rename(*g.iter);
      ast::For loop{rename(*g.target), std::move(iter), std::move(body), {}, nullptr};
      body.clear();
      body.push_back(make_statement(std::move(loop), range));
    }
    ast::ExprPtr empty =
        list != nullptr ? make_node(ast::ListExpr{}, range) : make_node(ast::DictExpr{}, range);
    out.push_back(make_assign(result, std::move(empty), range));
    // The loop's own statements may hold comprehensions (nested ones).
    for (ast::StmtPtr& stmt : body) statement(std::move(stmt), out);
    slot = make_name(result, range);
  }

  void bind_targets(const ast::Expr& target, std::map<std::string, std::string>& renamed,
                    const SourceRange& range) {
    std::vector<std::string> names;
    collect_target_names(target, names);
    for (const std::string& name : names) {
      std::string fresh = names_.next(name);
      renamed[name] = fresh;
      fresh_[name] = make_name(fresh, range);
    }
  }

  FreshNames& names_;
  DiagnosticSink& diags_;
  std::map<std::string, ast::ExprPtr> fresh_;  // current fresh name per target name
};

}  // namespace

void hoist_comprehensions(ast::FunctionDef& function, DiagnosticSink& diags) {
  FreshNames names(function);
  Hoister(names, diags).block(function.body);
}

}  // namespace pygraft::transform
