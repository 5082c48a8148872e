#include "parser/fast_parser.h"

#include <cstdio>
#include <cstdlib>

#include "parser/fast_parser_impl.h"

namespace pygraft::parser {

std::optional<ast::Module> parse_clean_module(std::string_view source) {
  try {
    return fast::Parser(source).module();
  } catch (const fast::Decline& decline) {
    // Note: PYGRAFT_FAST_PARSER_DEBUG=1 says where a file left the fast path.
    if (std::getenv("PYGRAFT_FAST_PARSER_DEBUG") != nullptr) {
      std::fprintf(stderr, "fast parser: declined near byte %zu: '%.40s'\n", decline.offset,
                   std::string(source.substr(std::min(decline.offset, source.size()), 40)).c_str());
    }
    return std::nullopt;
  }
}

}  // namespace pygraft::parser
