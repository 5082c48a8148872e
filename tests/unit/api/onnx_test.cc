// The public ONNX export API (include/pygraft/onnx.h): a model for a
// signature, signature_error for a signature that cannot be used,
// diagnostics for what ONNX cannot express, io_error for a missing file.
#include "pygraft/onnx.h"

#include <gtest/gtest.h>
#include <onnx/onnx_pb.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace pygraft::api {
namespace {

constexpr const char* kModel = R"(import numpy as np


def layer(xs, w, steps, scale=1.0):
    h = np.tanh(xs @ w) * scale
    if steps > 0:
        h = h + 1.0
    return h
)";

constexpr const char* kTwoFunctions = R"(import numpy as np


def a(x):
    return np.tanh(x)


def b(x, k=2):
    return x * k
)";

constexpr const char* kPrints = R"(def f(x):
    y = x * 2.0
    print(y)
    return y
)";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

onnx::ModelProto parsed(const OnnxResult& result) {
  onnx::ModelProto model;
  EXPECT_TRUE(model.ParseFromString(result.model)) << "the model bytes are not a ModelProto";
  return model;
}

TEST(OnnxApi, ExportsAFunctionForASignature) {
  OnnxResult r = export_onnx(kModel, "layer.py", {"layer(float32[T,H], float32[H,H], int)", ""});
  ASSERT_TRUE(r.ok()) << (r.signature_error ? *r.signature_error : "")
                      << (r.diagnostics.empty() ? "" : r.diagnostics[0].message);
  EXPECT_FALSE(r.has_errors());
  EXPECT_FALSE(r.signature_error);
  EXPECT_FALSE(r.io_error);
  EXPECT_EQ(r.file, "layer.py");
  onnx::ModelProto model = parsed(r);
  ASSERT_EQ(model.opset_import_size(), 1);
  EXPECT_EQ(model.opset_import(0).version(), onnx_opset_version());
  // scale keeps its default.
  ASSERT_EQ(model.graph().input_size(), 3);
  EXPECT_EQ(model.graph().input(0).name(), "xs");
  EXPECT_EQ(model.graph().input(1).name(), "w");
  EXPECT_EQ(model.graph().input(2).name(), "steps");
  ASSERT_EQ(model.graph().output_size(), 1);
  EXPECT_EQ(model.graph().output(0).name(), "output_0");
}

TEST(OnnxApi, OpsetIs17) {
  EXPECT_EQ(onnx_opset_version(), 17);
}

TEST(OnnxApi, SameSourceAndSignatureGiveSameBytes) {
  const OnnxOptions options{"layer(float32[T,H], float32[H,H], int)", ""};
  OnnxResult first = export_onnx(kModel, "layer.py", options);
  OnnxResult second = export_onnx(kModel, "layer.py", options);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.model, second.model);
}

TEST(OnnxApi, UnnamedSignatureAppliesToTheEntry) {
  OnnxResult r = export_onnx(kTwoFunctions, "two.py", {"(float32[N])", "b"});
  ASSERT_TRUE(r.ok()) << (r.signature_error ? *r.signature_error : "");
  EXPECT_EQ(parsed(r).graph().name(), "b");
}

TEST(OnnxApi, UnnamedSignatureAppliesToTheOnlyFunction) {
  OnnxResult r = export_onnx(kPrints + std::string("\n\ndef g(x):\n    return x + 1\n"), "m.py",
                             {"(int)", ""});
  EXPECT_TRUE(r.signature_error) << "two functions and no name";
  OnnxResult only = export_onnx("def g(x):\n    return x + 1\n", "m.py", {"(int)", ""});
  ASSERT_TRUE(only.ok()) << (only.signature_error ? *only.signature_error : "");
  EXPECT_EQ(parsed(only).graph().name(), "g");
}

TEST(OnnxApi, SeveralFunctionsWithoutANameIsASignatureError) {
  OnnxResult r = export_onnx(kTwoFunctions, "two.py", {"(float32[N])", ""});
  EXPECT_FALSE(r.ok());
  ASSERT_TRUE(r.signature_error);
  EXPECT_TRUE(contains(*r.signature_error, "--entry")) << *r.signature_error;
}

