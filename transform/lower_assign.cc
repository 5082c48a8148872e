// Assignment statements: names (SSA renaming), tuple/list unpacking,
// subscript assignment (value semantics: x[i] = v rebinds x to a new array)
// and augmented assignment.
#include "graph/index_layout.h"
#include "parser/ast_operators.h"
#include "transform/function_lowerer.h"

namespace pygraft::transform {

// a = b = value: the value is evaluated once, then assigned left to right.
void FunctionLowerer::lower_assign(const ast::Assign& assign) {
  ValueId value = lower_expr(*assign.value);
  for (const ast::ExprPtr& target : assign.targets) assign_target(*target, value);
}

// `t: float = 0.0` assigns; a bare `t: float` only declares the name local.
void FunctionLowerer::lower_ann_assign(const ast::AnnAssign& assign) {
  if (assign.value) assign_target(*assign.target, lower_expr(*assign.value));
}

void FunctionLowerer::assign_target(const ast::Expr& target, ValueId value) {
  if (const auto* name = std::get_if<ast::Name>(&target.kind)) {
    assign_name(target, name->id, value);
  } else if (const auto* tuple = std::get_if<ast::TupleExpr>(&target.kind)) {
    unpack(target, tuple->elements, value);
  } else if (const auto* list = std::get_if<ast::ListExpr>(&target.kind)) {
    unpack(target, list->elements, value);
  } else if (const auto* subscript = std::get_if<ast::SubscriptExpr>(&target.kind)) {
    assign_subscript(target, *subscript, value);
  } else {
    error(DiagCode::UnsupportedAssignTarget, target.range,
          "cannot assign to this expression; assign to a name, a tuple of names or an array "
          "element");
  }
}

void FunctionLowerer::assign_name(const ast::Expr& target, const std::string& name, ValueId value) {
  warn_if_shadows_import(name, target.range);
  builder_.name_value(value, name);
  env_.bind(name, value);
}

// a, b = value. A tuple built in this function (or a constant tuple) is
// unpacked directly, and a length mismatch is diagnosed here (PG0402).
// Anything else is checked at run time first (check_unpack: CPython's
// ValueError / TypeError before any target is assigned), then read item by
// item with getitem.
void FunctionLowerer::unpack(const ast::Expr& target, const std::vector<ast::ExprPtr>& targets,
                             ValueId value) {
  std::optional<size_t> known_size;
  if (const std::vector<ValueId>* elements = builder_.tuple_elements(value)) {
    known_size = elements->size();
  } else if (const Literal* literal = builder_.constant_value(value)) {
    if (literal->is<LiteralTuple>()) known_size = literal->as<LiteralTuple>().size();
  }
  if (known_size && *known_size != targets.size()) {
    error(DiagCode::TupleArity, target.range,
          "cannot unpack " + std::to_string(*known_size) + " values into " +
              std::to_string(targets.size()) + " names");
    return;
  }
  if (!known_size) {
    builder_.emit_effect(OpCode::CheckUnpack, {value}, target.range,
                         {Attribute{"count", Literal(static_cast<int64_t>(targets.size()))}});
  }
  for (size_t i = 0; i < targets.size(); ++i) {
    const ast::Expr& element_target = *targets[i];
    ValueId element;
    if (const std::vector<ValueId>* elements = builder_.tuple_elements(value)) {
      element = (*elements)[i];
    } else if (const Literal* literal = builder_.constant_value(value); literal && known_size) {
      element = builder_.constant(literal->as<LiteralTuple>()[i], element_target.range);
    } else {
      IndexParts parts;
      parts.operands.push_back(
          builder_.constant(Literal(static_cast<int64_t>(i)), element_target.range));
      parts.layout.push_back(Literal(index_layout::kValue));
      element = emit_getitem(value, parts, element_target.range);
    }
    assign_target(element_target, element);
  }
}

// The array a subscript target changes must be a local name: x[i] = v
// rebinds x. Module constants are read-only.
std::optional<std::string> FunctionLowerer::subscript_base_name(
    const ast::SubscriptExpr& subscript) {
  const auto* name = std::get_if<ast::Name>(&subscript.value->kind);
  if (name == nullptr) {
    error(DiagCode::UnsupportedAssignTarget, subscript.value->range,
          "only an element of a named array can be assigned (x[...] = v)");
    return std::nullopt;
  }
  if (!env_.is_local(name->id) && !env_.lookup(name->id) && scope_.constant(name->id)) {
    error(DiagCode::InvalidAssignment, subscript.value->range,
          "cannot modify the module constant '" + name->id + "'");
    return std::nullopt;
  }
  return name->id;
}

// x[idx] = v  ->  x = setitem(x, v, idx parts...)
// a[i][j] = v  ->  a = setitem(a, setitem(a[i], v, j), i): the item a[i]
// changes and is stored back, as with value semantics a nested list, a dict
// of arrays (xs[t][k] = 1) or a row of an array changes in place.
// Note: NumPy's x[idx_array][j] = v changes a copy and leaves x as it was;
// here x changes.
void FunctionLowerer::assign_subscript(const ast::Expr& target, const ast::SubscriptExpr& subscript,
                                       ValueId value) {
  if (const auto* inner = std::get_if<ast::SubscriptExpr>(&subscript.value->kind)) {
    ValueId item = lower_expr(*subscript.value);
    IndexParts parts = lower_index(subscript);
    assign_subscript(*subscript.value, *inner, emit_setitem(item, value, parts, target.range));
    return;
  }
  std::optional<std::string> name = subscript_base_name(subscript);
  if (!name) return;
  ValueId base = lower_expr(*subscript.value);
  IndexParts parts = lower_index(subscript);
  assign_name(*subscript.value, *name, emit_setitem(base, value, parts, target.range));
}

namespace {

// The ufunc NumPy names in the casting error of `x op= v` ("ufunc 'divide'").
Attribute ufunc_attribute(ast::BinaryOp op) {
  std::optional<SpellingMatch> match =
      find_spelling(SpellingKind::BinaryOperator, binary_op_name(op));
  std::string name = match ? std::string(match->op->name) : std::string();
  if (name == "true_divide") name = "divide";
  return Attribute{"ufunc", Literal(std::move(name))};
}

}  // namespace

// x op= v  ->  t = op(x, v); x = inplace_result(x, t) (casts an array
// result back to x's dtype). x[idx] op= v  ->  getitem, op, inplace_result,
// setitem, as Python runs t = x[idx]; t op= v; x.__setitem__(idx, t): when
// x[idx] is an array (a row, a slice) its in-place operator refuses an unsafe
// cast and an output it cannot hold; a NumPy scalar just rebinds.
void FunctionLowerer::lower_aug_assign(const ast::Stmt& stmt, const ast::AugAssign& assign) {
  const ast::Expr& target = *assign.target;
  if (const auto* name = std::get_if<ast::Name>(&target.kind)) {
    ValueId current = lower_expr(target);
    ValueId result = apply_binary(assign.op, current, lower_expr(*assign.value), stmt.range);
    // A constant is a Python scalar: in-place operators on it just rebind.
    if (builder_.constant_value(current) == nullptr) {
      result = builder_.emit(OpCode::InPlaceResult, {current, result}, stmt.range,
                             {ufunc_attribute(assign.op)});
    }
    assign_name(target, name->id, result);
    return;
  }
  const auto* subscript = std::get_if<ast::SubscriptExpr>(&target.kind);
  if (subscript == nullptr) {
    error(DiagCode::UnsupportedAssignTarget, target.range,
          "augmented assignment needs a name or an array element as its target");
    return;
  }
  const auto* root = subscript;
  while (const auto* inner = std::get_if<ast::SubscriptExpr>(&root->value->kind)) root = inner;
  if (!subscript_base_name(*root)) return;
  ValueId base = lower_expr(*subscript->value);
  IndexParts parts = lower_index(*subscript);
  ValueId current = emit_getitem(base, parts, target.range);
  ValueId result = apply_binary(assign.op, current, lower_expr(*assign.value), stmt.range);
  result = builder_.emit(OpCode::InPlaceResult, {current, result}, stmt.range,
                         {ufunc_attribute(assign.op)});
  ValueId updated = emit_setitem(base, result, parts, stmt.range);
  if (const auto* inner = std::get_if<ast::SubscriptExpr>(&subscript->value->kind)) {
    assign_subscript(*subscript->value, *inner, updated);  // a[i][j] op= v
  } else {
    assign_name(*subscript->value, std::get<ast::Name>(subscript->value->kind).id, updated);
  }
}

}  // namespace pygraft::transform
