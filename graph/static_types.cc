// The static-type solve (graph/static_types.h): one pass over a function's
// regions in order, a fixed point per loop, calls typed per signature.
#include "graph/static_types.h"

#include <algorithm>
#include <utility>

namespace pygraft {

StaticType StaticType::none() {
  StaticType t;
  t.kind = StaticKind::None;
  t.constant = Literal(NoneLiteral{});
  return t;
}

StaticType StaticType::python_bool(std::optional<bool> value) {
  StaticType t;
  t.kind = StaticKind::Bool;
  t.dtype = DType::Bool;
  if (value) t.constant = Literal(*value);
  return t;
}

StaticType StaticType::python_int(std::optional<int64_t> value) {
  StaticType t;
  t.kind = StaticKind::Int;
  t.dtype = DType::Int64;
  if (value) t.constant = Literal(*value);
  return t;
}

StaticType StaticType::python_float(std::optional<double> value) {
  StaticType t;
  t.kind = StaticKind::Float;
  t.dtype = DType::Float64;
  if (value) t.constant = Literal(*value);
  return t;
}

StaticType StaticType::array(DType dtype, std::vector<StaticDim> dims) {
  StaticType t;
  t.kind = StaticKind::Array;
  t.dtype = dtype;
  t.dims = std::move(dims);
  return t;
}

StaticType StaticType::array_of_rank(DType dtype, int rank) {
  return array(dtype, std::vector<StaticDim>(static_cast<size_t>(std::max(rank, 0))));
}

StaticType StaticType::tuple(std::vector<StaticType> items) {
  StaticType t;
  t.kind = StaticKind::Tuple;
  t.items = std::move(items);
  return t;
}

StaticType StaticType::of_literal(const Literal& literal) {
  if (literal.is_none()) return none();
  if (literal.is<bool>()) return python_bool(literal.as<bool>());
  if (literal.is<int64_t>()) return python_int(literal.as<int64_t>());
  if (literal.is<double>()) return python_float(literal.as<double>());
  StaticType t;
  if (literal.is<std::string>()) {
    t.kind = StaticKind::Str;
    t.constant = literal;
  } else if (literal.is<DType>()) {
    t.kind = StaticKind::DType;
    t.constant = literal;
  } else {
    std::vector<StaticType> items;
    for (const Literal& item : literal.as<LiteralTuple>()) items.push_back(of_literal(item));
    t = tuple(std::move(items));
  }
  return t;
}

std::optional<int64_t> StaticType::constant_int() const {
  if (!constant) return std::nullopt;
  if (constant->is<int64_t>()) return constant->as<int64_t>();
  if (constant->is<bool>()) return constant->as<bool>() ? 1 : 0;
  return std::nullopt;
}

bool StaticType::same_layout(const StaticType& other) const {
  if (kind != other.kind) return false;
  switch (kind) {
    case StaticKind::Array:
      return dtype == other.dtype && dims.size() == other.dims.size();
    case StaticKind::Tuple:
      if (items.size() != other.items.size()) return false;
      for (size_t i = 0; i < items.size(); ++i) {
        if (!items[i].same_layout(other.items[i])) return false;
      }
      return true;
    case StaticKind::Str:
    case StaticKind::DType:
      // Only compile-time values: they must agree.
      return constant == other.constant;
    default:
      return true;
  }
}

namespace {

// A Python number and a 0-d array of its default dtype.
bool weak_strong_pair(const StaticType& a, const StaticType& b) {
  return a.is_python_scalar() && b.is_array() && b.rank() == 0 && b.dtype == a.dtype;
}

}  // namespace

bool StaticType::joinable(const StaticType& other) const {
  if (kind == StaticKind::Unbound || other.kind == StaticKind::Unbound) return true;
  if (weak_strong_pair(*this, other) || weak_strong_pair(other, *this)) return true;
  if (kind == StaticKind::Tuple && other.kind == StaticKind::Tuple) {
    if (items.size() != other.items.size()) return false;
    for (size_t i = 0; i < items.size(); ++i) {
      if (!items[i].joinable(other.items[i])) return false;
    }
    return true;
  }
  return same_layout(other);
}

StaticType StaticType::join(const StaticType& other) const {
  if (kind == StaticKind::Unbound || other.kind == StaticKind::Unbound) {
    StaticType out = kind == StaticKind::Unbound ? other : *this;
    out.maybe_unbound = true;
    return out;
  }
  if (weak_strong_pair(*this, other) || weak_strong_pair(other, *this)) {
    StaticType out = is_array() ? *this : other;
    out.constant.reset();
    out.weak_on_some_path = true;
    out.maybe_unbound = maybe_unbound || other.maybe_unbound;
    return out;
  }
  StaticType out = *this;
  out.weak_on_some_path = weak_on_some_path || other.weak_on_some_path;
  out.maybe_unbound = maybe_unbound || other.maybe_unbound;
  if (out.constant != other.constant) out.constant.reset();
  for (size_t i = 0; i < out.dims.size() && i < other.dims.size(); ++i) {
    if (!(out.dims[i] == other.dims[i])) out.dims[i] = StaticDim{};
  }
  for (size_t i = 0; i < out.items.size() && i < other.items.size(); ++i) {
    out.items[i] = out.items[i].join(other.items[i]);
  }
  return out;
}

std::string StaticType::describe() const {
  auto with_value = [&](std::string name) {
    if (constant) name += " = " + literal_to_string(*constant);
    return name;
  };
  switch (kind) {
    case StaticKind::Unknown:
      return "unknown";
    case StaticKind::Unbound:
      return "unbound";
    case StaticKind::None:
      return "None";
    case StaticKind::Bool:
      return with_value("bool");
    case StaticKind::Int:
      return with_value("int");
    case StaticKind::Float:
      return with_value("float");
    case StaticKind::Str:
      return constant ? literal_to_string(*constant) : "str";
    case StaticKind::DType:
      return constant ? "dtype " + literal_to_string(*constant) : "dtype";
    case StaticKind::Array: {
      std::string out = std::string(dtype_name(dtype)) + "[";
      for (size_t i = 0; i < dims.size(); ++i) {
        if (i) out += ",";
        if (dims[i].size >= 0) {
          out += std::to_string(dims[i].size);
        } else {
          out += dims[i].name.empty() ? "?" : dims[i].name;
        }
      }
      return out + "]";
    }
    case StaticKind::Tuple: {
      std::string out = "tuple(";
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += items[i].describe();
      }
      return out + ")";
    }
  }
  return "unknown";
}

