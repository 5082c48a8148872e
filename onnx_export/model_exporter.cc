#include "onnx_export/model_exporter.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <onnx/checker.h>
#include <onnx/defs/schema.h>
#include <onnx/shape_inference/implementation.h>

#include <algorithm>
#include <utility>

#include "onnx_export/emit_context.h"
#include "onnx_export/graph_builder.h"
#include "onnx_export/lowered_value.h"
#include "onnx_export/onnx_types.h"
#include "onnx_export/op_mapping.h"

namespace pygraft::onnx_export {

namespace {

// One inlined instance of a function: its values' types and lowered values.
struct Scope {
  const Function& function;
  const FunctionTypes& types;
  std::vector<Lowered> values;
  std::vector<bool> poisoned;  // after a refusal: no further reports from these

  Scope(const Function& f, const FunctionTypes& t)
      : function(f), types(t), values(f.num_values), poisoned(f.num_values, false) {}
};

// A runtime leaf of a (possibly tuple) value: what needs an ONNX value.
struct Leaf {
  StaticType type;
  Lowered value;
};

bool is_compile_time(const StaticType& t) {
  switch (t.kind) {
    case StaticKind::None:
    case StaticKind::Str:
    case StaticKind::DType:
      return true;
    case StaticKind::Bool:
    case StaticKind::Int:
    case StaticKind::Float:
      return t.constant.has_value();
    case StaticKind::Tuple:
      return std::all_of(t.items.begin(), t.items.end(), is_compile_time);
    case StaticKind::Array:  // a NumPy scalar constant, np.finfo(np.float32).eps
      return t.constant.has_value() && t.rank() == 0;
    default:
      return false;
  }
}

// The compile-time lowered value of a type (tuples keep their structure).
Lowered compile_time_value(const StaticType& t) {
  if (t.kind != StaticKind::Tuple) return Lowered::compile_time();
  std::vector<Lowered> items;
  for (const StaticType& item : t.items) items.push_back(compile_time_value(item));
  return Lowered::tuple(std::move(items));
}

// The leaves of `value` (typed `joined` at the merge point) that need an
// ONNX value, paired with the value's own type at this point.
void collect_leaves(const StaticType& joined, const StaticType& own, const Lowered& value,
                    std::vector<Leaf>& out) {
  if (joined.kind == StaticKind::Tuple) {
    for (size_t i = 0; i < joined.items.size(); ++i) {
      const StaticType& own_item = i < own.items.size() ? own.items[i] : own;
      const Lowered item = value.is_tuple && i < value.items.size() ? value.items[i] : Lowered{};
      collect_leaves(joined.items[i], own_item, item, out);
    }
    return;
  }
  if (is_compile_time(joined)) return;
  out.push_back({own, value});
}

// Rebuilds a value of type `joined` from its runtime leaves' names.
Lowered rebuild(const StaticType& joined, const std::vector<std::string>& names, size_t& next) {
  if (joined.kind == StaticKind::Tuple) {
    std::vector<Lowered> items;
    for (const StaticType& item : joined.items) items.push_back(rebuild(item, names, next));
    return Lowered::tuple(std::move(items));
  }
  if (is_compile_time(joined)) return Lowered::compile_time();
  return Lowered::of(names.at(next++));
}

void joined_leaf_types(const StaticType& joined, std::vector<StaticType>& out) {
  if (joined.kind == StaticKind::Tuple) {
    for (const StaticType& item : joined.items) joined_leaf_types(item, out);
    return;
  }
  if (!is_compile_time(joined)) out.push_back(joined);
}

// Rank-only copy: the value of a loop or branch may change dims.
StaticType without_dims(StaticType t) {
  for (StaticDim& d : t.dims) d = StaticDim{};
  return t;
}

DiagCode problem_code(StaticProblemKind kind) {
  switch (kind) {
    case StaticProblemKind::LoopTypeChange:
      return DiagCode::OnnxLoopTypeChange;
    case StaticProblemKind::BranchMismatch:
      return DiagCode::OnnxBranchTypeMismatch;
    case StaticProblemKind::ValueDependent:
      return DiagCode::OnnxValueDependentType;
    case StaticProblemKind::Recursion:
      return DiagCode::OnnxRecursion;
    case StaticProblemKind::BadOperands:
      break;
  }
  return DiagCode::OnnxUnknownType;
}

class ModelExporter {
 public:
  ModelExporter(const Module& module, const ExportRequest& request)
      : module_(module), request_(request), analysis_(module), names_(request.file_label) {}

