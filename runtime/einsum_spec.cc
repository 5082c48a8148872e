// np.einsum's subscripts (see runtime/einsum_spec.h). The checks and their
// order follow NumPy 1.24's PyArray_EinsteinSum: the operands' terms left to
// right, the output, the single-operand view, the diagonals, and last the
// iterator's broadcasting of the labels' sizes.
#include "runtime/einsum_spec.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "runtime/runtime_error.h"

namespace pygraft::rt {
namespace {

using LabelCounts = std::array<int, kLabelCount>;

[[noreturn]] void fail(std::string message) {
  throw RuntimeError(PyExc::ValueError, std::move(message));
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
      for (int j = 0; j < ndim_broadcast; ++j) labels.push_back(kBroadcastLabel + j);
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
  for (int j = 0; j < ndim_broadcast; ++j) labels.push_back(kBroadcastLabel + j);
  for (int c = 0; c < kBroadcastLabel; ++c) {
    if (counts[static_cast<size_t>(c)] == 1) labels.push_back(c);
  }
  return labels;
}

// Numbers an operand's '...' dimensions (0 in its labels) so that they line
// up with the widest ellipsis from the right.
void number_broadcast_dims(std::vector<int>& labels, int ndim_broadcast) {
  const int count = static_cast<int>(std::count(labels.begin(), labels.end(), 0));
  int next = kBroadcastLabel + ndim_broadcast - count;
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

namespace {

std::string label_text(int label) {
  return std::string(1, static_cast<char>(label));
}

// NumPy's convert_shape_to_string: leading new axes (-1) are left out.
std::string remapped_shape_string(const std::vector<int64_t>& dims, std::string_view ending) {
  size_t i = 0;
  while (i < dims.size() && dims[i] < 0) ++i;
  if (i == dims.size()) return "()" + std::string(ending);
  std::string text = "(" + std::to_string(dims[i++]);
  for (; i < dims.size(); ++i) text += dims[i] < 0 ? ",newaxis" : "," + std::to_string(dims[i]);
  return text + (dims.size() == 1 ? ",)" : ")") + std::string(ending);
}

// With one operand NumPy first tries to return a view, checking the
// diagonals it meets before the first summed label with its own words.
void check_single_operand_view(const std::vector<int>& labels, const Shape& shape,
                               const std::vector<int>& output) {
  std::vector<int64_t> seen(output.size(), 0);
  for (size_t d = 0; d < labels.size(); ++d) {
    auto at = std::find(output.begin(), output.end(), labels[d]);
    if (at == output.end()) return;
    int64_t& size = seen[static_cast<size_t>(at - output.begin())];
    const int64_t dim = shape[static_cast<int>(d)];
    if (size != 0 && size != dim) {
      fail("dimensions in single operand for collapsing index '" + label_text(labels[d]) +
           "' don't match (" + std::to_string(size) + " != " + std::to_string(dim) + ")");
    }
    size = dim;
  }
}

EinsumOperand combine_diagonals(const std::vector<int>& labels, const Shape& shape, int iop) {
  EinsumOperand out;
  const auto strides = contiguous_strides(shape);
  for (size_t d = 0; d < labels.size(); ++d) {
    const int64_t dim = shape[static_cast<int>(d)];
    auto at = std::find(out.labels.begin(), out.labels.end(), labels[d]);
    if (at == out.labels.end()) {
      out.labels.push_back(labels[d]);
      out.sizes.push_back(dim);
      out.strides.push_back(strides[d]);
      continue;
    }
    const size_t i = static_cast<size_t>(at - out.labels.begin());
    if (out.sizes[i] != dim) {
      fail("dimensions in operand " + std::to_string(iop) + " for collapsing index '" +
           label_text(labels[d]) + "' don't match (" + std::to_string(out.sizes[i]) +
           " != " + std::to_string(dim) + ")");
    }
    out.strides[i] += strides[d];
  }
  return out;
}

// The iterator's axes: the output's labels, then the summed ones.
std::vector<int> iteration_labels(const EinsumShapes& shapes) {
  std::vector<int> labels = shapes.output;
  for (int label = 0; label < kLabelCount; ++label) {
    if (std::find(labels.begin(), labels.end(), label) != labels.end()) continue;
    for (const EinsumOperand& op : shapes.operands) {
      if (std::find(op.labels.begin(), op.labels.end(), label) != op.labels.end()) {
        labels.push_back(label);
        break;
      }
    }
  }
  return labels;
}

[[noreturn]] void fail_broadcast(const EinsumShapes& shapes, const std::vector<int>& iteration) {
  std::string message =
      "operands could not be broadcast together with remapped shapes [original->remapped]: ";
  for (const EinsumOperand& op : shapes.operands) {
    std::vector<int64_t> remapped;
    for (int label : iteration) {
      auto at = std::find(op.labels.begin(), op.labels.end(), label);
      remapped.push_back(
          at == op.labels.end() ? -1 : op.sizes[static_cast<size_t>(at - op.labels.begin())]);
    }
    message += remapped_shape_string(op.sizes, "->") + remapped_shape_string(remapped, " ");
  }
  fail(message);
}

}  // namespace

EinsumShapes resolve_einsum_shapes(const EinsumLabels& labels, std::span<const Shape> shapes) {
  EinsumShapes out;
  out.output = labels.output;
  if (shapes.size() == 1) check_single_operand_view(labels.operands[0], shapes[0], labels.output);
  for (size_t iop = 0; iop < shapes.size(); ++iop) {
    out.operands.push_back(
        combine_diagonals(labels.operands[iop], shapes[iop], static_cast<int>(iop)));
  }
  out.sizes.fill(1);
  for (const EinsumOperand& op : out.operands) {
    for (size_t i = 0; i < op.labels.size(); ++i) {
      int64_t& size = out.sizes[static_cast<size_t>(op.labels[i])];
      if (size == 1) {
        size = op.sizes[i];
      } else if (op.sizes[i] != 1 && op.sizes[i] != size) {
        fail_broadcast(out, iteration_labels(out));
      }
    }
  }
  for (int label : out.output) out.output_shape.push_back(out.sizes[static_cast<size_t>(label)]);
  return out;
}

}  // namespace pygraft::rt