std::optional<StaticType> static_array_of(const StaticType& t) {
  // broadcast_dims, inlined: the items of a nested tuple must have one shape.
  if (t.is_array()) return t;
  if (t.is_python_scalar()) return StaticType::array(t.dtype, {});
  if (t.kind != StaticKind::Tuple || t.items.empty()) return std::nullopt;
  std::vector<StaticType> items;
  for (const StaticType& item : t.items) {
    auto a = static_array_of(item);
    if (!a || (!items.empty() && a->rank() != items[0].rank())) return std::nullopt;
    items.push_back(*a);
  }
  DType dtype = items[0].dtype;
  for (const StaticType& item : items) dtype = promote_types(dtype, item.dtype);
  std::vector<StaticDim> dims{StaticDim{static_cast<int64_t>(items.size()), ""}};
  for (size_t d = 0; d < items[0].dims.size(); ++d) {
    StaticDim dim = items[0].dims[d];
    for (const StaticType& item : items) {
      if (!(item.dims[d] == dim)) dim = StaticDim{};
    }
    dims.push_back(dim);
  }
  return StaticType::array(dtype, dims);
}

std::optional<int> FunctionTypes::taken_region(const Node& cond) const {
  auto it = taken_.find(&cond);
  if (it == taken_.end()) return std::nullopt;
  return it->second;
}

// ---- the solver ----

struct StaticTypeAnalysis::Instance {
  const Function* function;
  std::vector<StaticType> args;
  FunctionTypes types;
};

class StaticTypeSolver {
 public:
  StaticTypeSolver(StaticTypeAnalysis& analysis, const Function& function, FunctionTypes& out,
                   std::vector<std::string>& in_progress)
      : analysis_(analysis), function_(function), out_(out), in_progress_(in_progress) {
    out_.types_.assign(function.num_values, StaticType::unknown());
  }

  void solve(const std::vector<StaticType>& args) {
    for (size_t i = 0; i < function_.body.args.size(); ++i) {
      out_.types_[function_.body.args[i]] = args[i];
    }
    region(function_.body);
  }

