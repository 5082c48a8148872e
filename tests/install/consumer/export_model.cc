// Exports model.py's scale_sum to ONNX with pygraft::onnx (the only part of
// pygraft that links protobuf and libonnx), and checks a refusal's
// diagnostic. Exit 0 on success.
#include <pygraft/onnx.h>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: export_model MODEL.py\n";
    return 2;
  }
  pygraft::api::OnnxResult r =
      pygraft::api::export_onnx_file(argv[1], {"scale_sum(float32[N], float)", ""});
  if (!r.ok()) {
    std::cerr << (r.io_error          ? *r.io_error
                  : r.signature_error ? *r.signature_error
                                      : "")
              << pygraft::api::render_text(r.diagnostics, r.source);
    return 1;
  }
  pygraft::api::OnnxResult refused =
      pygraft::api::export_onnx("def f(x):\n    print(x)\n    return x\n", "p.py", {"f(int)", ""});
  if (refused.ok() || refused.diagnostics.empty() || refused.diagnostics.back().code != "PG0707") {
    std::cerr << "expected PG0707 for print, got:\n"
              << pygraft::api::render_json(refused.diagnostics);
    return 1;
  }
  std::cout << "export_model: scale_sum -> " << r.model.size() << " bytes of ONNX (opset "
            << pygraft::api::onnx_opset_version() << ")\n";
  return 0;
}