  ExportOutcome run() {
    ExportOutcome outcome;
    const Function* function = module_.find(request_.entry);
    if (!function) {
      report(DiagCode::OnnxUnknownType, {}, "no function '" + request_.entry + "' to export");
      return finish(outcome);
    }
    const FunctionTypes& types = analysis_.analyze(*function, request_.args);
    if (types.problem()) {
      const StaticTypeProblem& p = *types.problem();
      report(problem_code(p.kind), p.range, p.message);
      return finish(outcome);
    }
    onnx::ModelProto model;
    model.set_ir_version(kOnnxIrVersion);
    model.set_producer_name("pygraft");
    model.set_producer_version(request_.producer_version);
    onnx::OperatorSetIdProto* opset = model.add_opset_import();
    opset->set_domain("");
    opset->set_version(kOnnxOpset);
    onnx::GraphProto& graph = *model.mutable_graph();
    graph.set_name(function->name);
    graph.set_doc_string(names_.file() + ": def " + function->name);
    GraphBuilder builder(graph, names_);
    Scope scope(*function, types);
    bind_parameters(graph, scope);
    emit_region(builder, scope, function->body);
    if (!diags_.has_errors()) bind_outputs(builder, scope);
    if (diags_.has_errors()) return finish(outcome);
    if (std::optional<std::string> problem = check(model)) {
      report(DiagCode::OnnxCheckerFailed, function->range,
             "the exported model of '" + function->name + "' fails the ONNX checker: " + *problem);
      return finish(outcome);
    }
    outcome.model = serialize(model);
    return finish(outcome);
  }

 private:
  ExportOutcome& finish(ExportOutcome& outcome) {
    outcome.diagnostics = diags_.sorted();
    return outcome;
  }

  void report(DiagCode code, const SourceRange& range, std::string message) {
    diags_.report(code, range, std::move(message));
  }

  void bind_parameters(onnx::GraphProto& graph, Scope& scope) {
    const Function& f = scope.function;
    for (size_t i = 0; i < f.params.size(); ++i) {
      const ValueId v = f.body.args[i];
      const StaticType& t = scope.types.of(v);
      if (i < request_.args.size() && t.is_numeric()) {
        onnx::ValueInfoProto* input = graph.add_input();
        input->set_name(f.params[i].name);
        set_tensor_type(*input->mutable_type(), t, true);
        scope.values[v] = Lowered::of(f.params[i].name);
      } else {
        scope.values[v] = compile_time_value(t);
      }
    }
  }

