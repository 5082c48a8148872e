// Compiles Python source with pygraft::compiler, runs it with
// pygraft::runtime, and checks a diagnostic for bad source. Exit 0 on success.
#include <pygraft/compiler.h>
#include <pygraft/runtime.h>

#include <iostream>

namespace {

constexpr const char* kSource =
    "def poly(x):\n"
    "    y = 0.0\n"
    "    for i in range(4):\n"
    "        y = y * x + i\n"
    "    return y\n";

bool check_bad_source() {
  pygraft::api::CompileResult bad = pygraft::api::compile("class A:\n    pass\n", "bad.py");
  if (bad.ok() || bad.diagnostics.empty() || bad.diagnostics[0].code != "PG0101") {
    std::cerr << "expected PG0101 for a class, got:\n"
              << pygraft::api::render_json(bad.diagnostics);
    return false;
  }
  std::cout << pygraft::api::render_text(bad.diagnostics, bad.source);
  return true;
}

}  // namespace

int main() {
  pygraft::api::CompileResult compiled = pygraft::api::compile(kSource, "poly.py");
  if (!compiled.ok()) {
    std::cerr << pygraft::api::render_text(compiled.diagnostics, compiled.source);
    return 1;
  }
  pygraft::api::LoadResult loaded = pygraft::api::Program::load(compiled.graph_bytes());
  if (!loaded.ok()) {
    std::cerr << "load failed: " << loaded.error << "\n";
    return 1;
  }
  pygraft::api::CallResult result = loaded.program->call("poly", {2.0});
  // ((0*2+0)*2+1)*2+2)*2+3 = 11
  if (!result.ok() || result.outputs.at(0).as_float() != 11.0) {
    std::cerr << "poly(2.0) failed or was wrong\n";
    return 1;
  }
  std::cout << "compile_and_run: poly(2.0) = " << result.outputs[0].as_float() << "\n";
  return check_bad_source() ? 0 : 1;
}
