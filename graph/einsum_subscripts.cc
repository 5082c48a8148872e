// np.einsum's subscripts against the operands' ranks (see
// graph/einsum_subscripts.h), as NumPy 1.24's PyArray_EinsteinSum reads them.
#include "graph/einsum_subscripts.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace pygraft {
namespace {

using LabelCounts = std::array<int, kEinsumBroadcastLabel>;

[[noreturn]] void fail(std::string message) {
  throw EinsumSubscriptError(message);
}

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

[[noreturn]] void fail_invalid(char c) {
  fail(std::string("invalid subscript '") + c +
       "' in einstein sum subscripts string, subscripts must be letters");
}

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The code point of the UTF-8 sequence at text[i] (the str is valid UTF-8).
uint32_t code_point(std::string_view text, size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
  uint32_t cp = lead & (0x3F >> extra);
  for (int k = 1; k <= extra && i + static_cast<size_t>(k) < text.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<size_t>(k)]) & 0x3F);
  }
  return cp;
}

// Python's repr escape of a non-ASCII character: \xe9, \u20ac, \U0001f600.
std::string escaped(uint32_t cp) {
  char buffer[16];
  const auto value = static_cast<unsigned>(cp);
  if (cp < 0x100) {
    std::snprintf(buffer, sizeof buffer, "\\x%02x", value);
  } else if (cp < 0x10000) {
    std::snprintf(buffer, sizeof buffer, "\\u%04x", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "\\U%08x", value);
  }
  return buffer;
}

// Python encodes the str as ASCII before NumPy reads it: UnicodeEncodeError
// (a ValueError) naming the first run of other characters, counted in
// characters.
void check_ascii(std::string_view text) {
  size_t first = 0, chars = 0;
  while (first < text.size() && static_cast<unsigned char>(text[first]) < 0x80) ++first, ++chars;
  if (first == text.size()) return;
  size_t run = 0;
  for (size_t i = first; i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80; ++i) {
    if (!is_continuation(text[i])) ++run;
  }
  const std::string what = run == 1 ? "character '" + escaped(code_point(text, first)) +
                                          "' in position " + std::to_string(chars)
                                    : "characters in position " + std::to_string(chars) + "-" +
                                          std::to_string(chars + run - 1);
  fail("'ascii' codec can't encode " + what + ": ordinal not in range(128)");
}

// Reads "..." at term[i] (advancing i past it); false when it is not one.
bool read_ellipsis(std::string_view term, size_t& i) {
  if (i + 2 >= term.size() || term[i + 1] != '.' || term[i + 2] != '.') return false;
  i += 2;
  return true;
}

// One operand's term: its labels with 0 for each dimension '...' covers.
std::vector<int> parse_operand_term(std::string_view term, int ndim, int iop, LabelCounts& counts) {
  std::vector<int> labels;
  int ellipsis = -1;
  for (size_t i = 0; i < term.size(); ++i) {
    const char c = term[i];
    if (is_letter(c)) {
      if (static_cast<int>(labels.size()) >= ndim) {
        fail("einstein sum subscripts string contains too many subscripts for operand " +
             std::to_string(iop));
      }
      labels.push_back(c);
      ++counts[static_cast<size_t>(c)];
    } else if (c == '.') {
      if (ellipsis != -1 || !read_ellipsis(term, i)) {
        fail(
            "einstein sum subscripts string contains a '.' that is not part of an ellipsis "
            "('...') in operand " +
            std::to_string(iop));
      }
      ellipsis = static_cast<int>(labels.size());
    } else if (c != ' ') {
      fail_invalid(c);
    }
  }
  const int named = static_cast<int>(labels.size());
  if (ellipsis == -1 && named != ndim) {
    fail(
        "operand has more dimensions than subscripts given in einstein sum, but no '...' "
        "ellipsis provided to broadcast the extra dimensions.");
  }
  if (ellipsis != -1)
    labels.insert(labels.begin() + ellipsis, static_cast<size_t>(ndim - named), 0);
  return labels;
}