  void bind_outputs(GraphBuilder& builder, Scope& scope) {
    const Function& f = scope.function;
    const ValueId result = f.body.yields.at(0);
    const StaticType& type = scope.types.of(result);
    std::vector<std::pair<StaticType, Lowered>> outputs;
    if (type.kind == StaticKind::Tuple) {
      const Lowered& value = scope.values[result];
      for (size_t i = 0; i < type.items.size(); ++i) {
        outputs.emplace_back(type.items[i], value.is_tuple ? value.items.at(i) : Lowered{});
      }
    } else {
      outputs.emplace_back(type, scope.values[result]);
    }
    for (size_t i = 0; i < outputs.size(); ++i) {
      const auto& [t, value] = outputs[i];
      const std::string output_name = "output_" + std::to_string(i);
      if (t.kind == StaticKind::None) {
        report(DiagCode::OnnxNoneOutput, f.range,
               "'" + f.name + "' returns None as output " + std::to_string(i) +
                   ": an ONNX graph has no None outputs");
        continue;
      }
      if (!t.is_numeric()) {
        report(DiagCode::OnnxUnsupportedOp, f.range,
               "'" + f.name + "' returns " + t.describe() + " as output " + std::to_string(i) +
                   ": ONNX outputs are tensors");
        continue;
      }
      Node here;
      here.range = f.range;
      EmitContext ctx(builder, here, "", {t}, {value}, {}, "the result");
      const std::string tensor = ctx.input(0);
      builder.add_with_outputs("Identity", {tensor}, {output_name}, f.range);
      onnx::ValueInfoProto* out = builder.graph().add_output();
      out->set_name(output_name);
      set_tensor_type(*out->mutable_type(), without_dims(t), false);
    }
  }

  void emit_region(GraphBuilder& builder, Scope& scope, const Region& region) {
    for (const Node& node : region.nodes) emit_node(builder, scope, node);
  }

  void poison(Scope& scope, const Node& node) {
    for (ValueId v : node.outputs) scope.poisoned[v] = true;
  }

  void emit_node(GraphBuilder& builder, Scope& scope, const Node& node) {
    for (ValueId v : node.inputs) {
      if (scope.poisoned[v]) {
        poison(scope, node);
        return;
      }
    }
    switch (node.op) {
      case OpCode::Const:
      case OpCode::Undef:  // an unbound variable: read only after a check_bound
        scope.values[node.outputs[0]] = compile_time_value(scope.types.of(node.outputs[0]));
        return;
      case OpCode::Call:
        emit_call(builder, scope, node);
        return;
      case OpCode::Cond:
        emit_cond(builder, scope, node);
        return;
      case OpCode::Loop:
        emit_loop(builder, scope, node);
        return;
      default:
        emit_op(builder, scope, node);
        return;
    }
  }

  void emit_op(GraphBuilder& builder, Scope& scope, const Node& node) {
    std::vector<StaticType> out_types;
    bool all_compile_time = !node.outputs.empty();
    for (ValueId v : node.outputs) {
      out_types.push_back(scope.types.of(v));
      all_compile_time = all_compile_time && is_compile_time(out_types.back());
    }
    const OnnxMapping& mapping = onnx_mapping(node.op);
    if (all_compile_time && op_info(node.op).effects != OpEffects::Effect) {
      for (ValueId v : node.outputs) scope.values[v] = compile_time_value(scope.types.of(v));
      return;
    }
    if (!mapping.emit) {
      report(DiagCode::OnnxUnsupportedOp, node.range,
             op_display_name(node.op) +
                 " has no ONNX export (docs/onnx.md lists what exports; pygraft run runs it)");
      poison(scope, node);
      return;
    }
    std::vector<StaticType> in_types;
    std::vector<Lowered> in_values;
    for (ValueId v : node.inputs) {
      in_types.push_back(scope.types.of(v));
      in_values.push_back(scope.values[v]);
    }
    for (const StaticType& t : out_types) {
      if (t.kind == StaticKind::Unknown) {
        std::string operands;
        for (const StaticType& in : in_types) {
          operands += (operands.empty() ? "" : ", ") + in.describe();
        }
        report(DiagCode::OnnxUnknownType, node.range,
               "cannot infer the type of " + op_display_name(node.op) + " on (" + operands +
                   ") for this signature");
        poison(scope, node);
        return;
      }
    }
    EmitContext ctx(builder, node, mapping.onnx_op, std::move(in_types), std::move(in_values),
                    std::move(out_types), op_display_name(node.op));
    mapping.emit(ctx);
    if (ctx.refused()) {
      const Diagnostic& d = *ctx.refusal();
      report(d.id, d.range, d.message);
      poison(scope, node);
      return;
    }
    for (size_t i = 0; i < node.outputs.size(); ++i) {
      scope.values[node.outputs[i]] = ctx.outputs()[i];
    }
  }

