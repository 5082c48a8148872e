#include "parser/ast_dump.h"

#include <charconv>
#include <cstdio>

namespace pygraft {

namespace {

std::string range_text(const SourceRange& r) {
  return "@" + std::to_string(r.line) + ":" + std::to_string(r.column) + "-" +
         std::to_string(r.end_line) + ":" + std::to_string(r.end_column);
}

std::string escaped(const std::string& value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned char>(c));
      out += buffer;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string float_text(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (ec != std::errc()) return "?";
  std::string text(buffer, end);
  // Like Python's repr: 1.0 rather than 1, so floats never read as ints.
  if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
  return text;
}

class Dumper {
 public:
  std::string take() { return std::move(out_); }

  // "(head @range" on a new line at the current depth; close() ends it.
  void open(const std::string& head, const SourceRange* range = nullptr) {
    if (!out_.empty()) out_ += '\n';
    out_.append(2 * depth_, ' ');
    out_ += "(" + head;
    if (range != nullptr) out_ += " " + range_text(*range);
    ++depth_;
  }
  void close() {
    out_ += ')';
    --depth_;
  }
  void leaf(const std::string& head, const SourceRange& range) {
    open(head, &range);
    close();
  }
  void null_child() {
    out_ += '\n';
    out_.append(2 * depth_, ' ');
    out_ += '_';
  }
  void append(const std::string& text) { out_ += text; }

  void expr(const ast::Expr* expr);
  // "(label expr)" when `expr` is present; nothing otherwise.
  void labelled(const std::string& label, const ast::Expr* value) {
    if (value == nullptr) return;
    open(label);
    expr(value);
    close();
  }
  void exprs(const std::string& label, const std::vector<ast::ExprPtr>& list);
  void stmt(const ast::Stmt& stmt);
  void block(const std::string& label, const ast::Block& block);
  void module(const ast::Module& module);

 private:
  std::string out_;
  size_t depth_ = 0;
};

struct ExprDumper {
  Dumper& d;
  const SourceRange& r;

  void operator()(const ast::Name& e) { d.leaf("name " + e.id, r); }
  void operator()(const ast::IntLiteral& e) { d.leaf("int " + std::to_string(e.value), r); }
  void operator()(const ast::FloatLiteral& e) { d.leaf("float " + float_text(e.value), r); }
  void operator()(const ast::BoolLiteral& e) { d.leaf(e.value ? "True" : "False", r); }
  void operator()(const ast::NoneLiteral&) { d.leaf("None", r); }
  void operator()(const ast::StringLiteral& e) { d.leaf("str " + escaped(e.value), r); }
  void operator()(const ast::EllipsisLiteral&) { d.leaf("...", r); }
  void operator()(const ast::TupleExpr& e) { list("tuple", e.elements); }
  void operator()(const ast::ListExpr& e) { list("list", e.elements); }
  void operator()(const ast::BinaryExpr& e) {
    d.open(std::string("binary ") + binary_op_name(e.op), &r);
    d.expr(e.lhs.get());
    d.expr(e.rhs.get());
    d.close();
  }
  void operator()(const ast::UnaryExpr& e) {
    d.open(std::string("unary ") + unary_op_name(e.op), &r);
    d.expr(e.operand.get());
    d.close();
  }
  void operator()(const ast::BoolOpExpr& e) {
    list(e.op == ast::BoolOp::And ? "and" : "or", e.values);
  }
  void operator()(const ast::CompareExpr& e) {
    std::string head = "compare";
    for (ast::CompareOp op : e.ops) head += std::string(" '") + compare_op_name(op) + "'";
    d.open(head, &r);
    d.expr(e.left.get());
    for (const ast::ExprPtr& c : e.comparators) d.expr(c.get());
    d.close();
  }
  void operator()(const ast::IfExpr& e) {
    d.open("ifexp", &r);
    d.expr(e.test.get());
    d.expr(e.body.get());
    d.expr(e.orelse.get());
    d.close();
  }
  void operator()(const ast::CallExpr& e);
  void operator()(const ast::AttributeExpr& e) {
    d.open("attr " + e.attr, &r);
    d.append(" attr" + range_text(e.attr_range));
    d.expr(e.value.get());
    d.close();
  }
  void operator()(const ast::SubscriptExpr& e) {
    d.open(e.is_tuple_index ? "subscript tuple" : "subscript", &r);
    d.expr(e.value.get());
    d.exprs("indices", e.indices);
    d.close();
  }
  void operator()(const ast::SliceExpr& e) {
    d.open("slice", &r);
    d.expr(e.lower.get());
    d.expr(e.upper.get());
    d.expr(e.step.get());
    d.close();
  }
  void operator()(const ast::ListComp& e) {
    d.open(e.generator ? "generator" : "list_comp", &r);
    d.expr(e.element.get());
    clauses(e.generators);
    d.close();
  }
  void operator()(const ast::DictComp& e) {
    d.open("dict_comp", &r);
    d.expr(e.key.get());
    d.expr(e.value.get());
    clauses(e.generators);
    d.close();
  }
  void operator()(const ast::DictExpr& e) {
    d.open("dict", &r);
    for (size_t i = 0; i < e.keys.size(); ++i) {
      d.expr(e.keys[i].get());
      d.expr(e.values[i].get());
    }
    d.close();
  }
  void operator()(const ast::Lambda& e) {
    std::string head = "lambda";
    for (const std::string& p : e.params) head += " " + p;
    d.open(head, &r);
    d.expr(e.body.get());
    d.close();
  }
  void clauses(const std::vector<ast::ComprehensionFor>& generators) {
    for (const ast::ComprehensionFor& clause : generators) {
      d.open("for", nullptr);
      d.expr(clause.target.get());
      d.expr(clause.iter.get());
      for (const ast::ExprPtr& test : clause.ifs) d.expr(test.get());
      d.close();
    }
  }
  void list(const std::string& head, const std::vector<ast::ExprPtr>& elements) {
    d.open(head, &r);
    for (const ast::ExprPtr& element : elements) d.expr(element.get());
    d.close();
  }
};

void ExprDumper::operator()(const ast::CallExpr& e) {
  d.open(e.starred_arg < 0 ? "call" : "call starred_arg=" + std::to_string(e.starred_arg), &r);
  d.expr(e.func.get());
  d.exprs("args", e.args);
  for (const ast::Keyword& keyword : e.keywords) {
    d.open("keyword " + keyword.name, &keyword.range);
    d.expr(keyword.value.get());
    d.close();
  }
  d.close();
}

void Dumper::expr(const ast::Expr* expr) {
  if (expr == nullptr) return null_child();
  std::visit(ExprDumper{*this, expr->range}, expr->kind);
}

void Dumper::exprs(const std::string& label, const std::vector<ast::ExprPtr>& list) {
  open(label);
  for (const ast::ExprPtr& e : list) expr(e.get());
  close();
}

struct StmtDumper {
  Dumper& d;
  const SourceRange& r;