 private:
  bool failed() const { return out_.problem_.has_value(); }

  void fail(StaticProblemKind kind, const SourceRange& range, std::string message) {
    if (!failed()) out_.problem_ = StaticTypeProblem{kind, range, std::move(message)};
  }

  std::string value_label(ValueId v) const {
    if (v < function_.value_names.size() && !function_.value_names[v].empty()) {
      std::string name = function_.value_names[v];
      // The early-return rewrite's slot (transform/ast_passes/lower_return.h).
      if (name.starts_with("return$")) return "the returned value";
      return "'" + name.substr(0, name.find('.')) + "'";
    }
    return "a value";
  }

  void set(ValueId v, StaticType t) { out_.types_.at(v) = std::move(t); }
  const StaticType& type(ValueId v) const { return out_.types_.at(v); }

  // The return slot the early-return rewrite (transform/ast_passes/
  // lower_return.h) starts at None is a placeholder: every path that reads
  // it set it, as return$flag guards the read. It is unbound, not None, as
  // TorchScript's prim::Uninitialized. Explicit `return None`s are inside
  // the guarded regions, never at the body's top level.
  StaticType constant_type(const Node& n) const {
    const Literal& value = *n.attr("value");
    const ValueId out = n.outputs.at(0);
    const bool top_level = std::any_of(function_.body.nodes.begin(), function_.body.nodes.end(),
                                       [&](const Node& m) { return &m == &n; });
    if (value.is_none() && top_level && out < function_.value_names.size() &&
        function_.value_names[out] == "return$value") {
      StaticType t;
      t.kind = StaticKind::Unbound;
      return t;
    }
    return StaticType::of_literal(value);
  }

  void region(const Region& r) {
    for (const Node& node : r.nodes) {
      if (failed()) return;
      this->node(node);
    }
  }

  std::vector<StaticType> yields(const Region& r) const {
    std::vector<StaticType> out;
    for (ValueId v : r.yields) out.push_back(type(v));
    return out;
  }

  void node(const Node& n) {
    switch (n.op) {
      case OpCode::Const:
        set(n.outputs.at(0), constant_type(n));
        return;
      case OpCode::Call:
        call(n);
        return;
      case OpCode::Cond:
        cond(n);
        return;
      case OpCode::Loop:
        loop(n);
        return;
      default:
        break;
    }
    std::vector<StaticType> operands;
    for (ValueId v : n.inputs) operands.push_back(type(v));
    StaticRuleResult result = static_result_types(n, operands);
    if (result.value_dependent) {
      fail(StaticProblemKind::ValueDependent, n.range, *result.value_dependent);
      return;
    }
    for (size_t i = 0; i < n.outputs.size(); ++i) {
      set(n.outputs[i], i < result.results.size() ? result.results[i] : StaticType::unknown());
    }
  }

  void call(const Node& n) {
    const Literal* callee_name = n.attr("callee");
    const Function* callee =
        callee_name ? analysis_.module().find(callee_name->as<std::string>()) : nullptr;
    if (!callee) {
      set(n.outputs.at(0), StaticType::unknown());
      return;
    }
    if (std::find(in_progress_.begin(), in_progress_.end(), callee->name) != in_progress_.end()) {
      fail(StaticProblemKind::Recursion, n.range,
           "the call to '" + callee->name + "' is recursive: graphs have no recursion");
      return;
    }
    std::vector<StaticType> args;
    for (ValueId v : n.inputs) args.push_back(type(v));
    const FunctionTypes& callee_types = analysis_.analyze(*callee, args);
    if (callee_types.problem()) {
      out_.problem_ = callee_types.problem();
      return;
    }
    set(n.outputs.at(0), callee_types.of(callee->body.yields.at(0)));
  }

  static std::optional<bool> constant_truth(const StaticType& t) {
    if (t.kind == StaticKind::None) return false;
    if (t.kind == StaticKind::Tuple) return !t.items.empty();
    if (!t.constant) return std::nullopt;
    const Literal& c = *t.constant;
    if (c.is<bool>()) return c.as<bool>();
    if (c.is<int64_t>()) return c.as<int64_t>() != 0;
    if (c.is<double>()) return c.as<double>() != 0.0;
    if (c.is<std::string>()) return !c.as<std::string>().empty();
    return std::nullopt;
  }