  void emit_call(GraphBuilder& builder, Scope& scope, const Node& node) {
    const Function* callee = module_.find(node.attr("callee")->as<std::string>());
    if (!callee) {
      report(DiagCode::OnnxUnsupportedOp, node.range, "the call has no callee in this module");
      poison(scope, node);
      return;
    }
    std::vector<StaticType> args;
    for (ValueId v : node.inputs) args.push_back(scope.types.of(v));
    const FunctionTypes& callee_types = analysis_.analyze(*callee, args);
    Scope inner(*callee, callee_types);
    for (size_t i = 0; i < callee->params.size(); ++i) {
      const ValueId param = callee->body.args[i];
      inner.values[param] = i < node.inputs.size() ? scope.values[node.inputs[i]]
                                                   : compile_time_value(callee_types.of(param));
    }
    const size_t errors_before = diags_.all().size();
    emit_region(builder, inner, callee->body);
    const ValueId result = callee->body.yields.at(0);
    if (inner.poisoned[result] || diags_.all().size() != errors_before) {
      poison(scope, node);
      return;
    }
    scope.values[node.outputs[0]] = inner.values[result];
  }

  // A value of `own` type as a tensor of the joined leaf type, in `builder`:
  // constants materialised, unbound placeholders made (never read).
  std::string leaf_tensor(GraphBuilder& builder, const Node& node, const StaticType& joined,
                          const Leaf& leaf) {
    EmitContext ctx(builder, node, "", {leaf.type}, {leaf.value}, {}, "the value");
    if (leaf.type.kind == StaticKind::Unbound) {
      std::vector<int64_t> zeros(static_cast<size_t>(joined.rank()), 0);
      onnx::TensorProto zero = scalar_tensor(joined.dtype, 0.0);
      zero.add_dims(1);
      return ctx.emit("ConstantOfShape", {ctx.int64s(zeros)},
                      [&](onnx::NodeProto& n) { set_attr(n, "value", zero); });
    }
    return ctx.input_as(0, joined.dtype);
  }

  // Adds Identity nodes from the leaves of `values` (typed `own`) to fresh
  // names, declared as outputs of `builder`'s graph with the joined types;
  // returns those names.
  std::vector<std::string> yield_leaves(GraphBuilder& builder, const Node& node,
                                        const std::vector<StaticType>& joined,
                                        const std::vector<StaticType>& own,
                                        const std::vector<Lowered>& values) {
    std::vector<std::string> names;
    for (size_t i = 0; i < joined.size(); ++i) {
      std::vector<Leaf> leaves;
      collect_leaves(joined[i], own[i], values[i], leaves);
      std::vector<StaticType> leaf_types;
      joined_leaf_types(joined[i], leaf_types);
      for (size_t k = 0; k < leaves.size(); ++k) {
        const std::string tensor = leaf_tensor(builder, node, leaf_types[k], leaves[k]);
        const std::string out = builder.names().fresh("yield");
        builder.add_with_outputs("Identity", {tensor}, {out}, node.range);
        onnx::ValueInfoProto* info = builder.graph().add_output();
        info->set_name(out);
        set_tensor_type(*info->mutable_type(), without_dims(leaf_types[k]), false);
        names.push_back(out);
      }
    }
    return names;
  }

  std::vector<Lowered> values_of(const Scope& scope, const std::vector<ValueId>& ids) const {
    std::vector<Lowered> out;
    for (ValueId v : ids) out.push_back(scope.values[v]);
    return out;
  }
  std::vector<StaticType> types_of(const Scope& scope, const std::vector<ValueId>& ids) const {
    std::vector<StaticType> out;
    for (ValueId v : ids) out.push_back(scope.types.of(v));
    return out;
  }
  bool any_poisoned(const Scope& scope, const std::vector<ValueId>& ids) const {
    return std::any_of(ids.begin(), ids.end(), [&](ValueId v) { return scope.poisoned[v]; });
  }

