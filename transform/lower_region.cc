// Building the regions of cond and loop nodes. A region is lowered
// standalone (the builder's insertion point moves into it), starting from a
// snapshot of the scope: callers copy `env_` before and restore it after, and
// bind the node's results to the names it defines.
#include "transform/fold.h"
#include "transform/function_lowerer.h"

namespace pygraft::transform {

Region FunctionLowerer::build_region(const NameList& arg_names, const RegionBody& body) {
  Region region;
  IrBuilder::RegionGuard guard(builder_, region);
  std::vector<ValueId> args;
  for (const std::string& name : arg_names) args.push_back(builder_.add_argument(name));
  ++region_depth_;
  region.yields = body(args);
  --region_depth_;
  return region;
}

std::vector<ValueId> FunctionLowerer::emit_cond(ValueId pred, Region then_region,
                                                Region else_region, const NameList& output_names,
                                                SourceRange range) {
  std::vector<Region> regions;
  regions.push_back(std::move(then_region));
  regions.push_back(std::move(else_region));
  return builder_.emit_structured(OpCode::Cond, {pred}, std::move(regions), output_names, range);
}

ValueId FunctionLowerer::emit_cond_value(ValueId pred, const std::function<ValueId()>& then_value,
                                         const std::function<ValueId()>& else_value,
                                         SourceRange range) {
  Region then_region = build_region(
      {}, [&](const std::vector<ValueId>&) -> std::vector<ValueId> { return {then_value()}; });
  Region else_region = build_region(
      {}, [&](const std::vector<ValueId>&) -> std::vector<ValueId> { return {else_value()}; });
  return emit_cond(pred, std::move(then_region), std::move(else_region), {""}, range).front();
}

ValueId FunctionLowerer::current_or_undef(const std::string& name, SourceRange range) {
  if (std::optional<ValueId> value = env_.lookup(name)) return *value;
  return builder_.emit(OpCode::Undef, {}, range, {Attribute{"name", Literal(name)}});
}

std::vector<ValueId> FunctionLowerer::current_values(const NameList& names, SourceRange range) {
  std::vector<ValueId> values;
  for (const std::string& name : names) values.push_back(current_or_undef(name, range));
  return values;
}

void FunctionLowerer::bind_all(const NameList& names, const std::vector<ValueId>& values,
                               size_t first) {
  for (size_t i = 0; i < names.size(); ++i) env_.bind(names[i], values[first + i]);
}

std::optional<bool> FunctionLowerer::constant_truth(ValueId value) const {
  const Literal* literal = builder_.constant_value(value);
  return literal ? fold_truth(*literal) : std::nullopt;
}

}  // namespace pygraft::transform
