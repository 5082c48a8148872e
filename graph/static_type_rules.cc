// The transfer functions of the static-type analysis (graph/static_types.h):
// an op's result types from its operands' types, by CPython's and NumPy 2's
// rules. Ops not covered give Unknown.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "graph/dtype_info.h"
#include "graph/einsum_subscripts.h"
#include "graph/index_layout.h"
#include "graph/static_types.h"

namespace pygraft {

namespace {

using Types = std::vector<StaticType>;

StaticRuleResult one(StaticType t) {
  return {{std::move(t)}, std::nullopt};
}
StaticRuleResult unknown() {
  return {};
}
StaticRuleResult value_dependent(std::string why) {
  return {{}, std::move(why)};
}

bool all_numeric(const Types& ts) {
  return std::all_of(ts.begin(), ts.end(), [](const StaticType& t) { return t.is_numeric(); });
}

// NumPy broadcasting of the dims of several operands (Python scalars are 0-d).
std::optional<std::vector<StaticDim>> broadcast_dims(const Types& ts) {
  size_t rank = 0;
  for (const StaticType& t : ts) rank = std::max(rank, t.dims.size());
  std::vector<StaticDim> out(rank, StaticDim{1, ""});
  for (const StaticType& t : ts) {
    const size_t offset = rank - t.dims.size();
    for (size_t i = 0; i < t.dims.size(); ++i) {
      StaticDim& o = out[offset + i];
      const StaticDim& d = t.dims[i];
      if (d.size == 1) continue;
      if (o.size == 1) {
        o = d;
      } else if (!(o == d)) {
        if (o.size >= 0 && d.size >= 0) return std::nullopt;  // NumPy refuses
        o = StaticDim{};
      }
    }
  }
  return out;
}

// np.result_type of several operands under NEP 50.
DType promoted(const Types& ts) {
  OperandType acc = ts.at(0).operand();
  for (size_t i = 1; i < ts.size(); ++i) {
    const OperandType next = ts[i].operand();
    acc = OperandType{result_type(acc, next), acc.weak && next.weak};
  }
  return acc.dtype;
}

// Python's result kind for a binary arithmetic operator on two scalars.
StaticKind python_arith_kind(StaticKind a, StaticKind b) {
  if (a == StaticKind::Float || b == StaticKind::Float) return StaticKind::Float;
  return StaticKind::Int;  // bool op bool is an int for + - * // % **
}

StaticType python_scalar(StaticKind kind) {
  switch (kind) {
    case StaticKind::Bool:
      return StaticType::python_bool();
    case StaticKind::Int:
      return StaticType::python_int();
    default:
      return StaticType::python_float();
  }
}

// Folds Python int arithmetic on constants, so shapes and axes computed in
// the source stay compile-time values.
std::optional<int64_t> fold_int(OpCode op, int64_t a, int64_t b) {
  int64_t r = 0;
  switch (op) {
    case OpCode::Add:
      if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
      return r;
    case OpCode::Sub:
      if (__builtin_sub_overflow(a, b, &r)) return std::nullopt;
      return r;
    case OpCode::Mul:
      if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
      return r;
    case OpCode::FloorDiv:
      if (b == 0 || (a == std::numeric_limits<int64_t>::min() && b == -1)) return std::nullopt;
      r = a / b;
      if ((a % b != 0) && ((a < 0) != (b < 0))) --r;
      return r;
    case OpCode::Mod:
      if (b == 0 || (a == std::numeric_limits<int64_t>::min() && b == -1)) return std::nullopt;
      r = a % b;
      if (r != 0 && ((r < 0) != (b < 0))) r += b;
      return r;
    default:
      return std::nullopt;
  }
}

StaticRuleResult arithmetic(const Node& node, const Types& ops) {
  if (ops.size() != 2 || !all_numeric(ops)) return unknown();
  const StaticType& a = ops[0];
  const StaticType& b = ops[1];
  const bool bitwise = node.op == OpCode::BitAnd || node.op == OpCode::BitOr ||
                       node.op == OpCode::BitXor || node.op == OpCode::LShift ||
                       node.op == OpCode::RShift;
  if (a.is_python_scalar() && b.is_python_scalar()) {
    if (bitwise) {
      if (a.kind == StaticKind::Float || b.kind == StaticKind::Float) return unknown();
      const bool both_bool = a.kind == StaticKind::Bool && b.kind == StaticKind::Bool;
      const bool logical = node.op != OpCode::LShift && node.op != OpCode::RShift;
      return one(both_bool && logical ? StaticType::python_bool() : StaticType::python_int());
    }
    if (node.op == OpCode::TrueDiv) return one(StaticType::python_float());
    StaticKind kind = python_arith_kind(a.kind, b.kind);
    if (node.op == OpCode::Pow && kind == StaticKind::Int) {
      const auto exponent = b.constant_int();
      if (!exponent) {
        return value_dependent(
            "int ** int is an int for a non-negative exponent and a float for a negative one; "
            "write float(x) ** n or make the exponent a constant");
      }
      if (*exponent < 0) kind = StaticKind::Float;
    }
    StaticType out = python_scalar(kind);
    if (kind == StaticKind::Int) {
      const auto x = a.constant_int(), y = b.constant_int();
      if (x && y) {
        if (auto folded = fold_int(node.op, *x, *y)) out.constant = Literal(*folded);
      }
    }
    return one(out);
  }
  DType dtype = promoted(ops);
  if (bitwise && is_float(dtype)) return unknown();
  if (node.op == OpCode::TrueDiv && !is_float(dtype)) dtype = DType::Float64;
  auto dims = broadcast_dims(ops);
  if (!dims) return unknown();
  return one(StaticType::array(dtype, std::move(*dims)));
}

StaticRuleResult matmul(const Types& ops, bool transposed_b) {
  if (ops.size() != 2 || !ops[0].is_array() || !ops[1].is_array()) return unknown();
  std::vector<StaticDim> a = ops[0].dims, b = ops[1].dims;
  if (transposed_b) {
    if (b.size() != 2) return unknown();
    std::swap(b[0], b[1]);
  }
  if (a.empty() || b.empty()) return unknown();
  const DType dtype = promote_types(ops[0].dtype, ops[1].dtype);
  if (a.size() == 1 && b.size() == 1) return one(StaticType::array(dtype, {}));
  if (a.size() == 1) {
    std::vector<StaticDim> out(b.begin(), b.end() - 2);
    out.push_back(b.back());
    return one(StaticType::array(dtype, out));
  }
  if (b.size() == 1) return one(StaticType::array(dtype, {a.begin(), a.end() - 1}));
  StaticType batch_a = StaticType::array(dtype, {a.begin(), a.end() - 2});
  StaticType batch_b = StaticType::array(dtype, {b.begin(), b.end() - 2});
  auto batch = broadcast_dims({batch_a, batch_b});
  if (!batch) return unknown();
  batch->push_back(a[a.size() - 2]);
  batch->push_back(b.back());
  return one(StaticType::array(dtype, *batch));
}

StaticRuleResult unary_same(const Node& node, const Types& ops) {
  if (ops.size() != 1 || !ops[0].is_numeric()) return unknown();
  const StaticType& x = ops[0];
  if (x.is_python_scalar()) {
    StaticKind kind = x.kind == StaticKind::Bool ? StaticKind::Int : x.kind;
    if (node.op == OpCode::Invert && x.kind == StaticKind::Float) return unknown();
    StaticType out = python_scalar(kind);
    if (node.op == OpCode::Neg && x.constant_int() && *x.constant_int() != INT64_MIN) {
      out.constant = Literal(-*x.constant_int());
    }
    return one(out);
  }
  if ((node.op == OpCode::Neg || node.op == OpCode::Sign) && x.dtype == DType::Bool)
    return unknown();
  return one(StaticType::array(x.dtype, x.dims));
}

StaticRuleResult float_unary(const Types& ops) {
  if (ops.size() != 1 || !ops[0].is_numeric()) return unknown();
  if (ops[0].is_python_scalar()) return one(StaticType::python_float());
  return one(StaticType::array(smallest_float_holding(ops[0].dtype), ops[0].dims));
}

std::optional<bool> compare_constants(OpCode op, const Literal& a, const Literal& b) {
  auto number = [](const Literal& l) -> std::optional<double> {
    if (l.is<bool>()) return l.as<bool>() ? 1.0 : 0.0;
    if (l.is<int64_t>()) return static_cast<double>(l.as<int64_t>());
    if (l.is<double>()) return l.as<double>();
    return std::nullopt;
  };
  if (op == OpCode::Eq || op == OpCode::Ne) {
    bool equal;
    if (number(a) && number(b)) {
      equal = *number(a) == *number(b);
    } else {
      equal = a == b;
    }
    return op == OpCode::Eq ? equal : !equal;
  }
  if (a.is<std::string>() && b.is<std::string>()) {
    // Python compares strs by code point, which UTF-8's byte order keeps.
    const int order = a.as<std::string>().compare(b.as<std::string>());
    switch (op) {
      case OpCode::Lt:
        return order < 0;
      case OpCode::Le:
        return order <= 0;
      case OpCode::Gt:
        return order > 0;
      case OpCode::Ge:
        return order >= 0;
      default:
        return std::nullopt;
    }
  }
  if (!number(a) || !number(b)) return std::nullopt;
  const double x = *number(a), y = *number(b);
  switch (op) {
    case OpCode::Lt:
      return x < y;
    case OpCode::Le:
      return x <= y;
    case OpCode::Gt:
      return x > y;
    case OpCode::Ge:
      return x >= y;
    default:
      return std::nullopt;
  }
}

StaticRuleResult comparison(const Node& node, const Types& ops) {
  if (ops.size() != 2) return unknown();
  const StaticType& a = ops[0];
  const StaticType& b = ops[1];
  const bool scalars =
      !a.is_array() && !b.is_array() && a.kind != StaticKind::Tuple && b.kind != StaticKind::Tuple;
  if (scalars) {
    if (a.constant && b.constant) {
      if (auto folded = compare_constants(node.op, *a.constant, *b.constant)) {
        return one(StaticType::python_bool(*folded));
      }
    }
    if (a.is_python_scalar() && b.is_python_scalar()) return one(StaticType::python_bool());
    return unknown();
  }
  if (!all_numeric(ops)) return unknown();
  auto dims = broadcast_dims(ops);
  if (!dims) return unknown();
  return one(StaticType::array(DType::Bool, std::move(*dims)));
}

// ---- reductions ----

// The axes a reduction's `axis` operand names, normalised; nullopt: every axis.
struct Axes {
  bool all = true;
  std::vector<int> axes;
};

std::optional<Axes> reduction_axes(const StaticType& axis, int rank) {
  Axes out;
  if (axis.kind == StaticKind::None) return out;
  out.all = false;
  auto add = [&](const StaticType& t) {
    const auto a = t.constant_int();
    if (!a || t.kind == StaticKind::Bool) return false;
    const int64_t normalised = *a < 0 ? *a + rank : *a;
    if (normalised < 0 || normalised >= rank) return false;
    out.axes.push_back(static_cast<int>(normalised));
    return true;
  };
  if (axis.kind == StaticKind::Tuple) {
    for (const StaticType& item : axis.items) {
      if (!add(item)) return std::nullopt;
    }
  } else if (!add(axis)) {
    return std::nullopt;
  }
  std::sort(out.axes.begin(), out.axes.end());
  if (std::adjacent_find(out.axes.begin(), out.axes.end()) != out.axes.end()) return std::nullopt;
  return out;
}

std::vector<StaticDim> reduced_dims(const std::vector<StaticDim>& dims, const Axes& axes,
                                    bool keepdims) {
  std::vector<StaticDim> out;
  for (int i = 0; i < static_cast<int>(dims.size()); ++i) {
    const bool reduced =
        axes.all || std::find(axes.axes.begin(), axes.axes.end(), i) != axes.axes.end();
    if (!reduced) {
      out.push_back(dims[i]);
    } else if (keepdims) {
      out.push_back(StaticDim{1, ""});
    }
  }
  return out;
}

std::optional<bool> constant_bool(const StaticType& t) {
  if (t.kind != StaticKind::Bool || !t.constant) return std::nullopt;
  return t.constant->as<bool>();
}

// dtype= of a reduction: None or a dtype constant.
std::optional<std::optional<DType>> dtype_operand(const StaticType& t) {
  if (t.kind == StaticKind::None) return std::optional<DType>{};
  if (t.kind == StaticKind::DType && t.constant)
    return std::optional<DType>{t.constant->as<DType>()};
  return std::nullopt;
}

DType sum_dtype(DType in) {
  if (in == DType::Bool || (is_integer(in) && dtype_size(in) < 8)) {
    return is_unsigned(in) ? DType::UInt64 : DType::Int64;
  }
  return in;
}

StaticRuleResult reduction(const Node& node, const Types& ops) {
  if (ops.empty() || !ops[0].is_numeric()) return unknown();
  StaticType a = ops[0];
  if (a.is_python_scalar()) a = StaticType::array(a.dtype, {});
  const OpCode op = node.op;
  const bool has_dtype = op == OpCode::Sum || op == OpCode::Mean || op == OpCode::Prod ||
                         op == OpCode::Var || op == OpCode::Std;
  const size_t keepdims_at = op == OpCode::Var || op == OpCode::Std ? 4 : has_dtype ? 3 : 2;
  if (op == OpCode::Norm) {
    // np.linalg.norm(x, ord=None, axis=None, keepdims=False): the 2-norm only.
    if (ops.size() < 4 || ops[1].kind != StaticKind::None) return unknown();
    auto axes = reduction_axes(ops[2], a.rank());
    auto keep = constant_bool(ops[3]);
    if (!axes || !keep || (!axes->all && axes->axes.size() != 1)) return unknown();
    return one(StaticType::array(is_float(a.dtype) ? a.dtype : DType::Float64,
                                 reduced_dims(a.dims, *axes, *keep)));
  }
  if (ops.size() <= keepdims_at) return unknown();
  auto axes = reduction_axes(ops[1], a.rank());
  auto keep = constant_bool(ops[keepdims_at]);
  if (!axes || !keep) return unknown();
  std::optional<DType> requested;
  if (has_dtype) {
    auto d = dtype_operand(ops[2]);
    if (!d) return unknown();
    requested = *d;
  }
  DType dtype = a.dtype;
  switch (op) {
    case OpCode::Sum:
    case OpCode::Prod:
      dtype = requested ? *requested : sum_dtype(a.dtype);
      break;
    case OpCode::Mean:
    case OpCode::Var:
    case OpCode::Std:
      dtype = requested ? *requested : (is_float(a.dtype) ? a.dtype : DType::Float64);
      break;
    case OpCode::ArgMax:
    case OpCode::ArgMin:
      dtype = DType::Int64;
      if (!axes->all && axes->axes.size() != 1) return unknown();
      break;
    case OpCode::All:
    case OpCode::Any:
      dtype = DType::Bool;
      break;
    default:
      break;
  }
  return one(StaticType::array(dtype, reduced_dims(a.dims, *axes, *keep)));
}

// ---- shapes ----

// A shape operand (an int or a tuple of ints) as dims.
std::optional<std::vector<StaticDim>> shape_operand(const StaticType& t) {
  auto dim_of = [](const StaticType& item) -> std::optional<StaticDim> {
    if (item.kind != StaticKind::Int &&
        !(item.is_array() && item.rank() == 0 && is_integer(item.dtype))) {
      return std::nullopt;
    }
    const auto c = item.constant_int();
    return StaticDim{c ? *c : -1, ""};
  };
  std::vector<StaticDim> out;
  if (t.kind == StaticKind::Tuple) {
    for (const StaticType& item : t.items) {
      auto d = dim_of(item);
      if (!d) return std::nullopt;
      out.push_back(*d);
    }
    return out;
  }
  auto d = dim_of(t);
  if (!d) return std::nullopt;
  out.push_back(*d);
  return out;
}

std::optional<DType> dtype_or(const StaticType& t, DType fallback) {
  if (t.kind == StaticKind::None) return fallback;
  if (t.kind == StaticKind::DType && t.constant) return t.constant->as<DType>();
  return std::nullopt;
}

StaticRuleResult getitem(const Node& node, const Types& ops) {
  const Literal* layout_attr = node.attr("index");
  if (!layout_attr || ops.empty()) return unknown();
  const LiteralTuple& layout = layout_attr->as<LiteralTuple>();
  const StaticType& x = ops[0];
  if (x.kind == StaticKind::Tuple) {
    if (layout.size() != 1 || layout[0].as<int64_t>() != index_layout::kValue) return unknown();
    const auto i = ops.at(1).constant_int();
    if (!i || ops[1].kind == StaticKind::Bool) return unknown();
    const int64_t n = static_cast<int64_t>(x.items.size());
    const int64_t at = *i < 0 ? *i + n : *i;
    if (at < 0 || at >= n) return unknown();
    return one(x.items[static_cast<size_t>(at)]);
  }
  if (!x.is_array()) return unknown();
  // Count the axes the items consume to place the ellipsis.
  int consumed = 0;
  size_t operand = 1;
  int advanced = 0;
  std::vector<const StaticType*> values;
  for (const Literal& item_literal : layout) {
    const int64_t item = item_literal.as<int64_t>();
    if (item == index_layout::kValue) {
      const StaticType& v = ops.at(operand);
      values.push_back(&v);
      if (v.is_array() && v.dtype == DType::Bool) {
        consumed += v.rank();
      } else {
        consumed += 1;
      }
      if (v.is_array() && v.rank() > 0) ++advanced;
    } else if (index_layout::is_slice(item)) {
      consumed += 1;
    }
    operand += static_cast<size_t>(index_layout::operand_count(item));
  }
  if (consumed > x.rank() || advanced > 1) return unknown();
  std::vector<StaticDim> out;
  size_t axis = 0;
  operand = 1;
  for (const Literal& item_literal : layout) {
    const int64_t item = item_literal.as<int64_t>();
    if (item == index_layout::kValue) {
      const StaticType& v = ops.at(operand);
      if (v.kind == StaticKind::Int || (v.is_array() && v.rank() == 0 && is_integer(v.dtype))) {
        ++axis;
      } else if (v.is_array() && is_integer(v.dtype)) {
        out.insert(out.end(), v.dims.begin(), v.dims.end());
        ++axis;
      } else if (v.is_array() && v.dtype == DType::Bool && v.rank() > 0) {
        out.push_back(StaticDim{});
        axis += static_cast<size_t>(v.rank());
      } else {
        return unknown();
      }
    } else if (item == index_layout::kNewAxis) {
      out.push_back(StaticDim{1, ""});
    } else if (item == index_layout::kEllipsis) {
      const int rest = x.rank() - consumed;
      for (int i = 0; i < rest; ++i) out.push_back(x.dims[axis++]);
    } else if (index_layout::is_slice(item)) {
      const int64_t mask = item - index_layout::kSlice;
      const bool whole = mask == 0;
      out.push_back(whole ? x.dims[axis] : StaticDim{});
      ++axis;
    } else {
      return unknown();
    }
    operand += static_cast<size_t>(index_layout::operand_count(item));
  }
  while (axis < x.dims.size()) out.push_back(x.dims[axis++]);
  return one(StaticType::array(x.dtype, out));
}

// np.einsum(subscripts, *operands): the labels decide the rank; a dim is
// known where an operand with that label knows it.
StaticRuleResult einsum(const Types& ops) {
  if (ops.size() < 2 || ops[0].kind != StaticKind::Str || !ops[0].constant ||
      ops[1].kind != StaticKind::Tuple || ops[1].items.empty()) {
    return unknown();
  }
  std::vector<StaticType> arrays;
  std::vector<int> ranks;
  for (const StaticType& item : ops[1].items) {
    auto a = static_array_of(item);
    if (!a) return unknown();
    arrays.push_back(StaticType::array(a->dtype, a->dims));
    ranks.push_back(a->rank());
  }
  EinsumLabels labels;
  try {
    labels = parse_einsum_subscripts(ops[0].constant->as<std::string>(), ranks);
  } catch (const EinsumSubscriptError&) {
    return unknown();  // NumPy raises ValueError
  }
  DType dtype = arrays[0].dtype;
  for (const StaticType& a : arrays) dtype = promote_types(dtype, a.dtype);
  std::vector<StaticDim> dims;
  for (int label : labels.output) {
    StaticDim dim;
    for (size_t k = 0; k < arrays.size(); ++k) {
      for (size_t d = 0; d < labels.operands[k].size(); ++d) {
        if (labels.operands[k][d] == label && arrays[k].dims[d].size > 1) dim = arrays[k].dims[d];
      }
    }
    dims.push_back(dim);
  }
  return one(StaticType::array(dtype, dims));
}

StaticRuleResult concat_like(const Node& node, const Types& ops) {
  if (ops.empty() || ops[0].kind != StaticKind::Tuple || ops[0].items.empty()) return unknown();
  std::vector<StaticType> items;
  for (const StaticType& item : ops[0].items) {
    auto a = static_array_of(item);
    if (!a) return unknown();
    items.push_back(*a);
  }
  DType dtype = items[0].dtype;
  for (const StaticType& item : items) dtype = promote_types(dtype, item.dtype);
  const int rank = items[0].rank();
  for (const StaticType& item : items) {
    if (item.rank() != rank) return unknown();
  }
  switch (node.op) {
    case OpCode::Concatenate: {
      if (ops.size() < 2 || !ops[1].constant_int() || rank == 0) return unknown();
      return one(StaticType::array_of_rank(dtype, rank));
    }
    case OpCode::Stack: {
      if (ops.size() < 2 || !ops[1].constant_int()) return unknown();
      return one(StaticType::array_of_rank(dtype, rank + 1));
    }
    case OpCode::VStack:
      return one(StaticType::array_of_rank(dtype, std::max(rank, 2)));
    case OpCode::HStack:
      return one(StaticType::array_of_rank(dtype, std::max(rank, 1)));
    default:
      return unknown();
  }
}

StaticRuleResult creation(const Node& node, const Types& ops) {
  switch (node.op) {
    case OpCode::Zeros:
    case OpCode::Ones:
    case OpCode::Empty: {
      auto dims = shape_operand(ops.at(0));
      auto dtype = dtype_or(ops.at(1), DType::Float64);
      if (!dims || !dtype) return unknown();
      return one(StaticType::array(*dtype, *dims));
    }
    case OpCode::Full: {
      auto dims = shape_operand(ops.at(0));
      auto fill = static_array_of(ops.at(1));
      if (!dims || !fill || fill->rank() != 0) return unknown();
      auto dtype = dtype_or(ops.at(2), fill->dtype);
      if (!dtype) return unknown();
      return one(StaticType::array(*dtype, *dims));
    }
    case OpCode::ZerosLike:
    case OpCode::OnesLike:
    case OpCode::FullLike: {
      auto a = static_array_of(ops.at(0));
      if (!a) return unknown();
      const StaticType& dtype_arg = ops.at(node.op == OpCode::FullLike ? 2 : 1);
      auto dtype = dtype_or(dtype_arg, a->dtype);
      if (!dtype) return unknown();
      if (node.op == OpCode::FullLike) {
        auto fill = static_array_of(ops.at(1));
        if (!fill || fill->rank() != 0) return unknown();
      }
      return one(StaticType::array(*dtype, a->dims));
    }
    case OpCode::Eye: {
      auto dtype = dtype_or(ops.at(3), DType::Float64);
      if (!dtype || ops[0].kind != StaticKind::Int) return unknown();
      if (ops[1].kind != StaticKind::None && ops[1].kind != StaticKind::Int) return unknown();
      if (!ops[2].constant_int()) return unknown();
      return one(StaticType::array_of_rank(*dtype, 2));
    }
    case OpCode::Arange: {
      Types numbers;
      for (size_t i = 0; i < 3; ++i) {
        if (ops.at(i).kind == StaticKind::None) continue;
        if (!ops[i].is_python_scalar() && !(ops[i].is_array() && ops[i].rank() == 0)) {
          return unknown();
        }
        numbers.push_back(ops[i]);
      }
      DType natural = DType::Int64;
      for (const StaticType& t : numbers) {
        if (is_float(t.dtype)) natural = DType::Float64;
        if (t.is_array()) return unknown();
      }
      auto dtype = dtype_or(ops.at(3), natural);
      if (!dtype) return unknown();
      return one(StaticType::array_of_rank(*dtype, 1));
    }
    case OpCode::Linspace: {
      if (!ops.at(0).is_python_scalar() || !ops.at(1).is_python_scalar()) return unknown();
      if (ops.at(2).kind != StaticKind::Int || !constant_bool(ops.at(3))) return unknown();
      auto dtype = dtype_or(ops.at(4), DType::Float64);
      if (!dtype) return unknown();
      return one(StaticType::array_of_rank(*dtype, 1));
    }
    case OpCode::Array:
    case OpCode::AsArray: {
      auto a = static_array_of(ops.at(0));
      if (!a) return unknown();
      auto dtype = dtype_or(ops.at(1), a->dtype);
      if (!dtype) return unknown();
      return one(StaticType::array(*dtype, a->dims));
    }
    default:
      return unknown();
  }
}

StaticRuleResult shape_op(const Node& node, const Types& ops) {
  const StaticType& a = ops.at(0);
  switch (node.op) {
    case OpCode::Shape: {
      auto arr = static_array_of(a);
      if (!arr) return unknown();
      Types items;
      for (const StaticDim& d : arr->dims) {
        items.push_back(d.size >= 0 ? StaticType::python_int(d.size) : StaticType::python_int());
      }
      return one(StaticType::tuple(items));
    }
    case OpCode::Ndim: {
      auto arr = static_array_of(a);
      if (!arr) return unknown();
      return one(StaticType::python_int(arr->rank()));
    }
    case OpCode::Size: {
      auto arr = static_array_of(a);
      if (!arr) return unknown();
      int64_t size = 1;
      for (const StaticDim& d : arr->dims) {
        if (d.size < 0 || __builtin_mul_overflow(size, d.size, &size)) {
          return one(StaticType::python_int());
        }
      }
      return one(StaticType::python_int(size));
    }
    case OpCode::DTypeOf: {
      if (!a.is_array()) return unknown();
      StaticType t;
      t.kind = StaticKind::DType;
      t.constant = Literal(a.dtype);
      return one(t);
    }
    case OpCode::Len: {
      if (a.kind == StaticKind::Tuple)
        return one(StaticType::python_int(static_cast<int64_t>(a.items.size())));
      if (a.is_array() && a.rank() > 0) {
        return one(a.dims[0].size >= 0 ? StaticType::python_int(a.dims[0].size)
                                       : StaticType::python_int());
      }
      if (a.kind == StaticKind::Str && a.constant) {
        return one(
            StaticType::python_int(static_cast<int64_t>(a.constant->as<std::string>().size())));
      }
      return unknown();
    }
    default:
      break;
  }
  if (!a.is_array()) return unknown();
  switch (node.op) {
    case OpCode::Reshape: {
      auto dims = shape_operand(ops.at(1));
      if (!dims) return unknown();
      return one(StaticType::array(a.dtype, *dims));
    }
    case OpCode::Flatten:
      return one(StaticType::array_of_rank(a.dtype, 1));
    case OpCode::Transpose: {
      if (ops.size() < 2) return unknown();
      std::vector<StaticDim> dims(a.dims.rbegin(), a.dims.rend());
      if (ops[1].kind == StaticKind::None ||
          (ops[1].kind == StaticKind::Tuple && ops[1].items.empty())) {
        return one(StaticType::array(a.dtype, dims));
      }
      const StaticType& axes = ops[1].kind == StaticKind::Tuple && ops[1].items.size() == 1 &&
                                       ops[1].items[0].kind == StaticKind::Tuple
                                   ? ops[1].items[0]
                                   : ops[1];
      if (axes.kind != StaticKind::Tuple || axes.rank() != 0 ||
          static_cast<int>(axes.items.size()) != a.rank()) {
        return unknown();
      }
      dims.clear();
      for (const StaticType& item : axes.items) {
        auto i = item.constant_int();
        if (!i) return unknown();
        const int64_t at = *i < 0 ? *i + a.rank() : *i;
        if (at < 0 || at >= a.rank()) return unknown();
        dims.push_back(a.dims[static_cast<size_t>(at)]);
      }
      return one(StaticType::array(a.dtype, dims));
    }
    case OpCode::ExpandDims: {
      auto axes = ops.at(1).constant_int();
      if (!axes) return unknown();
      return one(StaticType::array_of_rank(a.dtype, a.rank() + 1));
    }
    case OpCode::Squeeze: {
      if (ops.at(1).kind == StaticKind::None) {
        std::vector<StaticDim> dims;
        for (const StaticDim& d : a.dims) {
          if (d.size < 0) return unknown();
          if (d.size != 1) dims.push_back(d);
        }
        return one(StaticType::array(a.dtype, dims));
      }
      auto axes = reduction_axes(ops[1], a.rank());
      if (!axes) return unknown();
      return one(StaticType::array(a.dtype, reduced_dims(a.dims, *axes, false)));
    }
    case OpCode::Copy:
      return one(a);
    case OpCode::AsType: {
      auto dtype = dtype_or(ops.at(1), a.dtype);
      if (!dtype || ops.at(1).kind == StaticKind::None) return unknown();
      return one(StaticType::array(*dtype, a.dims));
    }
    case OpCode::Triu:
    case OpCode::Tril:
      return a.rank() >= 2 ? one(StaticType::array(a.dtype, a.dims)) : unknown();
    case OpCode::CumSum: {
      auto d = dtype_operand(ops.at(2));
      if (!d) return unknown();
      const DType dtype = *d ? **d : sum_dtype(a.dtype);
      if (ops[1].kind == StaticKind::None) return one(StaticType::array_of_rank(dtype, 1));
      if (!reduction_axes(ops[1], a.rank())) return unknown();
      return one(StaticType::array_of_rank(dtype, a.rank()));
    }
    case OpCode::Diff:
      if (!ops.at(1).constant_int() || !ops.at(2).constant_int() || a.rank() == 0) return unknown();
      return one(StaticType::array_of_rank(a.dtype, a.rank()));
    case OpCode::Outer:
      if (!ops.at(1).is_array()) return unknown();
      return one(StaticType::array_of_rank(promote_types(a.dtype, ops[1].dtype), 2));
    default:
      return unknown();
  }
}

std::optional<double> parse_python_float(const std::string& text);

StaticRuleResult python_values(const Node& node, const Types& ops) {
  switch (node.op) {
    case OpCode::Undef: {
      StaticType t;
      t.kind = StaticKind::Unbound;
      return one(t);
    }
    case OpCode::MakeTuple:
    case OpCode::MakeList:  // a list literal: a fixed sequence, as a tuple
      return one(StaticType::tuple(ops));
    case OpCode::RangeArg:
    case OpCode::RangeStep: {
      const StaticType& x = ops.at(0);
      if (x.kind == StaticKind::Int) return one(x);
      if (x.kind == StaticKind::Bool) return one(StaticType::python_int(x.constant_int()));
      if (x.is_array() && x.rank() == 0 && is_integer(x.dtype))
        return one(StaticType::python_int());
      return unknown();
    }
    case OpCode::Truth:
    case OpCode::Not: {
      const StaticType& x = ops.at(0);
      std::optional<bool> truth;
      if (x.kind == StaticKind::None) truth = false;
      if (x.kind == StaticKind::Tuple) truth = !x.items.empty();
      if (x.constant && x.is_python_scalar())
        truth = x.constant_int() ? *x.constant_int() != 0 : x.constant->as<double>() != 0.0;
      if (x.kind == StaticKind::Str && x.constant) truth = !x.constant->as<std::string>().empty();
      if (truth) return one(StaticType::python_bool(node.op == OpCode::Not ? !*truth : *truth));
      if (x.is_python_scalar() || (x.is_array() && x.rank() == 0))
        return one(StaticType::python_bool());
      return unknown();
    }
    case OpCode::IsNone: {
      const StaticType& x = ops.at(0);
      if (x.kind == StaticKind::Unknown || x.kind == StaticKind::Unbound) return unknown();
      return one(StaticType::python_bool(x.kind == StaticKind::None));
    }
    case OpCode::ToFloat: {
      const StaticType& x = ops.at(0);
      if (x.kind == StaticKind::Str && x.constant) {
        const auto value = parse_python_float(x.constant->as<std::string>());
        return value ? one(StaticType::python_float(*value)) : unknown();
      }
      if (!x.is_python_scalar() && !(x.is_array() && x.rank() == 0)) return unknown();
      if (x.constant && x.is_python_scalar()) {
        const Literal& c = *x.constant;
        return one(StaticType::python_float(
            c.is<double>() ? c.as<double>() : static_cast<double>(*x.constant_int())));
      }
      return one(StaticType::python_float());
    }
    case OpCode::ToInt: {
      const StaticType& x = ops.at(0);
      if (!x.is_python_scalar() && !(x.is_array() && x.rank() == 0)) return unknown();
      if (x.constant_int()) return one(StaticType::python_int(*x.constant_int()));
      return one(StaticType::python_int());
    }
    case OpCode::PyRound: {
      const StaticType& x = ops.at(0);
      if (!x.is_python_scalar() && !(x.is_array() && x.rank() == 0)) return unknown();
      if (ops.at(1).kind == StaticKind::None) return one(StaticType::python_int());
      if (ops[1].kind != StaticKind::Int) return unknown();
      if (x.is_array()) return one(StaticType::array(x.dtype, {}));
      return one(x.kind == StaticKind::Float ? StaticType::python_float()
                                             : StaticType::python_int());
    }
    case OpCode::PyMin:
    case OpCode::PyMax: {
      const StaticType& packed = ops.at(0);
      if (packed.kind != StaticKind::Tuple || packed.items.empty()) return unknown();
      const Types& items = packed.items.size() == 1 && packed.items[0].kind == StaticKind::Tuple
                               ? packed.items[0].items
                               : packed.items;
      if (items.empty()) return unknown();
      StaticType first = items[0];
      for (const StaticType& t : items) {
        if (!t.is_numeric() || t.rank() != 0) return unknown();
        if (!t.same_layout(first)) {
          return value_dependent("min()/max() of " + first.describe() + " and " + t.describe() +
                                 " returns whichever argument wins, so its type depends on the "
                                 "values; convert them to one type first");
        }
        first = first.join(t);
      }
      first.constant.reset();
      return one(first);
    }
    case OpCode::InPlaceResult: {
      const StaticType& x = ops.at(0);
      const StaticType& r = ops.at(1);
      if (x.is_array()) {
        if (!r.is_numeric()) return unknown();
        return one(StaticType::array(x.dtype, x.dims));
      }
      return one(r);
    }
    case OpCode::UfuncOperand: {
      const StaticType& x = ops.at(0);
      bool all_scalars = true;
      for (const StaticType& t : ops) {
        if (!t.is_python_scalar() && t.kind != StaticKind::None) all_scalars = false;
      }
      if (x.is_python_scalar() && all_scalars) return one(StaticType::array(x.dtype, {}));
      return one(x);
    }
    case OpCode::ArrayReceiver:
      return ops.at(0).is_array() ? one(ops[0]) : unknown();
    case OpCode::SetItem:
      return ops.at(0).is_array() ? one(ops[0]) : unknown();
    case OpCode::GetItem:
      return getitem(node, ops);
    default:
      return unknown();
  }
}

// np.finfo(t).FIELD (a NumPy scalar of t; bits an int) and np.iinfo(t).FIELD
// (a Python int): constants of the dtype.
StaticRuleResult type_info(const Node& node, const StaticType& of) {
  std::optional<DType> dtype;
  if (of.kind == StaticKind::DType && of.constant) dtype = of.constant->as<DType>();
  if (of.is_array()) dtype = of.dtype;
  const Literal* info = node.attr("info");
  const Literal* field = node.attr("field");
  if (!dtype || !info || !field) return unknown();
  const std::string& name = field->as<std::string>();
  if (name == "bits") return one(StaticType::python_int(dtype_size(*dtype) * 8));
  if (info->as<std::string>() == "finfo") {
    if (!is_float(*dtype)) return unknown();
    StaticType t = StaticType::array(*dtype, {});
    t.constant = Literal(finfo_field(*dtype, name));
    return one(t);
  }
  if (!is_integer(*dtype)) return unknown();
  const std::optional<int64_t> value = iinfo_field(*dtype, name);
  return value ? one(StaticType::python_int(*value)) : unknown();
}

// float(s) of a str constant, as Python parses it: surrounding whitespace,
// underscores between digits, inf / infinity / nan in any case.
std::optional<double> parse_python_float(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t\n\r\f\v");
  if (first == std::string::npos) return std::nullopt;
  const size_t last = text.find_last_not_of(" \t\n\r\f\v");
  std::string s;
  const std::string core = text.substr(first, last - first + 1);
  for (size_t i = 0; i < core.size(); ++i) {
    if (core[i] != '_') {
      s += core[i];
      continue;
    }
    const bool between_digits = i > 0 && i + 1 < core.size() &&
                                std::isdigit(static_cast<unsigned char>(core[i - 1])) &&
                                std::isdigit(static_cast<unsigned char>(core[i + 1]));
    if (!between_digits) return std::nullopt;
  }
  std::string lower;
  for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string unsigned_part =
      !lower.empty() && (lower[0] == '+' || lower[0] == '-') ? lower.substr(1) : lower;
  const double sign = !lower.empty() && lower[0] == '-' ? -1.0 : 1.0;
  if (unsigned_part == "inf" || unsigned_part == "infinity") return sign * HUGE_VAL;
  if (unsigned_part == "nan") return std::copysign(std::nan(""), sign);
  for (char c : unsigned_part) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != 'e' && c != '+' &&
        c != '-') {
      return std::nullopt;
    }
  }
  char* end = nullptr;
  const double value = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::nullopt;
  return value;
}