  void operator()(const ast::ExprStmt& s) { one("expr", s.value.get()); }
  void operator()(const ast::Assign& s) {
    d.open("assign", &r);
    d.exprs("targets", s.targets);
    d.expr(s.value.get());
    d.close();
  }
  void operator()(const ast::AnnAssign& s) {
    d.open("annassign", &r);
    d.expr(s.target.get());
    d.expr(s.annotation.get());
    d.expr(s.value.get());
    d.close();
  }
  void operator()(const ast::AugAssign& s) {
    d.open(std::string("augassign ") + binary_op_name(s.op) + "=", &r);
    d.expr(s.target.get());
    d.expr(s.value.get());
    d.close();
  }
  void operator()(const ast::If& s) {
    d.open("if", &r);
    d.expr(s.test.get());
    d.block("body", s.body);
    d.block("orelse", s.orelse);
    d.close();
  }
  void operator()(const ast::While& s) {
    d.open("while", &r);
    d.expr(s.test.get());
    d.block("body", s.body);
    d.block("orelse", s.orelse);
    d.close();
  }
  void operator()(const ast::For& s) {
    d.open("for", &r);
    d.expr(s.target.get());
    d.expr(s.iter.get());
    d.block("body", s.body);
    d.block("orelse", s.orelse);
    d.labelled("extra_test", s.extra_test.get());
    d.close();
  }
  void operator()(const ast::Break&) { d.leaf("break", r); }
  void operator()(const ast::Continue&) { d.leaf("continue", r); }
  void operator()(const ast::Pass&) { d.leaf("pass", r); }
  void operator()(const ast::Return& s) { one("return", s.value.get()); }
  void operator()(const ast::Raise& s) { one("raise", s.exception.get()); }
  void operator()(const ast::Assert& s) {
    d.open("assert", &r);
    d.expr(s.test.get());
    d.expr(s.message.get());
    d.close();
  }
  void one(const std::string& head, const ast::Expr* value) {
    d.open(head, &r);
    d.expr(value);
    d.close();
  }
};

void Dumper::stmt(const ast::Stmt& stmt) {
  std::visit(StmtDumper{*this, stmt.range}, stmt.kind);
}

void Dumper::block(const std::string& label, const ast::Block& block) {
  open(label);
  for (const ast::StmtPtr& s : block) stmt(*s);
  close();
}

void Dumper::module(const ast::Module& module) {
  open("module");
  for (const ast::Import& import : module.imports) {
    const std::string what =
        import.name.empty() ? import.module : import.module + "." + import.name;
    leaf("import " + what + " as " + import.alias, import.range);
  }
  for (const ast::ConstantDef& constant : module.constants) {
    open("const " + constant.name, &constant.range);
    expr(constant.value.get());
    close();
  }
  for (const ast::FunctionDef& function : module.functions) {
    open("def " + function.name, &function.range);
    append(" name" + range_text(function.name_range));
    for (const ast::Param& param : function.params) {
      open("param " + param.name, &param.range);
      labelled("default", param.default_value.get());
      labelled("annotation", param.annotation.get());
      close();
    }
    block("body", function.body);
    close();
  }
  close();
}

}  // namespace

std::string dump_ast(const ast::Module& module) {
  Dumper d;
  d.module(module);
  return d.take() + "\n";
}

std::string dump_expr(const ast::Expr& expr) {
  Dumper d;
  d.expr(&expr);
  std::string out = d.take();
  return out.substr(out.find_first_not_of('\n')) + "\n";
}

std::string dump_stmt(const ast::Stmt& stmt) {
  Dumper d;
  d.stmt(stmt);
  return d.take() + "\n";
}

}  // namespace pygraft