  // Binds `outputs` (typed `joined`) from the runtime leaf names.
  void bind_from_leaves(Scope& scope, const std::vector<ValueId>& outputs,
                        const std::vector<std::string>& names) {
    size_t next = 0;
    for (ValueId v : outputs) scope.values[v] = rebuild(scope.types.of(v), names, next);
  }

  void emit_cond(GraphBuilder& builder, Scope& scope, const Node& node) {
    if (std::optional<int> taken = scope.types.taken_region(node)) {
      const Region& region = node.regions[static_cast<size_t>(*taken)];
      emit_region(builder, scope, region);
      for (size_t i = 0; i < node.outputs.size(); ++i) {
        scope.values[node.outputs[i]] = scope.values[region.yields[i]];
        scope.poisoned[node.outputs[i]] = scope.poisoned[region.yields[i]];
      }
      return;
    }
    EmitContext pred_ctx(builder, node, "", {scope.types.of(node.inputs[0])},
                         {scope.values[node.inputs[0]]}, {}, "the condition");
    const std::string pred = pred_ctx.truth_value(0);
    if (pred_ctx.refused()) {
      report(pred_ctx.refusal()->id, node.range, pred_ctx.refusal()->message);
      poison(scope, node);
      return;
    }
    const std::vector<StaticType> joined = types_of(scope, node.outputs);
    onnx::GraphProto branches[2];
    for (int b = 0; b < 2; ++b) {
      const Region& region = node.regions[static_cast<size_t>(b)];
      branches[b].set_name(names_.fresh(b == 0 ? "then" : "else"));
      GraphBuilder inner(branches[b], names_, &builder);
      emit_region(inner, scope, region);
      if (any_poisoned(scope, region.yields)) {
        poison(scope, node);
        return;
      }
      yield_leaves(inner, node, joined, types_of(scope, region.yields),
                   values_of(scope, region.yields));
    }
    std::vector<std::string> outs;
    for (const onnx::ValueInfoProto& info : branches[0].output()) {
      outs.push_back(names_.fresh(info.name() + "_if"));
    }
    onnx::NodeProto& if_node = builder.add_with_outputs("If", {pred}, outs, node.range);
    set_attr(if_node, "then_branch", std::move(branches[0]));
    set_attr(if_node, "else_branch", std::move(branches[1]));
    bind_from_leaves(scope, node.outputs, outs);
  }