StaticRuleResult elementwise_misc(const Node& node, const Types& ops) {
  switch (node.op) {
    case OpCode::Abs:
    case OpCode::Neg:
    case OpCode::Pos:
    case OpCode::NpPositive:
    case OpCode::Invert:
    case OpCode::Sign:
    case OpCode::Square:
      if (node.op == OpCode::Abs && ops.at(0).kind == StaticKind::Bool) {
        return one(StaticType::python_int());
      }
      return unary_same(node, ops);
    case OpCode::Floor:
    case OpCode::Ceil:
    case OpCode::Trunc:
      if (ops.at(0).is_python_scalar()) {
        return one(ops[0].kind == StaticKind::Float ? StaticType::python_int() : ops[0]);
      }
      if (!ops[0].is_array()) return unknown();
      // NumPy 1.24 floors integers in the smallest float holding them.
      return one(StaticType::array(smallest_float_holding(ops[0].dtype), ops[0].dims));
    case OpCode::Round:
      if (!ops.at(0).is_array() || !ops.at(1).constant_int()) return unknown();
      return one(StaticType::array(ops[0].dtype, ops[0].dims));
    case OpCode::IsNan:
    case OpCode::IsInf:
    case OpCode::IsFinite:
      if (ops.at(0).is_python_scalar()) return one(StaticType::python_bool());
      if (!ops[0].is_array()) return unknown();
      return one(StaticType::array(DType::Bool, ops[0].dims));
    case OpCode::LogicalNot:
    case OpCode::LogicalAnd:
    case OpCode::LogicalOr:
    case OpCode::LogicalXor: {
      if (!all_numeric(ops)) return unknown();
      auto dims = broadcast_dims(ops);
      if (!dims) return unknown();
      return one(StaticType::array(DType::Bool, *dims));
    }
    case OpCode::Maximum:
    case OpCode::Minimum:
    case OpCode::Arctan2:
    case OpCode::Where:
    case OpCode::Clip: {
      Types values = ops;
      if (node.op == OpCode::Where) values.erase(values.begin());
      if (node.op == OpCode::Clip) {
        values.erase(std::remove_if(values.begin() + 1, values.end(),
                                    [](const StaticType& t) { return t.kind == StaticKind::None; }),
                     values.end());
      }
      if (!all_numeric(ops.size() == values.size() ? ops : values)) return unknown();
      if (node.op == OpCode::Where && !ops[0].is_numeric()) return unknown();
      auto dims = broadcast_dims(node.op == OpCode::Where ? ops : values);
      if (!dims) return unknown();
      DType dtype = promoted(values);
      if (node.op == OpCode::Arctan2) dtype = smallest_float_holding(dtype);
      return one(StaticType::array(dtype, *dims));
    }
    case OpCode::IsClose:
    case OpCode::AllClose: {
      if (!all_numeric({ops.at(0), ops.at(1)})) return unknown();
      auto dims = broadcast_dims({ops[0], ops[1]});
      if (!dims) return unknown();
      if (node.op == OpCode::AllClose) return one(StaticType::python_bool());
      return one(StaticType::array(DType::Bool, *dims));
    }
    case OpCode::ArrayEqual: {
      auto a = static_array_of(ops.at(0)), b = static_array_of(ops.at(1));
      if (!a || !b) return unknown();
      // Arrays of different ranks never have one shape.
      return one(a->rank() != b->rank() ? StaticType::python_bool(false)
                                        : StaticType::python_bool());
    }
    case OpCode::Nonzero: {
      if (!ops.at(0).is_array() || ops[0].rank() == 0) return unknown();
      return one(StaticType::tuple(
          Types(static_cast<size_t>(ops[0].rank()), StaticType::array_of_rank(DType::Int64, 1))));
    }
    case OpCode::Sort:
    case OpCode::ArgSort: {
      // (a, axis, kind): axis None sorts the flattened array.
      if (!ops.at(0).is_array() || ops[0].rank() == 0) return unknown();
      const DType dtype = node.op == OpCode::Sort ? ops[0].dtype : DType::Int64;
      if (ops.at(1).kind == StaticKind::None) return one(StaticType::array_of_rank(dtype, 1));
      if (!reduction_axes(ops[1], ops[0].rank())) return unknown();
      return one(StaticType::array(dtype, ops[0].dims));
    }
    case OpCode::FlatNonzero:
      if (!static_array_of(ops.at(0))) return unknown();
      return one(StaticType::array_of_rank(DType::Int64, 1));
    case OpCode::TypeInfo:
      return type_info(node, ops.at(0));
    default:
      return unknown();
  }
}

