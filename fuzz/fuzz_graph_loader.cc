// libFuzzer target: bytes -> load_module. A module that loads is printed in
// text form and, when executing it cannot hang, run: every function is
// called with no arguments (parameters take their defaults; a missing one is
// an error result, which is fine) under a small memory budget and call depth.
//
// Note: the runtime has no step budget, so a graph with a `loop` node could
// spin forever, and `call` nodes can fan out exponentially even under the
// depth cap. Modules with either are loaded and printed but not executed.
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <streambuf>
#include <string_view>
#include <vector>

#include "graph/graph_file.h"
#include "graph/printer.h"
#include "runtime/interpreter.h"

namespace {

// Swallows print() output.
class NullBuffer : public std::streambuf {
 protected:
  int overflow(int c) override { return c; }
};

// Iterative walk: region nesting may be 512 deep.
bool may_run_forever(const pygraft::Module& module) {
  std::vector<const pygraft::Region*> pending;
  for (const pygraft::Function& f : module.functions) pending.push_back(&f.body);
  while (!pending.empty()) {
    const pygraft::Region* region = pending.back();
    pending.pop_back();
    for (const pygraft::Node& node : region->nodes) {
      if (node.op == pygraft::OpCode::Loop || node.op == pygraft::OpCode::Call) return true;
      for (const pygraft::Region& inner : node.regions) pending.push_back(&inner);
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  pygraft::LoadResult loaded = pygraft::load_module(bytes);
  if (!loaded.ok()) return 0;
  (void)pygraft::print_module(*loaded.module);
  if (may_run_forever(*loaded.module)) return 0;

  pygraft::rt::Program program(std::move(*loaded.module));
  NullBuffer null_buffer;
  std::ostream null_stream(&null_buffer);
  pygraft::rt::RunOptions options;
  options.print_stream = &null_stream;
  options.max_memory_bytes = 1 << 18;
  options.max_call_depth = 16;
  for (size_t i = 0; i < program.module().functions.size(); ++i) {
    (void)program.call(i, {}, options);
  }
  return 0;
}