// The output term after "->".
std::vector<int> parse_output_term(std::string_view term, int ndim_broadcast,
                                   const LabelCounts& counts) {
  std::vector<int> labels;
  bool ellipsis = false;
  for (size_t i = 0; i < term.size(); ++i) {
    const char c = term[i];
    if (is_letter(c)) {
      if (term.find(c, i + 1) != std::string_view::npos) {
        fail(std::string("einstein sum subscripts string includes output subscript '") + c +
             "' multiple times");
      }
      if (counts[static_cast<size_t>(c)] == 0) {
        fail(std::string("einstein sum subscripts string included output subscript '") + c +
             "' which never appeared in an input");
      }
      labels.push_back(c);
    } else if (c == '.') {
      if (ellipsis || !read_ellipsis(term, i)) {
        fail(
            "einstein sum subscripts string contains a '.' that is not part of an ellipsis "
            "('...') in the output");
      }
      ellipsis = true;
      for (int j = 0; j < ndim_broadcast; ++j) labels.push_back(kEinsumBroadcastLabel + j);
    } else if (c != ' ') {
      fail_invalid(c);
    }
  }
  if (!ellipsis && ndim_broadcast > 0) {
    fail(
        "output has more dimensions than subscripts given in einstein sum, but no '...' "
        "ellipsis provided to broadcast the extra dimensions.");
  }
  return labels;
}

// Without "->": the broadcast dimensions, then the labels used once.
std::vector<int> implicit_output(int ndim_broadcast, const LabelCounts& counts) {
  std::vector<int> labels;
  for (int j = 0; j < ndim_broadcast; ++j) labels.push_back(kEinsumBroadcastLabel + j);
  for (int c = 0; c < kEinsumBroadcastLabel; ++c) {
    if (counts[static_cast<size_t>(c)] == 1) labels.push_back(c);
  }
  return labels;
}

// Numbers an operand's '...' dimensions (0 in its labels) so that they line
// up with the widest ellipsis from the right.
void number_broadcast_dims(std::vector<int>& labels, int ndim_broadcast) {
  const int count = static_cast<int>(std::count(labels.begin(), labels.end(), 0));
  int next = kEinsumBroadcastLabel + ndim_broadcast - count;
  for (int& label : labels) {
    if (label == 0) label = next++;
  }
}

}  // namespace

EinsumLabels parse_einsum_subscripts(std::string_view subscripts, std::span<const int> ranks) {
  subscripts = subscripts.substr(0, subscripts.find('\0'));
  check_ascii(subscripts);
  const size_t nop = ranks.size();
  if (nop == 0) fail("not enough operands provided to einstein sum function");
  EinsumLabels out;
  LabelCounts counts{};
  int ndim_broadcast = 0;
  for (size_t iop = 0; iop < nop; ++iop) {
    const size_t length = std::min(subscripts.find_first_of(",-"), subscripts.size());
    const bool comma = length < subscripts.size() && subscripts[length] == ',';
    if (iop == nop - 1 && comma) {
      fail(
          "more operands provided to einstein sum function than specified in the subscripts "
          "string");
    }
    if (iop < nop - 1 && !comma) {
      fail(
          "fewer operands provided to einstein sum function than specified in the subscripts "
          "string");
    }
    out.operands.push_back(parse_operand_term(subscripts.substr(0, length), ranks[iop],
                                              static_cast<int>(iop), counts));
    const auto& labels = out.operands.back();
    ndim_broadcast =
        std::max(ndim_broadcast, static_cast<int>(std::count(labels.begin(), labels.end(), 0)));
    subscripts.remove_prefix(iop < nop - 1 ? length + 1 : length);
  }
  if (subscripts.empty()) {
    out.output = implicit_output(ndim_broadcast, counts);
  } else if (subscripts.substr(0, 2) != "->") {
    fail("einstein sum subscript string does not contain proper '->' output specified");
  } else {
    out.output = parse_output_term(subscripts.substr(2), ndim_broadcast, counts);
  }
  for (auto& labels : out.operands) number_broadcast_dims(labels, ndim_broadcast);
  return out;
}

}  // namespace pygraft