StaticRuleResult rule_for(const Node& node, const std::vector<StaticType>& ops);

StaticType as_python_scalar(const StaticType& t) {
  switch (t.dtype) {
    case DType::Bool:
      return StaticType::python_bool();
    case DType::Int64:
      return StaticType::python_int();
    default:
      return StaticType::python_float();
  }
}

// Operands that are Python numbers on some paths and 0-d arrays on others:
// the rule must give one layout either way. The result is weak on some path
// when the Python-number reading gives a Python number.
StaticRuleResult mixed_weak_rule(const Node& node, const std::vector<StaticType>& ops) {
  std::vector<StaticType> strong = ops, weak = ops;
  for (size_t i = 0; i < ops.size(); ++i) {
    if (!ops[i].weak_on_some_path) continue;
    strong[i].weak_on_some_path = false;
    weak[i] = as_python_scalar(ops[i]);
  }
  StaticRuleResult a = rule_for(node, strong);
  StaticRuleResult b = rule_for(node, weak);
  if (a.value_dependent || b.value_dependent) return a.value_dependent ? a : b;
  if (a.results.size() != b.results.size()) return unknown();
  for (size_t i = 0; i < a.results.size(); ++i) {
    StaticType& x = a.results[i];
    const StaticType& y = b.results[i];
    if (x.kind == StaticKind::Unknown || y.kind == StaticKind::Unknown) return unknown();
    if (!x.joinable(y)) {
      return value_dependent("the operand that is a Python number on some paths and a NumPy " +
                             std::string(dtype_name(ops[0].dtype)) + " scalar on others gives " +
                             x.describe() + " one way and " + y.describe() +
                             " the other (NumPy promotes them differently)");
    }
    x = x.join(y);
  }
  return a;
}

}  // namespace

