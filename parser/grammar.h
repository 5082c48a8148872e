// Symbol and field ids of the tree-sitter Python grammar, looked up by name
// once (python_grammar() builds them on first use and never changes them), so
// the converters compare small integers instead of strings.
#pragma once

#include <tree_sitter/api.h>

extern "C" const TSLanguage* tree_sitter_python(void);

namespace pygraft::parser {

// Note: members are initialised in declaration order, so `language` comes
// first and each id sits beside the grammar name it stands for.
struct GrammarSymbols {
  explicit GrammarSymbols(const TSLanguage* lang) : language(lang) {}
  const TSLanguage* language;
  TSSymbol named(const char* name) const;
  TSSymbol anonymous(const char* name) const;

  // module level and statements
  TSSymbol module = named("module");
  TSSymbol block = named("block");
  TSSymbol pair = named("pair");
  TSSymbol comment = named("comment");
  TSSymbol expression_statement = named("expression_statement");
  TSSymbol assignment = named("assignment");
  TSSymbol augmented_assignment = named("augmented_assignment");
  TSSymbol if_statement = named("if_statement");
  TSSymbol elif_clause = named("elif_clause");
  TSSymbol else_clause = named("else_clause");
  TSSymbol while_statement = named("while_statement");
  TSSymbol for_statement = named("for_statement");
  TSSymbol return_statement = named("return_statement");
  TSSymbol pass_statement = named("pass_statement");
  TSSymbol break_statement = named("break_statement");
  TSSymbol continue_statement = named("continue_statement");
  TSSymbol assert_statement = named("assert_statement");
  TSSymbol function_definition = named("function_definition");
  TSSymbol decorated_definition = named("decorated_definition");
  TSSymbol decorator = named("decorator");
  TSSymbol class_definition = named("class_definition");
  TSSymbol import_statement = named("import_statement");
  TSSymbol import_from_statement = named("import_from_statement");
  TSSymbol future_import_statement = named("future_import_statement");
  TSSymbol aliased_import = named("aliased_import");
  TSSymbol dotted_name = named("dotted_name");
  TSSymbol wildcard_import = named("wildcard_import");
  TSSymbol as_pattern = named("as_pattern");
  TSSymbol named_expression = named("named_expression");

  // parameters
  TSSymbol parameters = named("parameters");
  TSSymbol default_parameter = named("default_parameter");
  TSSymbol typed_parameter = named("typed_parameter");
  TSSymbol typed_default_parameter = named("typed_default_parameter");
  TSSymbol list_splat_pattern = named("list_splat_pattern");
  TSSymbol dictionary_splat_pattern = named("dictionary_splat_pattern");
  TSSymbol keyword_separator = named("keyword_separator");
  TSSymbol positional_separator = named("positional_separator");
  TSSymbol type = named("type");

  // expressions
  TSSymbol identifier = named("identifier");
  TSSymbol string = named("string");
  TSSymbol concatenated_string = named("concatenated_string");
  TSSymbol string_start = named("string_start");
  TSSymbol string_end = named("string_end");
  TSSymbol interpolation = named("interpolation");
  TSSymbol string_content = named("string_content");
  TSSymbol format_specifier = named("format_specifier");
  TSSymbol format_expression = named("format_expression");
  TSSymbol type_conversion = named("type_conversion");
  TSSymbol integer = named("integer");
  TSSymbol tuple = named("tuple");
  TSSymbol list = named("list");
  TSSymbol parenthesized_expression = named("parenthesized_expression");
  TSSymbol expression_list = named("expression_list");
  TSSymbol keyword_argument = named("keyword_argument");
  TSSymbol argument_list = named("argument_list");
  TSSymbol attribute = named("attribute");
  TSSymbol subscript = named("subscript");
  TSSymbol slice = named("slice");
  TSSymbol comparison_operator = named("comparison_operator");
  TSSymbol boolean_operator = named("boolean_operator");
  TSSymbol yield = named("yield");
  TSSymbol list_splat = named("list_splat");
  TSSymbol dictionary_splat = named("dictionary_splat");
  TSSymbol tuple_pattern = named("tuple_pattern");
  TSSymbol list_pattern = named("list_pattern");
  TSSymbol pattern_list = named("pattern_list");

  // anonymous tokens
  TSSymbol async_keyword = anonymous("async");
  TSSymbol comma = anonymous(",");
  TSSymbol colon = anonymous(":");
};

struct GrammarFields {
  explicit GrammarFields(const TSLanguage* lang) : language(lang) {}
  const TSLanguage* language;
  TSFieldId id(const char* name) const;

  TSFieldId left = id("left");
  TSFieldId right = id("right");
  TSFieldId type = id("type");
  TSFieldId operator_ = id("operator");
  TSFieldId operators = id("operators");
  TSFieldId argument = id("argument");
  TSFieldId function = id("function");
  TSFieldId arguments = id("arguments");
  TSFieldId object = id("object");
  TSFieldId attribute = id("attribute");
  TSFieldId value = id("value");
  TSFieldId subscript = id("subscript");
  TSFieldId name = id("name");
  TSFieldId alias = id("alias");
  TSFieldId condition = id("condition");
  TSFieldId consequence = id("consequence");
  TSFieldId alternative = id("alternative");
  TSFieldId body = id("body");
  TSFieldId parameters = id("parameters");
  TSFieldId type_parameters = id("type_parameters");
  TSFieldId definition = id("definition");
  TSFieldId module_name = id("module_name");
  TSFieldId cause = id("cause");
  TSFieldId expression = id("expression");
  TSFieldId key = id("key");
};

struct Grammar {
  const TSLanguage* language;
  GrammarSymbols sym;
  GrammarFields field;
};

// The Python grammar's ids, built once and read-only afterwards.
const Grammar& python_grammar();

}  // namespace pygraft::parser
