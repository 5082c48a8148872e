// Subscripts x[...]: getitem(x, parts...) / setitem(x, v, parts...) with the
// "index" attribute describing each item (graph/index_layout.h): ints,
// arrays, masks and tuples are one operand (kValue); None / np.newaxis is
// kNewAxis; `...` is kEllipsis; a slice is kSlice + a mask of its present
// parts, each present part one operand.
#include "graph/index_layout.h"
#include "transform/function_lowerer.h"

namespace pygraft::transform {

ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::SubscriptExpr& subscript) {
  ValueId base = lower_expr(*subscript.value);
  IndexParts parts = lower_index(subscript);
  return emit_getitem(base, parts, expr.range);
}

FunctionLowerer::IndexParts FunctionLowerer::lower_index(const ast::SubscriptExpr& subscript) {
  IndexParts parts;
  for (const ast::ExprPtr& item : subscript.indices) lower_index_item(*item, parts);
  return parts;
}

void FunctionLowerer::lower_index_item(const ast::Expr& item, IndexParts& parts) {
  if (const auto* slice = std::get_if<ast::SliceExpr>(&item.kind)) {
    lower_slice(*slice, parts);
    return;
  }
  if (std::holds_alternative<ast::EllipsisLiteral>(item.kind)) {
    parts.layout.push_back(Literal(index_layout::kEllipsis));
    return;
  }
  ValueId value = lower_expr(item);
  const Literal* literal = builder_.constant_value(value);
  if (literal != nullptr && literal->is_none()) {  // None and np.newaxis
    parts.layout.push_back(Literal(index_layout::kNewAxis));
    return;
  }
  parts.layout.push_back(Literal(index_layout::kValue));
  parts.operands.push_back(value);
}

void FunctionLowerer::lower_slice(const ast::SliceExpr& slice, IndexParts& parts) {
  int64_t mask = 0;
  const ast::ExprPtr* bounds[] = {&slice.lower, &slice.upper, &slice.step};
  const int64_t bits[] = {index_layout::kSliceHasStart, index_layout::kSliceHasStop,
                          index_layout::kSliceHasStep};
  for (int i = 0; i < 3; ++i) {
    if (!*bounds[i]) continue;
    mask |= bits[i];
    parts.operands.push_back(lower_expr(**bounds[i]));
  }
  parts.layout.push_back(Literal(index_layout::kSlice + mask));
}

ValueId FunctionLowerer::emit_getitem(ValueId base, const IndexParts& parts, SourceRange range) {
  std::vector<ValueId> inputs = {base};
  inputs.insert(inputs.end(), parts.operands.begin(), parts.operands.end());
  return builder_.emit(OpCode::GetItem, std::move(inputs), range,
                       {Attribute{"index", Literal(parts.layout)}});
}

ValueId FunctionLowerer::emit_setitem(ValueId base, ValueId value, const IndexParts& parts,
                                      SourceRange range) {
  std::vector<ValueId> inputs = {base, value};
  inputs.insert(inputs.end(), parts.operands.begin(), parts.operands.end());
  return builder_.emit(OpCode::SetItem, std::move(inputs), range,
                       {Attribute{"index", Literal(parts.layout)}});
}

}  // namespace pygraft::transform
