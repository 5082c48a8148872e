// Statements and expressions outside the subset that have a dedicated
// diagnostic: one table each, from grammar symbol to code and message.
#include "parser/convert.h"

namespace pygraft::parser {

namespace {

struct UnsupportedEntry {
  const char* symbol;
  DiagCode code;
  const char* message;
};

const UnsupportedEntry kUnsupportedStatements[] = {
    {"class_definition", DiagCode::UnsupportedClass,
     "classes are not supported; define top-level functions instead"},
    {"try_statement", DiagCode::UnsupportedTry,
     "'try' statements are not supported; check conditions with if or assert instead"},
    {"with_statement", DiagCode::UnsupportedWith,
     "'with' statements are not supported; graphs have no context managers"},
    {"global_statement", DiagCode::UnsupportedGlobal,
     "'global' declarations are not supported; pass the value as a parameter and return the new "
     "value"},
    {"nonlocal_statement", DiagCode::UnsupportedNonlocal,
     "'nonlocal' declarations are not supported; pass the value as a parameter and return the new "
     "value"},
    {"delete_statement", DiagCode::UnsupportedDel,
     "'del' statements are not supported; rebind the name instead"},
    {"match_statement", DiagCode::UnsupportedMatch,
     "'match' statements are not supported; use if/elif/else"},
    {"print_statement", DiagCode::UnsupportedStatement,
     "Python 2 print statements are not supported; call print(...) instead"},
    {"exec_statement", DiagCode::UnsupportedStatement, "'exec' statements are not supported"},
    {"type_alias_statement", DiagCode::UnsupportedStatement,
     "'type' alias statements are not supported"},
};

const UnsupportedEntry kUnsupportedExpressions[] = {
    {"lambda", DiagCode::UnsupportedLambda,
     "lambda expressions are not supported; define a top-level function instead"},
    {"list_comprehension", DiagCode::UnsupportedListComprehension,
     "list comprehensions are not supported; fill a preallocated array in a for loop, or use "
     "np.stack"},
    {"dictionary_comprehension", DiagCode::UnsupportedDictComprehension,
     "dict comprehensions are not supported; use arrays indexed by position"},
    {"set_comprehension", DiagCode::UnsupportedSetComprehension,
     "set comprehensions are not supported; use a loop over an array"},
    {"generator_expression", DiagCode::UnsupportedGenerator,
     "generator expressions are not supported; use a for loop that accumulates into a variable "
     "or array"},
    {"dictionary", DiagCode::UnsupportedDict,
     "dict literals are not supported; pass separate arrays or use a tuple"},
    {"set", DiagCode::UnsupportedSet, "set literals are not supported; use a tuple with 'in'"},
    {"named_expression", DiagCode::UnsupportedWalrus,
     "assignment expressions (':=') are not supported; assign the value in its own statement "
     "first"},
    {"await", DiagCode::UnsupportedAwait,
     "'await' is not supported; graphs have no coroutines, call the function directly"},
    {"list_splat", DiagCode::UnsupportedStarredExpr,
     "starred expressions ('*x') are not supported; pass the elements one by one"},
    {"list_splat_pattern", DiagCode::UnsupportedStarredExpr,
     "starred expressions ('*x') are not supported; pass the elements one by one"},
    {"dictionary_splat", DiagCode::UnsupportedStarredExpr,
     "'**' unpacking is not supported; pass the arguments by name"},
    {"yield", DiagCode::UnsupportedYield,
     "'yield' is not supported; return an array built in a loop instead"},
};

struct ResolvedEntry {
  TSSymbol symbol;
  const UnsupportedEntry* entry;
};

template <size_t N>
std::vector<ResolvedEntry> resolve(const UnsupportedEntry (&entries)[N]) {
  std::vector<ResolvedEntry> out;
  for (const UnsupportedEntry& entry : entries) {
    out.push_back({python_grammar().sym.named(entry.symbol), &entry});
  }
  return out;
}

const UnsupportedEntry* find(const std::vector<ResolvedEntry>& table, TSSymbol symbol) {
  for (const ResolvedEntry& resolved : table) {
    if (resolved.symbol == symbol) return resolved.entry;
  }
  return nullptr;
}

}  // namespace

SourceRange keyword_range(TSNode statement) {
  TSNode first = ts_node_child(statement, 0);
  return range_of(ts_node_is_null(first) ? statement : first);
}

bool report_unsupported_statement(Context& ctx, TSNode node) {
  static const std::vector<ResolvedEntry> table = resolve(kUnsupportedStatements);
  const UnsupportedEntry* entry = find(table, ts_node_symbol(node));
  if (entry == nullptr) return false;
  ctx.report(entry->code, keyword_range(node), entry->message);
  return true;
}

ast::ExprPtr convert_unsupported_expr(Context& ctx, TSNode node) {
  static const std::vector<ResolvedEntry> table = resolve(kUnsupportedExpressions);
  const UnsupportedEntry* entry = find(table, ts_node_symbol(node));
  if (entry != nullptr) ctx.report(entry->code, range_of(node), entry->message);
  return make_placeholder(ctx, node);
}

}  // namespace pygraft::parser
