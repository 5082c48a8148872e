// export_function (onnx_export/model_exporter.h) on small functions: the
// bytes parse as a ModelProto importing opset 17, the graph's inputs and
// outputs are named and typed as users address them, branches and loops
// become If and Loop, nodes say where they came from, the bytes are
// deterministic, and what an ONNX graph cannot express is refused with its
// PG07xx code on the offending line.
#include "onnx_export/model_exporter.h"

#include <onnx/onnx_pb.h>

#include <string>
#include <vector>

#include "tests/unit/onnx/onnx_test_util.h"

namespace pygraft::testing {
namespace {

using onnx_export::export_function;
using onnx_export::ExportOutcome;
using onnx_export::ExportRequest;

ExportOutcome export_source(std::string_view source, std::vector<StaticType> args,
                            std::string entry = "f") {
  Lowered lowered = lower_for_onnx(source);
  ExportRequest request{entry, std::move(args), "model.py", "0.0-test"};
  return export_function(lowered.module, request);
}

std::string describe(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += std::to_string(d.range.line) + ":" + std::to_string(d.range.column) + " " +
           std::string(d.code()) + " " + d.message + "\n";
  }
  return out;
}

// The exported model, parsed; a failure when there is none.
onnx::ModelProto exported_model(std::string_view source, std::vector<StaticType> args) {
  ExportOutcome outcome = export_source(source, std::move(args));
  onnx::ModelProto model;
  if (!outcome.model) {
    ADD_FAILURE() << "no model:\n" << describe(outcome.diagnostics);
    return model;
  }
  EXPECT_TRUE(model.ParseFromString(*outcome.model)) << "the bytes are not a ModelProto";
  return model;
}

// Every node of the graph and of its subgraphs (If branches, Loop bodies).
void collect_nodes(const onnx::GraphProto& graph, std::vector<const onnx::NodeProto*>& out) {
  for (const onnx::NodeProto& node : graph.node()) {
    out.push_back(&node);
    for (const onnx::AttributeProto& attr : node.attribute()) {
      if (attr.has_g()) collect_nodes(attr.g(), out);
      for (const onnx::GraphProto& g : attr.graphs()) collect_nodes(g, out);
    }
  }
}

int count_ops(const onnx::ModelProto& model, const std::string& op_type) {
  std::vector<const onnx::NodeProto*> nodes;
  collect_nodes(model.graph(), nodes);
  int n = 0;
  for (const onnx::NodeProto* node : nodes) n += node->op_type() == op_type;
  return n;
}

std::vector<std::string> dim_params(const onnx::ValueInfoProto& info) {
  std::vector<std::string> out;
  for (const auto& d : info.type().tensor_type().shape().dim()) {
    out.push_back(d.has_dim_value() ? std::to_string(d.dim_value()) : d.dim_param());
  }
  return out;
}

// ---- the model ----

constexpr const char* kScale = R"(import numpy as np


def f(x, n, k=2.0):
    y = np.tanh(x) * k
    return y + n
)";

TEST(OnnxModel, ImportsOpset17AndNamesItsProducer) {
  onnx::ModelProto model =
      exported_model(kScale, {f32({named("T"), named("H")}), StaticType::python_int()});
  ASSERT_EQ(model.opset_import_size(), 1);
  EXPECT_EQ(model.opset_import(0).domain(), "");
  EXPECT_EQ(model.opset_import(0).version(), 17);
  EXPECT_EQ(model.producer_name(), "pygraft");
  EXPECT_EQ(model.graph().name(), "f");
}

TEST(OnnxModel, InputsAreTheTypedParameters) {
  onnx::ModelProto model =
      exported_model(kScale, {f32({named("T"), named("H")}), StaticType::python_int()});
  // k keeps its default: not an input.
  ASSERT_EQ(model.graph().input_size(), 2);
  const onnx::ValueInfoProto& x = model.graph().input(0);
  EXPECT_EQ(x.name(), "x");
  EXPECT_EQ(x.type().tensor_type().elem_type(), onnx::TensorProto_DataType_FLOAT);
  EXPECT_EQ(dim_params(x), (std::vector<std::string>{"T", "H"}));
  const onnx::ValueInfoProto& n = model.graph().input(1);
  EXPECT_EQ(n.name(), "n");
  EXPECT_EQ(n.type().tensor_type().elem_type(), onnx::TensorProto_DataType_INT64);
  EXPECT_EQ(n.type().tensor_type().shape().dim_size(), 0);  // a Python int: rank 0
}

TEST(OnnxModel, KnownDimsAreDimValues) {
  onnx::ModelProto model = exported_model("def f(x):\n    return x * 2\n",
                                          {StaticType::array(DType::Int32, {size(4), named("N")})});
  ASSERT_EQ(model.graph().input_size(), 1);
  EXPECT_EQ(model.graph().input(0).type().tensor_type().elem_type(),
            onnx::TensorProto_DataType_INT32);
  EXPECT_EQ(dim_params(model.graph().input(0)), (std::vector<std::string>{"4", "N"}));
}