  void emit_loop(GraphBuilder& builder, Scope& scope, const Node& node) {
    const Region& cond_region = node.regions[0];
    const Region& body = node.regions[1];
    const std::vector<StaticType> joined = types_of(scope, node.outputs);
    std::vector<StaticType> leaf_types;
    for (const StaticType& t : joined) joined_leaf_types(t, leaf_types);

    // The initial values and the first test, in the enclosing graph.
    std::vector<std::string> inits;
    for (size_t i = 0; i < node.inputs.size(); ++i) {
      std::vector<Leaf> leaves;
      collect_leaves(joined[i], scope.types.of(node.inputs[i]), scope.values[node.inputs[i]],
                     leaves);
      std::vector<StaticType> own_leaf_types;
      joined_leaf_types(joined[i], own_leaf_types);
      for (size_t k = 0; k < leaves.size(); ++k) {
        inits.push_back(leaf_tensor(builder, node, own_leaf_types[k], leaves[k]));
      }
    }
    // The region arguments have the joined types: bind them to the
    // materialised leaves, not to the initial values' compile-time forms.
    bind_from_leaves(scope, cond_region.args, inits);
    emit_region(builder, scope, cond_region);
    if (any_poisoned(scope, cond_region.yields)) {
      poison(scope, node);
      return;
    }
    const std::string first_test = test_of(builder, scope, node, cond_region);

    // The body graph: (iteration, condition, carried...) -> (condition, carried...).
    onnx::GraphProto body_graph;
    body_graph.set_name(names_.fresh("loop_body"));
    GraphBuilder inner(body_graph, names_, &builder);
    add_graph_input(body_graph, names_.fresh("iteration"), StaticType::array(DType::Int64, {}));
    add_graph_input(body_graph, names_.fresh("condition"), StaticType::array(DType::Bool, {}));
    std::vector<std::string> carried;
    for (const StaticType& t : leaf_types) {
      carried.push_back(names_.fresh("carried"));
      add_graph_input(body_graph, carried.back(), without_dims(t));
    }
    bind_from_leaves(scope, body.args, carried);
    emit_region(inner, scope, body);
    if (any_poisoned(scope, body.yields)) {
      poison(scope, node);
      return;
    }
    // The body's outputs: the test of the next values first, then them.
    onnx::ValueInfoProto* test_info = body_graph.add_output();
    const std::vector<std::string> next = yield_leaves(
        inner, node, joined, types_of(scope, body.yields), values_of(scope, body.yields));
    bind_from_leaves(scope, cond_region.args, next);
    emit_region(inner, scope, cond_region);
    if (any_poisoned(scope, cond_region.yields)) {
      poison(scope, node);
      return;
    }
    const std::string next_test = test_of(inner, scope, node, cond_region);
    const std::string test_out = names_.fresh("condition_out");
    inner.add_with_outputs("Identity", {next_test}, {test_out}, node.range);
    test_info->set_name(test_out);
    set_tensor_type(*test_info->mutable_type(), StaticType::array(DType::Bool, {}), false);

    std::vector<std::string> inputs{"", first_test};
    inputs.insert(inputs.end(), inits.begin(), inits.end());
    std::vector<std::string> outs;
    for (size_t i = 0; i < leaf_types.size(); ++i) outs.push_back(names_.fresh("loop_out"));
    onnx::NodeProto& loop = builder.add_with_outputs("Loop", inputs, outs, node.range);
    set_attr(loop, "body", std::move(body_graph));
    bind_from_leaves(scope, node.outputs, outs);
  }

  std::string test_of(GraphBuilder& builder, Scope& scope, const Node& node,
                      const Region& cond_region) {
    const ValueId v = cond_region.yields.at(0);
    EmitContext ctx(builder, node, "", {scope.types.of(v)}, {scope.values[v]}, {},
                    "the loop condition");
    return ctx.truth_value(0);
  }

  static void add_graph_input(onnx::GraphProto& graph, const std::string& name,
                              const StaticType& t) {
    onnx::ValueInfoProto* info = graph.add_input();
    info->set_name(name);
    set_tensor_type(*info->mutable_type(), t, false);
  }

  static std::optional<std::string> check(const onnx::ModelProto& model) {
    try {
      onnx::checker::check_model(model);
      onnx::ModelProto inferred = model;
      onnx::ShapeInferenceOptions options(/*check_type=*/true, /*strict_mode=*/1,
                                          /*data_prop=*/true);
      onnx::shape_inference::InferShapes(inferred, onnx::OpSchemaRegistry::Instance(), options);
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
    return std::nullopt;
  }

  static std::string serialize(const onnx::ModelProto& model) {
    std::string bytes;
    {
      google::protobuf::io::StringOutputStream stream(&bytes);
      google::protobuf::io::CodedOutputStream coded(&stream);
      coded.SetSerializationDeterministic(true);
      model.SerializeToCodedStream(&coded);
    }
    return bytes;
  }

  const Module& module_;
  const ExportRequest& request_;
  StaticTypeAnalysis analysis_;
  NameSource names_;
  DiagnosticSink diags_;
};

}  // namespace

ExportOutcome export_function(const Module& module, const ExportRequest& request) {
  return ModelExporter(module, request).run();
}

}  // namespace pygraft::onnx_export
