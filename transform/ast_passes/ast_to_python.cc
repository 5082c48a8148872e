#include "transform/ast_passes/ast_to_python.h"

#include <charconv>
#include <cmath>

#include "parser/ast_dump.h"

namespace pygraft::transform {

namespace {

constexpr const char* kForHelper =
    "def __pg_for(iterable, test):\n"
    "    iterator = iter(iterable)\n"
    "    while test():\n"
    "        try:\n"
    "            value = next(iterator)\n"
    "        except StopIteration:\n"
    "            return\n"
    "        yield value\n\n\n";

// The `$`-methods of transform/ast_passes/rewrite_inplace_methods.h and the
// key lists of inline_lambdas.h, and the draws of rewrite_generator_draws.h
// (giving the generator with the numbers), as CPython functions: each changes its
// object as the method does and returns it (pop: with the item).
constexpr const char* kContainerHelpers =
    "def __pg_method_append(xs, v):\n    xs.append(v)\n    return xs\n\n\n"
    "def __pg_method_extend(xs, it):\n    xs.extend(it)\n    return xs\n\n\n"
    "def __pg_method_insert(xs, i, v):\n    xs.insert(i, v)\n    return xs\n\n\n"
    "def __pg_method_reverse(xs):\n    xs.reverse()\n    return xs\n\n\n"
    "def __pg_method_pop(xs, i=-1):\n    return xs, xs.pop(i)\n\n\n"
    "def __pg_method_setdefault(d, k, v=None):\n    d.setdefault(k, v)\n    return d\n\n\n"
    "def __pg_method_update(d, other):\n    d.update(other)\n    return d\n\n\n"
    "def __pg_method_fill(x, v):\n    x.fill(v)\n    return x\n\n\n"
    "def __pg_method_sorted(it, key=None, reverse=False):\n"
    "    items = list(it)\n"
    "    keys = items if key is None else key\n"
    "    order = sorted(range(len(items)), key=lambda i: keys[i], reverse=reverse)\n"
    "    return [items[i] for i in order]\n\n\n"
    "def __pg_method_sort(x, key=None, reverse=False):\n"
    "    if not isinstance(x, list):\n        x.sort()\n        return x\n"
    "    x[:] = __pg_method_sorted(x, key, reverse)\n    return x\n\n\n"
    "def __pg_draw(method):\n"
    "    def draw(g, *args, **kwargs):\n"
    "        return g, getattr(g, method)(*args, **kwargs)\n"
    "    return draw\n\n\n"
    "__pg_method_random = __pg_draw('random')\n"
    "__pg_method_standard_normal = __pg_draw('standard_normal')\n"
    "__pg_method_normal = __pg_draw('normal')\n"
    "__pg_method_uniform = __pg_draw('uniform')\n"
    "__pg_method_integers = __pg_draw('integers')\n"
    "__pg_method_choice = __pg_draw('choice')\n\n\n"
    "def __pg__max_by(it, keys):\n"
    "    items = list(it)\n    return items[max(range(len(items)), key=lambda i: keys[i])]\n\n\n"
    "def __pg__min_by(it, keys):\n"
    "    items = list(it)\n    return items[min(range(len(items)), key=lambda i: keys[i])]\n\n\n";

std::string python_name(const std::string& id) {
  if (id.find('$') == std::string::npos) return id;
  std::string out = "__pg_";
  for (char c : id) out += c == '$' ? '_' : c;
  return out;
}

std::string float_text(double value) {
  if (std::isnan(value)) return "float('nan')";
  if (std::isinf(value)) return value > 0 ? "float('inf')" : "(-float('inf'))";
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string text(buffer, ec == std::errc() ? end : buffer);
  if (text.find_first_of(".eE") == std::string::npos) text += ".0";
  return text;
}

std::string string_text(const std::string& value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string join(const std::vector<ast::ExprPtr>& list, const std::string& separator) {
  std::string out;
  for (size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out += separator;
    out += expr_to_python(*list[i]);
  }
  return out;
}

std::string tuple_text(const std::vector<ast::ExprPtr>& elements) {
  if (elements.size() == 1) return "(" + expr_to_python(*elements[0]) + ",)";
  return "(" + join(elements, ", ") + ")";
}

std::string call_text(const ast::CallExpr& call) {
  std::string func = expr_to_python(*call.func);
  std::string args;
  for (size_t i = 0; i < call.args.size(); ++i) {
    if (i > 0) args += ", ";
    if (static_cast<int>(i) == call.starred_arg) args += "*";
    args += expr_to_python(*call.args[i]);
  }
  if (const auto* attr = std::get_if<ast::AttributeExpr>(&call.func->kind);
      attr != nullptr && attr->attr.starts_with("$")) {
    func = "__pg_method_" + attr->attr.substr(1);
    args = expr_to_python(*attr->value) + (args.empty() ? "" : ", " + args);
  } else if (func == "sorted") {
    func = "__pg_method_sorted";  // key= may be the list of keys
  }
  std::string out = func + "(" + args;
  for (const ast::Keyword& keyword : call.keywords) {
    if (out.back() != '(') out += ", ";
    out += keyword.name + "=" + expr_to_python(*keyword.value);
  }
  return out + ")";
}

std::string optional_text(const ast::ExprPtr& expr) {
  return expr ? expr_to_python(*expr) : "";
}

struct ExprPrinter {
  std::string operator()(const ast::Name& e) { return python_name(e.id); }
  std::string operator()(const ast::IntLiteral& e) { return std::to_string(e.value); }
  std::string operator()(const ast::FloatLiteral& e) { return float_text(e.value); }
  std::string operator()(const ast::BoolLiteral& e) { return e.value ? "True" : "False"; }
  std::string operator()(const ast::NoneLiteral&) { return "None"; }
  std::string operator()(const ast::StringLiteral& e) { return string_text(e.value); }
  std::string operator()(const ast::EllipsisLiteral&) { return "..."; }
  std::string operator()(const ast::TupleExpr& e) { return tuple_text(e.elements); }
  std::string operator()(const ast::ListExpr& e) { return "[" + join(e.elements, ", ") + "]"; }
  std::string operator()(const ast::BinaryExpr& e) {
    return "(" + expr_to_python(*e.lhs) + " " + binary_op_name(e.op) + " " +
           expr_to_python(*e.rhs) + ")";
  }
  std::string operator()(const ast::UnaryExpr& e) {
    std::string op = unary_op_name(e.op);
    return "(" + op + (op == "not" ? " " : "") + expr_to_python(*e.operand) + ")";
  }
  std::string operator()(const ast::BoolOpExpr& e) {
    return "(" + join(e.values, e.op == ast::BoolOp::And ? " and " : " or ") + ")";
  }
  std::string operator()(const ast::CompareExpr& e) {
    std::string out = "(" + expr_to_python(*e.left);
    for (size_t i = 0; i < e.ops.size(); ++i) {
      out += std::string(" ") + compare_op_name(e.ops[i]) + " " + expr_to_python(*e.comparators[i]);
    }
    return out + ")";
  }
  std::string operator()(const ast::IfExpr& e) {
    return "(" + expr_to_python(*e.body) + " if " + expr_to_python(*e.test) + " else " +
           expr_to_python(*e.orelse) + ")";
  }
  std::string operator()(const ast::CallExpr& e) { return call_text(e); }
  std::string operator()(const ast::AttributeExpr& e) {
    return expr_to_python(*e.value) + "." + e.attr;
  }
  std::string operator()(const ast::SubscriptExpr& e) {
    std::string index = join(e.indices, ", ");
    if (e.is_tuple_index && e.indices.size() == 1) index += ",";
    return expr_to_python(*e.value) + "[" + index + "]";
  }
  std::string operator()(const ast::SliceExpr& e) {
    std::string out = optional_text(e.lower) + ":" + optional_text(e.upper);
    return e.step ? out + ":" + expr_to_python(*e.step) : out;
  }
  std::string operator()(const ast::ListComp& e) {
    std::string body = expr_to_python(*e.element) + clauses_text(e.generators);
    return e.generator ? "(" + body + ")" : "[" + body + "]";
  }
  std::string operator()(const ast::DictComp& e) {
    return "{" + expr_to_python(*e.key) + ": " + expr_to_python(*e.value) +
           clauses_text(e.generators) + "}";
  }
  std::string operator()(const ast::DictExpr& e) {
    std::string out = "{";
    for (size_t i = 0; i < e.keys.size(); ++i) {
      if (i > 0) out += ", ";
      out += expr_to_python(*e.keys[i]) + ": " + expr_to_python(*e.values[i]);
    }
    return out + "}";
  }
  std::string operator()(const ast::Lambda& e) {
    std::string params;
    for (const std::string& p : e.params) params += (params.empty() ? " " : ", ") + python_name(p);
    return "(lambda" + params + ": " + expr_to_python(*e.body) + ")";
  }

  static std::string clauses_text(const std::vector<ast::ComprehensionFor>& generators) {
    std::string out;
    for (const ast::ComprehensionFor& clause : generators) {
      out += " for " + expr_to_python(*clause.target) + " in " + expr_to_python(*clause.iter);
      for (const ast::ExprPtr& test : clause.ifs) out += " if " + expr_to_python(*test);
    }
    return out;
  }
};

class Printer {
 public:
  void block(const ast::Block& block, int depth) {
    if (block.empty()) line(depth, "pass");
    for (const ast::StmtPtr& stmt : block) statement(*stmt, depth);
  }
  void function(const ast::FunctionDef& def) {
    std::string params;
    for (const ast::Param& param : def.params) {
      if (!params.empty()) params += ", ";
      params += param.name;
      if (param.default_value) params += "=" + expr_to_python(*param.default_value);
    }
    line(0, "def " + def.name + "(" + params + "):");
    block(def.body, 1);
    out_ += "\n\n";
  }
  std::string take() {
    const bool containers =
        out_.find("__pg_method_") != std::string::npos || out_.find("__pg__m") != std::string::npos;
    return std::string(uses_for_helper_ ? kForHelper : "") + (containers ? kContainerHelpers : "") +
           std::move(out_);
  }
  void line(int depth, const std::string& text) {
    out_.append(4 * depth, ' ');
    out_ += text + "\n";
  }

 private:
  void statement(const ast::Stmt& stmt, int depth);
  void clause(const std::string& head, const ast::Block& body, const ast::Block& orelse,
              int depth) {
    line(depth, head + ":");
    block(body, depth + 1);
    if (orelse.empty()) return;
    line(depth, "else:");
    block(orelse, depth + 1);
  }

  std::string out_;
  bool uses_for_helper_ = false;
};

void Printer::statement(const ast::Stmt& stmt, int depth) {
  if (const auto* s = std::get_if<ast::ExprStmt>(&stmt.kind)) {
    line(depth, expr_to_python(*s->value));
  } else if (const auto* a = std::get_if<ast::Assign>(&stmt.kind)) {
    line(depth, join(a->targets, " = ") + " = " + expr_to_python(*a->value));
  } else if (const auto* ann = std::get_if<ast::AnnAssign>(&stmt.kind)) {
    std::string value = ann->value ? " = " + expr_to_python(*ann->value) : "";
    line(depth, expr_to_python(*ann->target) + ": " + expr_to_python(*ann->annotation) + value);
  } else if (const auto* aug = std::get_if<ast::AugAssign>(&stmt.kind)) {
    line(depth, expr_to_python(*aug->target) + " " + binary_op_name(aug->op) + "= " +
                    expr_to_python(*aug->value));
  } else if (const auto* s = std::get_if<ast::If>(&stmt.kind)) {
    clause("if " + expr_to_python(*s->test), s->body, s->orelse, depth);
  } else if (const auto* w = std::get_if<ast::While>(&stmt.kind)) {
    clause("while " + expr_to_python(*w->test), w->body, w->orelse, depth);
  } else if (const auto* f = std::get_if<ast::For>(&stmt.kind)) {
    std::string iter = expr_to_python(*f->iter);
    if (f->extra_test) {
      uses_for_helper_ = true;
      iter = "__pg_for(" + iter + ", lambda: " + expr_to_python(*f->extra_test) + ")";
    }
    clause("for " + expr_to_python(*f->target) + " in " + iter, f->body, f->orelse, depth);
  } else if (std::holds_alternative<ast::Break>(stmt.kind)) {
    line(depth, "break");
  } else if (std::holds_alternative<ast::Continue>(stmt.kind)) {
    line(depth, "continue");
  } else if (std::holds_alternative<ast::Pass>(stmt.kind)) {
    line(depth, "pass");
  } else if (const auto* r = std::get_if<ast::Return>(&stmt.kind)) {
    line(depth, r->value ? "return " + expr_to_python(*r->value) : "return");
  } else if (const auto* raise = std::get_if<ast::Raise>(&stmt.kind)) {
    line(depth, "raise " + expr_to_python(*raise->exception));
  } else if (const auto* as = std::get_if<ast::Assert>(&stmt.kind)) {
    std::string message = as->message ? ", " + expr_to_python(*as->message) : "";
    line(depth, "assert " + expr_to_python(*as->test) + message);
  }
}

}  // namespace

std::string expr_to_python(const ast::Expr& expr) {
  return std::visit(ExprPrinter{}, expr.kind);
}

std::string ast_to_python(const ast::Module& module) {
  Printer printer;
  for (const ast::Import& import : module.imports) {
    const std::string& bound = import.name.empty() ? import.module : import.name;
    const std::string as = import.alias != bound ? " as " + import.alias : "";
    printer.line(0, import.name.empty() ? "import " + import.module + as
                                        : "from " + import.module + " import " + import.name + as);
  }
  for (const ast::ConstantDef& constant : module.constants) {
    printer.line(0, constant.name + " = " + expr_to_python(*constant.value));
  }
  printer.line(0, "");
  for (const ast::FunctionDef& function : module.functions) printer.function(function);
  return printer.take();
}

}  // namespace pygraft::transform
