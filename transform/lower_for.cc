// for -> a loop node with a hidden induction counter.
//
// The iterable is evaluated once before the loop into an IterationSource:
// range(start, stop, step), an array (or tuple value) iterated over its
// first axis, enumerate(x, start) and zip(a, b, ...), nested freely. Its trip
// count is computed before the loop too (len(x), min of the lengths for zip,
// -((start - stop) // step) for a range: a count <= 0 runs no iteration).
// The loop carries the counter k (from 0; the condition is k < count) ahead
// of the loop-carried locals (the for target among them); the body computes the k-th element,
// assigns it to the target and runs the body. After the loop the target
// keeps its last value, or its previous one (possibly unbound) after zero
// trips, as in Python. The graph never grows with the trip count; only a
// tuple of known length (a literal or constant) is unrolled.
#include "graph/index_layout.h"
#include "transform/function_lowerer.h"

namespace pygraft::transform {

namespace {

bool is_int(const IrBuilder& builder, ValueId value, int64_t expected) {
  const Literal* literal = builder.constant_value(value);
  return literal != nullptr && literal->is<int64_t>() && literal->as<int64_t>() == expected;
}

}  // namespace

FunctionLowerer::Flow FunctionLowerer::lower_for(const ast::Stmt& stmt, const ast::For& for_stmt) {
  std::optional<IterationSource> source;
  if (iteration_builtin(*for_stmt.iter)) {
    source = lower_iteration_source(*for_stmt.iter);
  } else {
    ValueId iterable = lower_expr(*for_stmt.iter);
    std::optional<std::vector<ValueId>> elements = known_elements(iterable, stmt.range);
    if (elements && !for_stmt.extra_test) return unroll_for(for_stmt, *elements);
    source = sequence_source(iterable, for_stmt.iter->range);
  }
  if (!source) return Flow::FallsThrough;
  const Literal* count = builder_.constant_value(source->length);
  if (count != nullptr && count->is<int64_t>() && count->as<int64_t>() <= 0) {
    return lower_loop_else(for_stmt.orelse);
  }

  const NameSet carried = loop_carried(stmt, liveness_);
  LoopSpec spec;
  spec.hidden_names = {"loop_index"};
  spec.hidden_init = {builder_.constant(Literal(int64_t{0}), stmt.range)};
  spec.carried.assign(carried.begin(), carried.end());
  const SourceRange iter_range = for_stmt.iter->range;
  spec.condition = [&](const std::vector<ValueId>& hidden) {
    return for_condition(for_stmt, *source, hidden[0]);
  };
  spec.body = [&](const std::vector<ValueId>& hidden) {
    assign_target(*for_stmt.target, element_at(*source, hidden[0], iter_range));
    lower_block(for_stmt.body);
    ValueId one = builder_.constant(Literal(int64_t{1}), iter_range);
    return std::vector<ValueId>{apply_binary(ast::BinaryOp::Add, hidden[0], one, iter_range)};
  };
  emit_loop(spec, stmt.range);
  return lower_loop_else(for_stmt.orelse);
}

// `extra_test and k < count`: the AST passes' extra_test (a loop stopped by
// break or return) is evaluated first, before the next element is taken.
ValueId FunctionLowerer::for_condition(const ast::For& for_stmt, const IterationSource& source,
                                       ValueId index) {
  const SourceRange range = for_stmt.iter->range;
  auto in_range = [&] { return apply_compare(ast::CompareOp::Lt, index, source.length, range); };
  if (!for_stmt.extra_test) return in_range();
  ValueId extra = lower_expr(*for_stmt.extra_test);
  if (std::optional<bool> truth = constant_truth(extra)) return *truth ? in_range() : extra;
  return emit_cond_value(
      extra, in_range, [&] { return extra; }, range);
}

// for x in (a, b, c): the body once per element, inline.
FunctionLowerer::Flow FunctionLowerer::unroll_for(const ast::For& for_stmt,
                                                  const std::vector<ValueId>& elements) {
  for (ValueId element : elements) {
    assign_target(*for_stmt.target, element);
    if (lower_block(for_stmt.body) == Flow::Returns) return Flow::Returns;
  }
  return lower_loop_else(for_stmt.orelse);
}

// The elements of a tuple built in this function or of a constant tuple.
std::optional<std::vector<ValueId>> FunctionLowerer::known_elements(ValueId value,
                                                                    SourceRange range) {
  if (const std::vector<ValueId>* elements = builder_.tuple_elements(value)) return *elements;
  const Literal* literal = builder_.constant_value(value);
  if (literal == nullptr || !literal->is<LiteralTuple>()) return std::nullopt;
  std::vector<ValueId> elements;
  for (const Literal& item : literal->as<LiteralTuple>())
    elements.push_back(builder_.constant(item, range));
  return elements;
}

// "range", "enumerate" or "zip" when `iter` calls that builtin (not a local
// or a function of the file with that name).
std::optional<std::string> FunctionLowerer::iteration_builtin(const ast::Expr& iter) const {
  const auto* call = std::get_if<ast::CallExpr>(&iter.kind);
  if (call == nullptr) return std::nullopt;
  const auto* name = std::get_if<ast::Name>(&call->func->kind);
  if (name == nullptr || env_.is_local(name->id) || scope_.constant(name->id) != nullptr ||
      scope_.function(name->id) != nullptr || scope_.import_of(name->id)) {
    return std::nullopt;
  }
  if (name->id == "range" || name->id == "enumerate" || name->id == "zip" ||
      name->id == "reversed") {
    return name->id;
  }
  return std::nullopt;
}

std::optional<FunctionLowerer::IterationSource> FunctionLowerer::lower_iteration_source(
    const ast::Expr& iter) {
  std::optional<std::string> builtin = iteration_builtin(iter);
  if (!builtin) return sequence_source(lower_expr(iter), iter.range);
  const auto& call = std::get<ast::CallExpr>(iter.kind);
  if (*builtin == "range") return lower_range(iter, call);
  if (*builtin == "enumerate") return lower_enumerate(iter, call);
  if (*builtin == "reversed") return lower_reversed(iter, call);
  return lower_zip(iter, call);
}

FunctionLowerer::IterationSource FunctionLowerer::sequence_source(ValueId sequence,
                                                                  SourceRange range) {
  IterationSource source;
  source.kind = IterationSource::Kind::Sequence;
  source.sequence = sequence;
  if (std::optional<std::vector<ValueId>> elements = known_elements(sequence, range)) {
    source.length = builder_.constant(Literal(static_cast<int64_t>(elements->size())), range);
  } else {
    source.length = builder_.emit(OpCode::Len, {sequence}, range);
  }
  return source;
}

// range(stop), range(start, stop), range(start, stop, step). Each argument
// goes through a range_arg node (Python's operator.index: a float is a
// TypeError) and the step through range_step (also: zero is a ValueError),
// unless it is an int constant already.
std::optional<FunctionLowerer::IterationSource> FunctionLowerer::lower_range(
    const ast::Expr& expr, const ast::CallExpr& call) {
  if (call.args.empty() || call.args.size() > 3 || !call.keywords.empty()) {
    error(DiagCode::WrongArgumentCount, expr.range,
          "range() takes 1 to 3 positional arguments (range(stop), range(start, stop[, step]))");
    return std::nullopt;
  }
  std::vector<ValueId> args;
  for (size_t i = 0; i < call.args.size(); ++i) {
    const bool step = i == 2;
    ValueId value = lower_expr(*call.args[i]);
    const Literal* literal = builder_.constant_value(value);
    const bool valid_constant =
        literal != nullptr && literal->is<int64_t>() && (!step || literal->as<int64_t>() != 0);
    if (!valid_constant) {
      value =
          builder_.emit(step ? OpCode::RangeStep : OpCode::RangeArg, {value}, call.args[i]->range);
    }
    args.push_back(value);
  }
  IterationSource source;
  source.kind = IterationSource::Kind::Range;
  source.start = args.size() == 1 ? builder_.constant(Literal(int64_t{0}), expr.range) : args[0];
  ValueId stop = args.size() == 1 ? args[0] : args[1];
  source.step = args.size() == 3 ? args[2] : builder_.constant(Literal(int64_t{1}), expr.range);
  source.length = range_length(source.start, stop, source.step, expr.range);
  return source;
}

// len(range(start, stop, step)) without the max(0, ...): ceil((stop - start)
// / step) == -((start - stop) // step) for either sign of step.
ValueId FunctionLowerer::range_length(ValueId start, ValueId stop, ValueId step,
                                      SourceRange range) {
  const bool unit_step = is_int(builder_, step, 1);
  if (unit_step && is_int(builder_, start, 0)) return stop;
  if (unit_step) return apply_binary(ast::BinaryOp::Sub, stop, start, range);
  ValueId span = apply_binary(ast::BinaryOp::Sub, start, stop, range);
  ValueId steps = apply_binary(ast::BinaryOp::FloorDiv, span, step, range);
  return apply_unary(ast::UnaryOp::Neg, steps, range);
}

// reversed(range(...)) walks the range backwards without building a list;
// reversed(x) of anything else iterates the reversed list of x's items.
std::optional<FunctionLowerer::IterationSource> FunctionLowerer::lower_reversed(
    const ast::Expr& expr, const ast::CallExpr& call) {
  if (call.args.size() != 1 || !call.keywords.empty()) {
    error(DiagCode::WrongArgumentCount, expr.range, "reversed() takes exactly one argument");
    return std::nullopt;
  }
  const ast::Expr& arg = *call.args[0];
  if (iteration_builtin(arg) != std::optional<std::string>("range")) {
    ValueId items = builder_.emit(OpCode::Reversed, {lower_expr(arg)}, expr.range);
    return sequence_source(items, expr.range);
  }
  std::optional<IterationSource> source = lower_range(arg, std::get<ast::CallExpr>(arg.kind));
  if (!source) return std::nullopt;
  // The last element start + (length - 1) * step first, then back by step.
  ValueId one = builder_.constant(Literal(int64_t{1}), expr.range);
  ValueId last_offset = apply_binary(
      ast::BinaryOp::Mul, apply_binary(ast::BinaryOp::Sub, source->length, one, expr.range),
      source->step, expr.range);
  source->start = apply_binary(ast::BinaryOp::Add, source->start, last_offset, expr.range);
  source->step = apply_unary(ast::UnaryOp::Neg, source->step, expr.range);
  return source;
}

// enumerate(x) / enumerate(x, start) / enumerate(x, start=s).
std::optional<FunctionLowerer::IterationSource> FunctionLowerer::lower_enumerate(
    const ast::Expr& expr, const ast::CallExpr& call) {
  const ast::Expr* start_expr = call.args.size() == 2 ? call.args[1].get() : nullptr;
  bool keywords_ok =
      call.keywords.empty() ||
      (call.keywords.size() == 1 && call.keywords[0].name == "start" && call.args.size() == 1);
  if (keywords_ok && call.keywords.size() == 1) start_expr = call.keywords[0].value.get();
  if (call.args.empty() || call.args.size() > 2 || !keywords_ok) {
    error(DiagCode::WrongArgumentCount, expr.range,
          "enumerate() takes an iterable and an optional start (enumerate(x, start=0))");
    return std::nullopt;
  }
  std::optional<IterationSource> inner = lower_iteration_source(*call.args[0]);
  if (!inner) return std::nullopt;
  IterationSource source;
  source.kind = IterationSource::Kind::Enumerate;
  source.start =
      start_expr ? lower_expr(*start_expr) : builder_.constant(Literal(int64_t{0}), expr.range);
  source.length = inner->length;
  source.parts.push_back(std::move(*inner));
  return source;
}

// zip(a, b, ...): as many trips as the shortest argument.
std::optional<FunctionLowerer::IterationSource> FunctionLowerer::lower_zip(
    const ast::Expr& expr, const ast::CallExpr& call) {
  if (call.args.empty() || !call.keywords.empty()) {
    error(DiagCode::WrongArgumentCount, expr.range,
          "zip() needs at least one iterable and no keyword arguments");
    return std::nullopt;
  }
  if (call.starred_arg >= 0) {
    // zip(*xs): the tuples of the sequences xs holds, made when the loop
    // starts (their number is known only then).
    if (call.args.size() != 1) {
      error(DiagCode::UnsupportedStarredExpr, expr.range,
            "zip(*x) takes the starred argument alone; write zip(*(xs + [ys]))");
      return std::nullopt;
    }
    ValueId tuples = builder_.emit(OpCode::ZipStar, {lower_expr(*call.args[0])}, expr.range);
    return sequence_source(tuples, expr.range);
  }
  IterationSource source;
  source.kind = IterationSource::Kind::Zip;
  std::vector<ValueId> lengths;
  for (const ast::ExprPtr& arg : call.args) {
    std::optional<IterationSource> part = lower_iteration_source(*arg);
    if (!part) return std::nullopt;
    lengths.push_back(part->length);
    source.parts.push_back(std::move(*part));
  }
  source.length =
      lengths.size() == 1
          ? lengths[0]
          : builder_.emit(OpCode::PyMin, {builder_.tuple(lengths, expr.range)}, expr.range);
  return source;
}

// The element of `source` at counter value `index` (inside the loop body).
ValueId FunctionLowerer::element_at(const IterationSource& source, ValueId index,
                                    SourceRange range) {
  switch (source.kind) {
    case IterationSource::Kind::Range: {
      ValueId offset = is_int(builder_, source.step, 1)
                           ? index
                           : apply_binary(ast::BinaryOp::Mul, index, source.step, range);
      if (is_int(builder_, source.start, 0)) return offset;
      return apply_binary(ast::BinaryOp::Add, source.start, offset, range);
    }
    case IterationSource::Kind::Sequence: {
      // Note: "iteration" makes a dict give its index-th key (iterating a
      // dict goes over its keys); other values ignore it.
      LiteralTuple layout{Literal(index_layout::kValue)};
      return builder_.emit(
          OpCode::GetItem, {source.sequence, index}, range,
          {Attribute{"index", Literal(std::move(layout))}, Attribute{"iteration", Literal(true)}});
    }
    case IterationSource::Kind::Enumerate: {
      ValueId count = is_int(builder_, source.start, 0)
                          ? index
                          : apply_binary(ast::BinaryOp::Add, source.start, index, range);
      return builder_.tuple({count, element_at(source.parts[0], index, range)}, range);
    }
    case IterationSource::Kind::Zip: {
      std::vector<ValueId> elements;
      for (const IterationSource& part : source.parts) {
        elements.push_back(element_at(part, index, range));
      }
      return builder_.tuple(std::move(elements), range);
    }
  }
  return poison(range);
}

}  // namespace pygraft::transform