TEST(OnnxModel, OutputIsOutput0WithTheResultType) {
  onnx::ModelProto model =
      exported_model(kScale, {f32({named("T"), named("H")}), StaticType::python_int()});
  ASSERT_EQ(model.graph().output_size(), 1);
  const onnx::ValueInfoProto& out = model.graph().output(0);
  EXPECT_EQ(out.name(), "output_0");
  // float32 array * Python float + Python int: float32, rank 2.
  EXPECT_EQ(out.type().tensor_type().elem_type(), onnx::TensorProto_DataType_FLOAT);
  EXPECT_EQ(out.type().tensor_type().shape().dim_size(), 2);
}

TEST(OnnxModel, ATupleGivesOneOutputPerItem) {
  onnx::ModelProto model = exported_model(
      "import numpy as np\n\n\ndef f(x):\n    return x * 2.0, np.sum(x), x.shape[0]\n",
      {f32({named("N")})});
  ASSERT_EQ(model.graph().output_size(), 3);
  EXPECT_EQ(model.graph().output(0).name(), "output_0");
  EXPECT_EQ(model.graph().output(1).name(), "output_1");
  EXPECT_EQ(model.graph().output(2).name(), "output_2");
  EXPECT_EQ(model.graph().output(1).type().tensor_type().shape().dim_size(), 0);
  EXPECT_EQ(model.graph().output(2).type().tensor_type().elem_type(),
            onnx::TensorProto_DataType_INT64);
}

TEST(OnnxModel, NodesSayWhereTheyCameFrom) {
  onnx::ModelProto model =
      exported_model("import numpy as np\ndef f(x):\n    return np.tanh(x)\n", {f32({named("N")})});
  std::vector<const onnx::NodeProto*> nodes;
  collect_nodes(model.graph(), nodes);
  const onnx::NodeProto* tanh = nullptr;
  for (const onnx::NodeProto* node : nodes) {
    if (node->op_type() == "Tanh") tanh = node;
  }
  ASSERT_NE(tanh, nullptr) << model.DebugString();
  EXPECT_EQ(tanh->doc_string(), "model.py:3:12");
}

TEST(OnnxModel, DataDependentBranchIsAnIf) {
  onnx::ModelProto model = exported_model(
      "def f(x, n):\n    if n > 0:\n        y = x * 2.0\n    else:\n        y = -x\n    return y\n",
      {f32({named("N")}), StaticType::python_int()});
  EXPECT_EQ(count_ops(model, "If"), 1) << model.DebugString();
}

TEST(OnnxModel, ConstantBranchIsResolvedAtExport) {
  onnx::ModelProto model = exported_model(
      "def f(x):\n    if x.ndim == 1:\n        y = x * 2.0\n    else:\n        y = x.sum()\n"
      "    return y\n",
      {f32({named("N")})});
  EXPECT_EQ(count_ops(model, "If"), 0) << model.DebugString();
  EXPECT_EQ(model.graph().output(0).type().tensor_type().shape().dim_size(), 1);
}

constexpr const char* kHalving = R"(import numpy as np


def f(x):
    while np.max(x) > 1.0:
        if np.min(x) < 0.0:
            x = -x
        x = x * 0.5
    return x
)";

TEST(OnnxModel, WhileLoopIsALoop) {
  onnx::ModelProto model = exported_model(kHalving, {f32({named("N")})});
  EXPECT_EQ(count_ops(model, "Loop"), 1) << model.DebugString();
  EXPECT_EQ(count_ops(model, "If"), 1) << model.DebugString();  // inside the body
}

TEST(OnnxModel, CallsAreInlined) {
  onnx::ModelProto model = exported_model(
      "import numpy as np\n\n\ndef g(a):\n    return np.tanh(a)\n\n\ndef f(x):\n    return g(x) + "
      "g(x)\n",
      {f32({named("N")})});
  EXPECT_EQ(count_ops(model, "Tanh"), 2) << model.DebugString();
  EXPECT_EQ(model.functions_size(), 0);
}

TEST(OnnxModel, TheSameExportGivesTheSameBytes) {
  const std::vector<StaticType> args{f32({named("T"), named("H")})};
  ExportOutcome a = export_source(kHalving, args);
  ExportOutcome b = export_source(kHalving, args);
  ASSERT_TRUE(a.model && b.model) << describe(a.diagnostics);
  EXPECT_EQ(*a.model, *b.model);
}

// ---- refusals ----