TEST(OnnxApi, MalformedSignature) {
  OnnxResult r = export_onnx(kModel, "layer.py", {"layer(float32[T,H", ""});
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.model.empty());
  ASSERT_TRUE(r.signature_error);
  EXPECT_TRUE(contains(*r.signature_error, "column 18")) << *r.signature_error;
  EXPECT_FALSE(r.has_errors()) << "a signature error is not a source diagnostic";
}

TEST(OnnxApi, TooManyTypes) {
  OnnxResult r =
      export_onnx(kModel, "layer.py", {"layer(float32[T,H], float32[H,H], int, float, int)", ""});
  EXPECT_FALSE(r.ok());
  ASSERT_TRUE(r.signature_error);
  EXPECT_TRUE(contains(*r.signature_error, "5 types")) << *r.signature_error;
  EXPECT_TRUE(contains(*r.signature_error, "4 parameters")) << *r.signature_error;
}

TEST(OnnxApi, MissingTypeOfAParameterWithoutADefault) {
  OnnxResult r = export_onnx(kModel, "layer.py", {"layer(float32[T,H], float32[H,H])", ""});
  EXPECT_FALSE(r.ok());
  ASSERT_TRUE(r.signature_error);
  EXPECT_TRUE(contains(*r.signature_error, "'steps'")) << *r.signature_error;
}

TEST(OnnxApi, NoSignatureNeedsDefaultsForEveryParameter) {
  OnnxResult r = export_onnx(kModel, "layer.py", {"", "layer"});
  EXPECT_FALSE(r.ok());
  ASSERT_TRUE(r.signature_error);
  EXPECT_TRUE(contains(*r.signature_error, "'xs'")) << *r.signature_error;
}

TEST(OnnxApi, RefusalIsADiagnosticWithItsPosition) {
  OnnxResult r = export_onnx(kPrints, "prints.py", {"f(float32[N])", ""});
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.model.empty());
  EXPECT_FALSE(r.signature_error);
  EXPECT_TRUE(r.has_errors());
  ASSERT_FALSE(r.diagnostics.empty());
  const Diagnostic* print = nullptr;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.severity == Severity::Error) print = &d;
  }
  ASSERT_NE(print, nullptr);
  EXPECT_EQ(print->code, "PG0707");
  EXPECT_EQ(print->file, "prints.py");
  EXPECT_EQ(print->line, 3u);
  EXPECT_EQ(print->column, 5u);
  EXPECT_TRUE(contains(render_text(r.diagnostics, r.source), "prints.py:3:5: error[PG0707]"));
}

TEST(OnnxApi, SourceErrorsAreDiagnostics) {
  OnnxResult r = export_onnx(
      "def f(x):\n    try:\n        return x\n    except ValueError:\n"
      "        return x\n",
      "bad.py", {"f(int)", ""});
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.has_errors());
  EXPECT_FALSE(r.signature_error);
}

TEST(OnnxApi, MissingFileIsAnIoError) {
  OnnxResult r = export_onnx_file("/nonexistent/pygraft/model.py", {"f(int)", ""});
  EXPECT_FALSE(r.ok());
  ASSERT_TRUE(r.io_error);
  EXPECT_TRUE(contains(*r.io_error, "/nonexistent/pygraft/model.py")) << *r.io_error;
  EXPECT_FALSE(r.signature_error);
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(OnnxApi, ExportsAFile) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("pygraft_onnx_api_" + std::to_string(::getpid()) + ".py");
  {
    std::ofstream out(path);
    out << kTwoFunctions;
  }
  OnnxResult r = export_onnx_file(path.string(), {"a(float64[N])", ""});
  std::filesystem::remove(path);
  ASSERT_TRUE(r.ok()) << (r.io_error ? *r.io_error : "");
  EXPECT_EQ(r.file, path.string());
  EXPECT_EQ(r.source, kTwoFunctions);
  EXPECT_EQ(parsed(r).graph().input(0).type().tensor_type().elem_type(),
            onnx::TensorProto_DataType_DOUBLE);
}

}  // namespace
}  // namespace pygraft::api