  void cond(const Node& n) {
    const std::optional<bool> taken = constant_truth(type(n.inputs.at(0)));
    if (taken) {
      const int index = *taken ? 0 : 1;
      out_.taken_[&n] = index;
      region(n.regions[index]);
      if (failed()) return;
      std::vector<StaticType> results = yields(n.regions[index]);
      for (size_t i = 0; i < n.outputs.size(); ++i) set(n.outputs[i], results.at(i));
      return;
    }
    out_.taken_.erase(&n);
    region(n.regions[0]);
    region(n.regions[1]);
    if (failed()) return;
    std::vector<StaticType> then_types = yields(n.regions[0]);
    std::vector<StaticType> else_types = yields(n.regions[1]);
    for (size_t i = 0; i < n.outputs.size(); ++i) {
      const StaticType& a = then_types.at(i);
      const StaticType& b = else_types.at(i);
      if (a.kind == StaticKind::Unknown || b.kind == StaticKind::Unknown) {
        set(n.outputs[i], StaticType::unknown());
      } else if (!a.joinable(b)) {
        fail(StaticProblemKind::BranchMismatch, n.range,
             value_label(n.outputs[i]) + " is " + a.describe() + " after one branch and " +
                 b.describe() + " after the other: a graph value has one type");
        return;
      } else {
        set(n.outputs[i], a.join(b));
      }
    }
  }

  void loop(const Node& n) {
    const Region& cond_region = n.regions[0];
    const Region& body = n.regions[1];
    std::vector<StaticType> carried;
    for (ValueId v : n.inputs) carried.push_back(type(v));
    // Each round either forgets a constant or a dim, or stops: a few rounds.
    for (int round = 0; round < 16; ++round) {
      for (size_t i = 0; i < carried.size(); ++i) {
        set(cond_region.args.at(i), carried[i]);
        set(body.args.at(i), carried[i]);
      }
      region(cond_region);
      region(body);
      if (failed()) return;
      std::vector<StaticType> next = yields(body);
      bool changed = false;
      for (size_t i = 0; i < carried.size(); ++i) {
        if (next[i].kind == StaticKind::Unknown) {
          changed = changed || carried[i].kind != StaticKind::Unknown;
          carried[i] = StaticType::unknown();
          continue;
        }
        if (carried[i].kind == StaticKind::Unknown) continue;
        if (!carried[i].joinable(next[i])) {
          fail(StaticProblemKind::LoopTypeChange, n.range,
               value_label(n.outputs.at(i)) + " is " + carried[i].describe() +
                   " before the loop and " + next[i].describe() +
                   " after an iteration: a loop-carried value keeps one type");
          return;
        }
        StaticType joined = carried[i].join(next[i]);
        if (!(joined == carried[i])) {
          carried[i] = std::move(joined);
          changed = true;
        }
      }
      if (!changed) break;
    }
    for (size_t i = 0; i < n.outputs.size(); ++i) set(n.outputs[i], carried.at(i));
  }

  StaticTypeAnalysis& analysis_;
  const Function& function_;
  FunctionTypes& out_;
  std::vector<std::string>& in_progress_;
};

StaticTypeAnalysis::StaticTypeAnalysis(const Module& module) : module_(module) {}
StaticTypeAnalysis::~StaticTypeAnalysis() = default;

const FunctionTypes& StaticTypeAnalysis::analyze(const Function& function,
                                                 const std::vector<StaticType>& given) {
  std::vector<StaticType> args = given;
  for (size_t i = args.size(); i < function.params.size(); ++i) {
    const auto& def = function.params[i].default_value;
    args.push_back(def ? StaticType::of_literal(*def) : StaticType::unknown());
  }
  args.resize(function.params.size());
  for (const auto& instance : instances_) {
    if (instance->function == &function && instance->args == args) return instance->types;
  }
  auto instance = std::make_unique<Instance>();
  instance->function = &function;
  instance->args = args;
  in_progress_.push_back(function.name);
  StaticTypeSolver solver(*this, function, instance->types, in_progress_);
  solver.solve(args);
  in_progress_.pop_back();
  instances_.push_back(std::move(instance));
  return instances_.back()->types;
}

}  // namespace pygraft