// The single error of an export that must fail.
Diagnostic refusal(std::string_view source, std::vector<StaticType> args) {
  ExportOutcome outcome = export_source(source, std::move(args));
  EXPECT_FALSE(outcome.model.has_value()) << "exported a model";
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : outcome.diagnostics) {
    if (d.severity == Severity::Error) errors.push_back(d);
  }
  if (errors.size() != 1) {
    ADD_FAILURE() << "expected one error, got:\n" << describe(outcome.diagnostics);
    return errors.empty() ? Diagnostic{} : errors[0];
  }
  return errors[0];
}

TEST(OnnxRefusals, PrintIsASideEffect) {
  Diagnostic d =
      refusal("def f(x):\n    y = x * 2.0\n    print(y)\n    return y\n", {f32({named("N")})});
  EXPECT_EQ(d.code(), "PG0707");
  EXPECT_EQ(d.range.line, 3u);
}

TEST(OnnxRefusals, AssertOnDataIsASideEffect) {
  Diagnostic d = refusal("def f(x, n):\n    assert n > 0\n    return x * n\n",
                         {f32({named("N")}), StaticType::python_int()});
  EXPECT_EQ(d.code(), "PG0707");
  EXPECT_EQ(d.range.line, 2u);
}

TEST(OnnxRefusals, AssertTheSignatureProvesIsDropped) {
  ExportOutcome outcome =
      export_source("def f(x):\n    assert x.ndim == 1\n    return x * 2.0\n", {f32({named("N")})});
  EXPECT_TRUE(outcome.model.has_value()) << describe(outcome.diagnostics);
}

TEST(OnnxRefusals, NoneOutput) {
  Diagnostic d = refusal("def f(x):\n    y = x * 2.0\n    return y, None\n", {f32({named("N")})});
  EXPECT_EQ(d.code(), "PG0706");
  EXPECT_EQ(d.range.line, 1u);  // the function's definition
  EXPECT_NE(d.message.find("output 1"), std::string::npos) << d.message;
}

TEST(OnnxRefusals, LoopCarriedDtypeChange) {
  Diagnostic d = refusal(
      "def f(x, n):\n    total = 0\n    for i in range(n):\n        total = total + x\n"
      "    return total\n",
      {f32({named("N")}), StaticType::python_int()});
  EXPECT_EQ(d.code(), "PG0703");
  EXPECT_EQ(d.range.line, 3u);
  EXPECT_NE(d.message.find("'total'"), std::string::npos) << d.message;
}

TEST(OnnxRefusals, BranchTypeMismatch) {
  Diagnostic d = refusal(
      "def f(x, c):\n    if c:\n        y = x\n    else:\n        y = x.sum()\n    return y\n",
      {f32({named("N")}), StaticType::python_bool()});
  EXPECT_EQ(d.code(), "PG0704");
  EXPECT_EQ(d.range.line, 2u);
  EXPECT_NE(d.message.find("'y'"), std::string::npos) << d.message;
}

TEST(OnnxRefusals, ListAppendInALoop) {
  Diagnostic d = refusal(
      "def f(x, n):\n    out = []\n    for i in range(n):\n        out.append(x * i)\n"
      "    return out[0]\n",
      {f32({named("N")}), StaticType::python_int()});
  // A list literal is a fixed sequence; growing it is what has no ONNX form.
  EXPECT_EQ(d.code(), "PG0701") << d.message;
  EXPECT_EQ(d.range.line, 4u) << d.message;
  EXPECT_NE(d.message.find("list.append()"), std::string::npos) << d.message;
}

TEST(OnnxRefusals, Recursion) {
  // The front end refuses recursion (PG0308): g's call to h is pointed back
  // at f by hand.
  Lowered lowered = lower_for_onnx(
      "def h(x, n):\n    return x\n\n\ndef g(x, n):\n    return h(x, n)\n\n\n"
      "def f(x, n):\n    if n > 0:\n        x = g(x * 2.0, n - 1)\n    return x\n");
  retarget_calls(lowered.module, "h", "f");
  ExportOutcome outcome = export_function(
      lowered.module, {"f", {f32({named("N")}), StaticType::python_int()}, "model.py", "0.0-test"});
  EXPECT_FALSE(outcome.model.has_value());
  ASSERT_EQ(outcome.diagnostics.size(), 1u) << describe(outcome.diagnostics);
  EXPECT_EQ(outcome.diagnostics[0].code(), "PG0708");
  EXPECT_EQ(outcome.diagnostics[0].range.line, 6u);
}

TEST(OnnxRefusals, UnknownEntry) {
  ExportOutcome outcome = export_source("def f(x):\n    return x\n", {f32({named("N")})}, "g");
  EXPECT_FALSE(outcome.model.has_value());
  EXPECT_FALSE(outcome.diagnostics.empty());
}

}  // namespace
}  // namespace pygraft::testing
