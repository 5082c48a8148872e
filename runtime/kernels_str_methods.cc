// Methods of str that messages and keys are built with: join, split, strip,
// upper, lower, startswith, endswith, replace (ASCII case mapping).
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "runtime/containers.h"
#include "runtime/kernel.h"

namespace pygraft::rt {

namespace {

const std::string& receiver_text(const Value& v, const char* method) {
  if (!v.is<StrValue>()) {
    throw RuntimeError(PyExc::AttributeError,
                       "'" + type_name(v) + "' object has no attribute '" + method + "'");
  }
  return *v.as<StrValue>().text;
}

const std::string& str_argument(const Value& v, const char* method) {
  if (!v.is<StrValue>()) {
    throw RuntimeError(PyExc::TypeError,
                       std::string(method) + "() argument must be str, not " + type_name(v));
  }
  return *v.as<StrValue>().text;
}

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

}  // namespace

void kernel_str_join(KernelContext& ctx) {
  const std::string& sep = receiver_text(ctx.inputs[0], "join");
  std::string out;
  size_t i = 0;
  for (const Value& item : iterate(ctx.inputs[1])) {
    if (!item.is<StrValue>()) {
      throw RuntimeError(PyExc::TypeError, "sequence item " + std::to_string(i) +
                                               ": expected str instance, " + type_name(item) +
                                               " found");
    }
    if (i++ > 0) out += sep;
    out += *item.as<StrValue>().text;
  }
  ctx.outputs[0] = Value::str(std::move(out));
}

// s.split() on runs of whitespace; s.split(sep) on each sep.
void kernel_str_split(KernelContext& ctx) {
  const std::string& s = receiver_text(ctx.inputs[0], "split");
  std::vector<Value> parts;
  if (ctx.inputs[1].is_none()) {
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && is_space(s[i])) ++i;
      size_t start = i;
      while (i < s.size() && !is_space(s[i])) ++i;
      if (i > start) parts.push_back(Value::str(s.substr(start, i - start)));
    }
  } else {
    const std::string& sep = str_argument(ctx.inputs[1], "split");
    if (sep.empty()) throw RuntimeError(PyExc::ValueError, "empty separator");
    size_t start = 0;
    for (size_t at; (at = s.find(sep, start)) != std::string::npos; start = at + sep.size()) {
      parts.push_back(Value::str(s.substr(start, at - start)));
    }
    parts.push_back(Value::str(s.substr(start)));
  }
  ctx.outputs[0] = Value::list(std::move(parts));
}

// s.strip() / s.strip(chars).
void kernel_str_strip(KernelContext& ctx) {
  const std::string& s = receiver_text(ctx.inputs[0], "strip");
  const bool spaces = ctx.inputs[1].is_none();
  const std::string chars = spaces ? std::string() : str_argument(ctx.inputs[1], "strip");
  auto drop = [&](char c) { return spaces ? is_space(c) : chars.find(c) != std::string::npos; };
  size_t begin = 0, end = s.size();
  while (begin < end && drop(s[begin])) ++begin;
  while (end > begin && drop(s[end - 1])) --end;
  ctx.outputs[0] = Value::str(s.substr(begin, end - begin));
}

void kernel_str_upper(KernelContext& ctx) {
  std::string s = receiver_text(ctx.inputs[0], "upper");
  std::transform(s.begin(), s.end(), s.begin(), [](char c) {
    return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  });
  ctx.outputs[0] = Value::str(std::move(s));
}

void kernel_str_lower(KernelContext& ctx) {
  std::string s = receiver_text(ctx.inputs[0], "lower");
  std::transform(s.begin(), s.end(), s.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  ctx.outputs[0] = Value::str(std::move(s));
}

void kernel_str_startswith(KernelContext& ctx) {
  const std::string& s = receiver_text(ctx.inputs[0], "startswith");
  const std::string& prefix = str_argument(ctx.inputs[1], "startswith");
  ctx.outputs[0] = s.compare(0, prefix.size(), prefix) == 0 && s.size() >= prefix.size();
}

void kernel_str_endswith(KernelContext& ctx) {
  const std::string& s = receiver_text(ctx.inputs[0], "endswith");
  const std::string& suffix = str_argument(ctx.inputs[1], "endswith");
  ctx.outputs[0] =
      s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void kernel_str_replace(KernelContext& ctx) {
  const std::string& s = receiver_text(ctx.inputs[0], "replace");
  const std::string& old_text = str_argument(ctx.inputs[1], "replace");
  const std::string& new_text = str_argument(ctx.inputs[2], "replace");
  std::string out;
  if (old_text.empty()) {
    // Python inserts the replacement between every character and at both ends.
    out = new_text;
    for (const Value& c : str_characters(s)) out += *c.as<StrValue>().text + new_text;
  } else {
    size_t start = 0;
    for (size_t at; (at = s.find(old_text, start)) != std::string::npos;
         start = at + old_text.size()) {
      out += s.substr(start, at - start) + new_text;
    }
    out += s.substr(start);
  }
  ctx.outputs[0] = Value::str(std::move(out));
}

}  // namespace pygraft::rt
