// Small accessors of the IR structs (see graph/ir.h).
#include "graph/ir.h"

namespace pygraft {

const Literal* Node::attr(std::string_view name) const {
  for (const Attribute& a : attrs) {
    if (a.name == name) return &a.value;
  }
  return nullptr;
}

ValueId Function::new_value(std::string name) {
  ValueId id = num_values++;
  if (!name.empty() || !value_names.empty()) {
    value_names.resize(num_values);
    value_names[id] = std::move(name);
  }
  return id;
}

const Function* Module::find(std::string_view name) const {
  for (const Function& f : functions) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

bool Attribute::operator==(const Attribute&) const = default;
bool Node::operator==(const Node&) const = default;
bool Region::operator==(const Region&) const = default;
bool Parameter::operator==(const Parameter&) const = default;
bool Function::operator==(const Function&) const = default;
bool Module::operator==(const Module&) const = default;

}  // namespace pygraft