StaticRuleResult static_result_types(const Node& node, const std::vector<StaticType>& ops) {
  for (const StaticType& t : ops) {
    if (t.weak_on_some_path) return mixed_weak_rule(node, ops);
  }
  return rule_for(node, ops);
}

namespace {

StaticRuleResult rule_for(const Node& node, const std::vector<StaticType>& ops) {
  for (const StaticType& t : ops) {
    if (t.kind == StaticKind::Unknown) return unknown();
  }
  if (is_float_unary_ufunc(node.op)) return float_unary(ops);
  if (is_binary_arithmetic(node.op)) return arithmetic(node, ops);
  if (is_comparison(node.op)) return comparison(node, ops);
  switch (node.op) {
    case OpCode::MathPow:
      return all_numeric(ops) ? one(StaticType::python_float()) : unknown();
    case OpCode::MatMul:
    case OpCode::Dot:
      if (node.op == OpCode::Dot && ops.size() == 2 && (ops[0].rank() == 0 || ops[1].rank() == 0)) {
        return arithmetic(node, ops);
      }
      if (node.op == OpCode::Dot && (ops.at(0).rank() > 2 || ops.at(1).rank() > 2))
        return unknown();
      return matmul(ops, false);
    case OpCode::MatMulTransposedB:
      return matmul(ops, true);
    case OpCode::Sum:
    case OpCode::Mean:
    case OpCode::Prod:
    case OpCode::Max:
    case OpCode::Min:
    case OpCode::ArgMax:
    case OpCode::ArgMin:
    case OpCode::All:
    case OpCode::Any:
    case OpCode::Var:
    case OpCode::Std:
    case OpCode::Norm:
      return reduction(node, ops);
    case OpCode::Concatenate:
    case OpCode::Stack:
    case OpCode::HStack:
    case OpCode::VStack:
      return concat_like(node, ops);
    case OpCode::Einsum:
      return einsum(ops);
    case OpCode::Zeros:
    case OpCode::Ones:
    case OpCode::Empty:
    case OpCode::Full:
    case OpCode::ZerosLike:
    case OpCode::OnesLike:
    case OpCode::FullLike:
    case OpCode::Eye:
    case OpCode::Arange:
    case OpCode::Linspace:
    case OpCode::Array:
    case OpCode::AsArray:
      return creation(node, ops);
    case OpCode::Shape:
    case OpCode::Ndim:
    case OpCode::Size:
    case OpCode::DTypeOf:
    case OpCode::Len:
    case OpCode::Reshape:
    case OpCode::Flatten:
    case OpCode::Transpose:
    case OpCode::ExpandDims:
    case OpCode::Squeeze:
    case OpCode::Copy:
    case OpCode::AsType:
    case OpCode::Triu:
    case OpCode::Tril:
    case OpCode::CumSum:
    case OpCode::Diff:
    case OpCode::Outer:
      return shape_op(node, ops);
    default:
      break;
  }
  StaticRuleResult r = python_values(node, ops);
  if (!r.results.empty() || r.value_dependent) return r;
  return elementwise_misc(node, ops);
}

}  // namespace

}  // namespace pygraft
