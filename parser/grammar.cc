#include "parser/grammar.h"

#include <cstring>

namespace pygraft::parser {

TSSymbol GrammarSymbols::named(const char* name) const {
  return ts_language_symbol_for_name(language, name, static_cast<uint32_t>(std::strlen(name)),
                                     true);
}

TSSymbol GrammarSymbols::anonymous(const char* name) const {
  return ts_language_symbol_for_name(language, name, static_cast<uint32_t>(std::strlen(name)),
                                     false);
}

TSFieldId GrammarFields::id(const char* name) const {
  return ts_language_field_id_for_name(language, name, static_cast<uint32_t>(std::strlen(name)));
}

const Grammar& python_grammar() {
  static const Grammar grammar{tree_sitter_python(), GrammarSymbols(tree_sitter_python()),
                               GrammarFields(tree_sitter_python())};
  return grammar;
}

}  // namespace pygraft::parser
