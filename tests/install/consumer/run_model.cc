// Loads the graph that pygraft_add_graph compiled at build time and checks
// one call's result. Exit 0 on success.
#include <pygraft/runtime.h>

#include <iostream>

int main() {
  pygraft::api::LoadResult loaded = pygraft::api::Program::load_file(MODEL_GRAPH);
  if (!loaded.ok()) {
    std::cerr << "load failed: " << loaded.error << "\n";
    return 1;
  }
  // ENTRY scale_sum: only that function was converted.
  if (loaded.program->functions() != std::vector<std::string>{"scale_sum"}) {
    std::cerr << "unexpected functions in the graph\n";
    return 1;
  }
  pygraft::api::Tensor x = pygraft::api::Tensor::from<float>({2, 2}, {1, 2, 3, 4});
  pygraft::api::CallResult result = loaded.program->call("scale_sum", {x, 3});
  if (!result.ok()) {
    std::cerr << result.error->to_string() << "\n";
    return 1;
  }
  const pygraft::api::Tensor& sum = result.outputs.at(0).as_tensor();
  if (sum.dtype() != pygraft::api::DType::Float32 || sum.data<float>()[0] != 30.0f) {
    std::cerr << "wrong result: " << sum.get_as_double(0) << "\n";
    return 1;
  }
  std::cout << "run_model: scale_sum(x, 3) = " << sum.get_as_double(0) << "\n";
  return 0;
}
