// The module level: imports (`import M [as A]`, `from M import NAME [as A]`,
// any module: the transform decides what compiled code may use), constants
// `NAME = expr` / `NAME: T = expr`, top-level functions; the docstring, `from
// __future__ import ...` and the `if __name__ == "__main__":` guard are
// skipped silently. Anything else is reported (PG0113 star imports, PG0114
// other statements, or the statement's own code) and recorded as a left-out
// item with the names it binds (ast::LeftOutItem).
#include "parser/convert.h"

namespace pygraft::parser {

namespace {

// `import a.b.c` binds `a` to the top package; `import a.b as c` binds c to
// a.b. Every module is recorded; the transform decides what compiled code
// may use.
void convert_import_item(Context& ctx, TSNode item, SourceRange range, ast::Module& module) {
  bool aliased = ctx.is(item, ctx.sym().aliased_import);
  TSNode name = aliased ? ctx.child(item, ctx.field().name) : item;
  if (is_broken(name)) return;
  std::string module_name(ctx.text(name));
  if (aliased) {
    std::string alias(ctx.text(ctx.child(item, ctx.field().alias)));
    module.imports.push_back(ast::Import{module_name, alias, range, ""});
    return;
  }
  std::string top = module_name.substr(0, module_name.find('.'));
  module.imports.push_back(ast::Import{top, top, range, ""});
}

void convert_import(Context& ctx, TSNode node, ast::Module& module) {
  for (TSNode item : named_children(node)) {
    if (ts_node_is_error(item)) continue;
    convert_import_item(ctx, item, range_of(node), module);
  }
}

// `from M import a, b as c`: one Import per name. `from M import *` binds
// names nobody can list, so it is reported.
bool convert_from_import(Context& ctx, TSNode node, ast::Module& module) {
  TSNode source = ctx.child(node, ctx.field().module_name);
  if (is_broken(source)) return false;
  std::string module_name(ctx.text(source));
  for (TSNode item : named_children(node)) {
    if (ctx.is(item, ctx.sym().wildcard_import)) {
      ctx.report(DiagCode::UnsupportedImport, range_of(item),
                 "'from " + module_name +
                     " import *' is not supported; import the names you use ('from " + module_name +
                     " import NAME') or the module ('import " + module_name + "')");
      return false;
    }
  }
  for (TSNode item : field_children(node, ctx.field().name)) {
    if (ts_node_is_error(item)) continue;
    bool aliased = ctx.is(item, ctx.sym().aliased_import);
    TSNode name = aliased ? ctx.child(item, ctx.field().name) : item;
    if (is_broken(name)) continue;
    std::string imported(ctx.text(name));
    std::string alias =
        aliased ? std::string(ctx.text(ctx.child(item, ctx.field().alias))) : imported;
    module.imports.push_back(ast::Import{module_name, alias, range_of(node), imported});
  }
  return true;
}

bool is_string_node(Context& ctx, TSNode node) {
  return ctx.is(node, ctx.sym().string);
}

bool is_main_string(Context& ctx, TSNode node) {
  std::string_view text = ctx.text(node);
  return is_string_node(ctx, node) && (text == "\"__main__\"" || text == "'__main__'");
}

// `if __name__ == "__main__":`, either operand order, either quote style.
bool is_main_guard(Context& ctx, TSNode if_statement) {
  TSNode condition = ctx.child(if_statement, ctx.field().condition);
  if (!ctx.is(condition, ctx.sym().comparison_operator)) return false;
  std::vector<TSNode> operands = named_children(condition);
  std::vector<TSNode> ops = field_children(condition, ctx.field().operators);
  if (operands.size() != 2 || ops.size() != 1 || std::string_view(ts_node_type(ops[0])) != "==") {
    return false;
  }
  auto is_name = [&](TSNode n) {
    return ctx.is(n, ctx.sym().identifier) && ctx.text(n) == "__name__";
  };
  return (is_name(operands[0]) && is_main_string(ctx, operands[1])) ||
         (is_name(operands[1]) && is_main_string(ctx, operands[0]));
}

void report_module_statement(Context& ctx, SourceRange range, std::string_view what) {
  ctx.report(DiagCode::UnsupportedModuleStatement, range,
             std::string(what) +
                 " at module level is not supported; use only imports, constants, functions and "
                 "the main guard");
}

// `NAME = expr` or `NAME: T = expr`; other assignments are reported.
bool convert_constant(Context& ctx, TSNode statement, TSNode assignment, ast::Module& module) {
  TSNode left = ctx.child(assignment, ctx.field().left);
  TSNode right = ctx.child(assignment, ctx.field().right);
  bool simple = ctx.is(left, ctx.sym().identifier) && !ts_node_is_null(right) &&
                !ctx.is(right, ctx.sym().assignment) &&
                !ctx.is(right, ctx.sym().augmented_assignment);
  if (!simple) {
    if (!is_broken(left) && !is_broken(right)) {
      report_module_statement(ctx, range_of(statement), "an assignment other than 'NAME = value'");
    }
    return false;
  }
  size_t placeholders_before = ctx.placeholders;
  ast::ExprPtr value = convert_expr(ctx, right);
  // Note: `act = lambda v: v` keeps a None placeholder; calls of `act` are
  // follow-ons of the lambda's diagnostic.
  if (ctx.placeholders != placeholders_before) note_dropped(ctx, statement);
  module.constants.push_back(
      ast::ConstantDef{std::string(ctx.text(left)), std::move(value), range_of(statement)});
  return true;
}

bool convert_module_expression(Context& ctx, TSNode node, bool first, ast::Module& module) {
  if (first && is_docstring(ctx, node)) return true;
  std::vector<TSNode> parts = named_children(node);
  if (parts.size() == 1 && ctx.is(parts[0], ctx.sym().assignment)) {
    return convert_constant(ctx, node, parts[0], module);
  }
  if (parts.size() == 1 && ctx.is(parts[0], ctx.sym().augmented_assignment)) {
    report_module_statement(ctx, range_of(node), "an augmented assignment");
  } else if (!parts.empty() && !ts_node_is_error(parts[0])) {
    report_module_statement(ctx, range_of(node), "an expression statement");
  }
  return false;
}

bool convert_module_decorated(Context& ctx, TSNode node, ast::Module& module) {
  TSNode definition = report_decorators(ctx, node);
  if (ctx.is(definition, ctx.sym().function_definition)) {
    module.functions.push_back(convert_function(ctx, definition));
    module.functions.back().decorators = range_of(node);
    return true;
  }
  if (!is_broken(definition)) report_unsupported_statement(ctx, definition);
  return false;
}

// True when only whitespace precedes the node on its line and there is
// some: an indented statement at module level only comes from error
// recovery (e.g. the body of a def whose header did not parse).
bool is_indented(Context& ctx, TSNode node) {
  uint32_t start = ts_node_start_byte(node);
  uint32_t column = ts_node_start_point(node).column;
  if (column == 0 || column > start) return false;
  for (uint32_t i = start - column; i < start; ++i) {
    if (ctx.source[i] != ' ' && ctx.source[i] != '\t' && ctx.source[i] != '\f') return false;
  }
  return true;
}

// Converts one top-level statement; false when it is left out (reported, or
// skipped for a syntax error), so its names are recorded as dropped.
bool convert_module_statement(Context& ctx, TSNode node, bool first, ast::Module& module) {
  const GrammarSymbols& sym = ctx.sym();
  if (ctx.is(node, sym.future_import_statement)) return true;
  if (skip_for_syntax_error(ctx, node)) return false;
  if (ctx.tree_has_error && is_indented(ctx, node)) return false;
  if (ctx.is(node, sym.import_statement)) {
    convert_import(ctx, node, module);
    return true;
  }
  if (ctx.is(node, sym.import_from_statement)) return convert_from_import(ctx, node, module);
  if (ctx.is(node, sym.function_definition)) {
    module.functions.push_back(convert_function(ctx, node));
    return true;
  }
  if (ctx.is(node, sym.decorated_definition)) return convert_module_decorated(ctx, node, module);
  if (ctx.is(node, sym.expression_statement)) {
    return convert_module_expression(ctx, node, first, module);
  }
  if (ctx.is(node, sym.if_statement) && is_main_guard(ctx, node)) return true;
  if (report_unsupported_statement(ctx, node)) return false;
  TSNode keyword = ts_node_child(node, 0);
  std::string_view word = ts_node_is_null(keyword) ? "" : ctx.text(keyword);
  if (ctx.is(node, sym.return_statement)) {
    ctx.report(DiagCode::ReturnOutsideFunction, keyword_range(node),
               "'return' outside a function; use return only inside a function");
  } else if (ctx.is(node, sym.break_statement) || ctx.is(node, sym.continue_statement)) {
    ctx.report(DiagCode::BreakOutsideLoop, keyword_range(node),
               quote(word) + " outside a loop; use break and continue only inside a loop");
  } else {
    report_module_statement(ctx, keyword_range(node), "a " + quote(word) + " statement");
  }
  return false;
}

// The names a left-out statement binds: class and def names, assignment and
// for targets, import and `as` aliases, walrus targets, anywhere inside it.
void collect_bound_names(Context& ctx, TSNode node, std::set<std::string, std::less<>>& out) {
  const GrammarSymbols& sym = ctx.sym();
  auto identifiers_of = [&](TSNode target) {
    if (ts_node_is_null(target)) return;
    if (ctx.is(target, sym.identifier)) {
      out.emplace(ctx.text(target));
      return;
    }
    if (ctx.is(target, sym.attribute) || ctx.is(target, sym.subscript)) return;
    for (TSNode part : named_children(target)) {
      if (ctx.is(part, sym.identifier)) out.emplace(ctx.text(part));
    }
  };
  std::vector<TSNode> work{node};
  while (!work.empty()) {
    TSNode current = work.back();
    work.pop_back();
    if (ctx.is(current, sym.class_definition) || ctx.is(current, sym.function_definition)) {
      identifiers_of(ctx.child(current, ctx.field().name));
    } else if (ctx.is(current, sym.assignment) || ctx.is(current, sym.augmented_assignment) ||
               ctx.is(current, sym.for_statement)) {
      identifiers_of(ctx.child(current, ctx.field().left));
    } else if (ctx.is(current, sym.aliased_import) || ctx.is(current, sym.as_pattern)) {
      identifiers_of(ctx.child(current, ctx.field().alias));
    } else if (ctx.is(current, sym.named_expression)) {
      identifiers_of(ctx.child(current, ctx.field().name));
    }
    for (TSNode child : named_children(current)) work.push_back(child);
  }
}

// What a note about the left-out statement calls it.
std::string describe_left_out(Context& ctx, TSNode node) {
  const GrammarSymbols& sym = ctx.sym();
  TSNode definition = node;
  if (ctx.is(node, sym.decorated_definition)) definition = ctx.child(node, ctx.field().definition);
  TSNode name = ts_node_is_null(definition) ? definition : ctx.child(definition, ctx.field().name);
  if (!ts_node_is_null(name) && ctx.is(definition, sym.class_definition)) {
    return "class " + quote(ctx.text(name));
  }
  if (!ts_node_is_null(name) && ctx.is(definition, sym.function_definition)) {
    return "function " + quote(ctx.text(name));
  }
  if (ctx.is(node, sym.import_from_statement) || ctx.is(node, sym.import_statement)) {
    return "the import";
  }
  return "module-level code";
}

void record_left_out(Context& ctx, TSNode node, ast::Module& module) {
  ast::LeftOutItem item;
  item.what = describe_left_out(ctx, node);
  collect_bound_names(ctx, node, item.binds);
  item.range = range_of(node);
  item.head = item.range;
  if (item.head.end_line != item.head.line) {
    // Note: the first line up to its end (the whole line's bytes).
    const size_t start = ts_node_start_byte(node);
    const size_t newline = ctx.source.find('\n', start);
    size_t end = newline == std::string_view::npos ? ctx.source.size() : newline;
    if (end > start && ctx.source[end - 1] == '\r') --end;
    item.head.end_line = item.head.line;
    item.head.end_column = item.head.column + static_cast<uint32_t>(end - start);
  }
  module.left_out.push_back(std::move(item));
}

}  // namespace

ast::Module convert_module(Context& ctx, TSNode root) {
  ast::Module module;
  DroppedNamesScope dropped(ctx, module.names_in_dropped_code);
  ctx.module_dropped_names = &module.names_in_dropped_code;
  bool first = true;
  for (ChildCursor c(root); c.next();) {
    TSNode child = c.node();
    // Note: error recovery can attach an ERROR node as an extra.
    if (ts_node_is_error(child)) {
      note_dropped(ctx, child);
      continue;
    }
    if (!ts_node_is_named(child) || ts_node_is_extra(child)) continue;
    if (!convert_module_statement(ctx, child, first, module)) {
      note_dropped(ctx, child);
      record_left_out(ctx, child, module);
    }
    first = false;
  }
  ctx.module_dropped_names = nullptr;
  return module;
}

}  // namespace pygraft::parser
