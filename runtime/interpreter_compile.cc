// Builds the executable plan of a verified Module (see runtime/interpreter_plan.h):
// kernels, callees and constants are resolved here, once, so that the
// executor never looks anything up by name.
#include <algorithm>
#include <memory>
#include <span>
#include <string>
#include <variant>

#include "runtime/interpreter_plan.h"

namespace pygraft::rt {
namespace {

class FunctionCompiler {
 public:
  FunctionCompiler(LoadedProgram& program, CompiledFunction& fn)
      : program_(program), fn_(fn), slot_of_(fn.num_slots) {
    for (Slot s = 0; s < fn.num_slots; ++s) slot_of_[s] = s;
  }

  void compile_region(const Region& region, CompiledRegion& out) {
    for (ValueId v : region.args) out.args.push_back(slot_of_[v]);
    for (const Node& node : region.nodes) compile_node(node, out);
    for (ValueId v : region.yields) out.yields.push_back(Operand{slot_of_[v], false});
  }

 private:
  void compile_node(const Node& node, CompiledRegion& out) {
    if (node.op == OpCode::Const || node.op == OpCode::Undef) return set_constant(node);
    Instr instr;
    instr.node = &node;
    instr.inputs_begin = static_cast<uint32_t>(out.operands.size());
    for (ValueId v : node.inputs) out.operands.push_back(Operand{slot_of_[v], false});
    instr.inputs_end = static_cast<uint32_t>(out.operands.size());
    instr.outputs_begin = static_cast<uint32_t>(out.outputs.size());
    for (ValueId v : node.outputs) out.outputs.push_back(slot_of_[v]);
    instr.outputs_end = static_cast<uint32_t>(out.outputs.size());
    switch (node.op) {
      case OpCode::Cond:
        compile_cond(node, instr, out);
        break;
      case OpCode::Loop:
        compile_loop(node, instr, out);
        break;
      case OpCode::Call:
        compile_call(node, instr);
        break;
      default:
        instr.kind = InstrKind::Kernel;
        instr.kernel = kernel_for(node.op);
        // A structural op without its own case here reports an internal error when run.
        if (instr.kernel == nullptr) instr.kernel = &structural;
        if (node.inputs.size() == 2 && node.outputs.size() == 1)
          instr.scalar_fast = scalar_fast_op(node.op);
        if (node.op == OpCode::FusedElementwise) decode_fused_program(node, instr);
        program_.max_kernel_inputs = std::max(program_.max_kernel_inputs, node.inputs.size());
        program_.max_kernel_outputs = std::max(program_.max_kernel_outputs, node.outputs.size());
        break;
    }
    out.instrs.push_back(instr);
  }

  // Const and undef nodes are evaluated here, once, into the template frame.
  void set_constant(const Node& node) {
    Slot slot = slot_of_[node.outputs.at(0)];
    if (node.op == OpCode::Const) {
      fn_.template_frame[slot] = literal_to_value(*node.attr("value"));
    } else {
      auto name = std::make_shared<const std::string>(node.attr("name")->as<std::string>());
      fn_.template_frame[slot] = Value(UndefValue{std::move(name)});
    }
    fn_.is_constant[slot] = true;
  }

  void compile_cond(const Node& node, Instr& instr, CompiledRegion& out) {
    instr.kind = InstrKind::Cond;
    instr.first_child = static_cast<uint32_t>(out.children.size());
    out.children.resize(out.children.size() + 2);
    compile_region(node.regions[0], out.children[instr.first_child]);
    compile_region(node.regions[1], out.children[instr.first_child + 1]);
  }

  void compile_loop(const Node& node, Instr& instr, CompiledRegion& out) {
    instr.kind = InstrKind::Loop;
    const Region& cond = node.regions[0];
    const Region& body = node.regions[1];
    // Note: the cond region reads the carried values from the body's slots.
    for (size_t k = 0; k < cond.args.size(); ++k) slot_of_[cond.args[k]] = slot_of_[body.args[k]];
    instr.first_child = static_cast<uint32_t>(out.children.size());
    out.children.resize(out.children.size() + 2);
    compile_region(cond, out.children[instr.first_child]);
    CompiledRegion& compiled_body = out.children[instr.first_child + 1];
    compile_region(body, compiled_body);
    compiled_body.rebind_via_scratch = needs_scratch(compiled_body);
    program_.max_carried = std::max(program_.max_carried, body.args.size());
  }

  // True when some yield reads the slot of an argument other than its own,
  // so assigning arguments one by one would clobber a value still to be read.
  static bool needs_scratch(const CompiledRegion& body) {
    for (size_t k = 0; k < body.yields.size(); ++k) {
      for (size_t j = 0; j < body.args.size(); ++j) {
        if (j != k && body.yields[k].slot == body.args[j]) return true;
      }
    }
    return false;
  }

  // Note: a program that does not decode stays with the node, whose kernel
  // then reports the problem when run.
  void decode_fused_program(const Node& node, Instr& instr) {
    if (std::optional<FusedProgram> program = read_fused_program(node)) {
      fn_.fused_plans.push_back(
          std::make_unique<const FusedPlan>(make_fused_plan(*program, node.inputs.size())));
      instr.fused_plan = fn_.fused_plans.back().get();
    }
  }

  void compile_call(const Node& node, Instr& instr) {
    instr.kind = InstrKind::Call;
    const Function* callee = program_.module.find(node.attr("callee")->as<std::string>());
    instr.callee = static_cast<uint32_t>(callee - program_.module.functions.data());
  }

  LoadedProgram& program_;
  CompiledFunction& fn_;
  std::vector<Slot> slot_of_;
};

// Gives every loop that has a typed form (runtime/scalar_loop.h) its
// ScalarLoop. Runs once every function's regions are final: a ScalarLoop
// points into them, its own function's and those of the functions it calls.
void attach_scalar_loops(std::span<const CompiledFunction> functions, CompiledFunction& fn,
                         CompiledRegion& region) {
  for (Instr& in : region.instrs) {
    if (in.kind == InstrKind::Loop) {
      if (std::unique_ptr<ScalarLoop> loop = ScalarLoop::analyze(functions, fn, region, in)) {
        in.scalar_loop = static_cast<uint32_t>(fn.scalar_loops.size());
        fn.scalar_loops.push_back(std::move(loop));
      }
    }
  }
  for (CompiledRegion& child : region.children) attach_scalar_loops(functions, fn, child);
}

void compile_function(LoadedProgram& program, const Function& source, CompiledFunction& fn) {
  fn.source = &source;
  fn.num_slots = source.num_values;
  fn.template_frame.assign(fn.num_slots, Value());
  fn.is_constant.assign(fn.num_slots, false);
  for (const Parameter& p : source.params) {
    fn.defaults.push_back(p.default_value ? std::optional<Value>(literal_to_value(*p.default_value))
                                          : std::nullopt);
  }
  FunctionCompiler(program, fn).compile_region(source.body, fn.body);
  compute_last_uses(fn);
}

}  // namespace

Value literal_to_value(const Literal& literal) {
  struct Convert {
    Value operator()(NoneLiteral) const { return Value(); }
    Value operator()(bool v) const { return Value(v); }
    Value operator()(int64_t v) const { return Value(v); }
    Value operator()(double v) const { return Value(v); }
    Value operator()(const std::string& v) const { return Value::str(v); }
    Value operator()(DType v) const { return Value(v); }
    Value operator()(const LiteralTuple& items) const {
      std::vector<Value> values;
      values.reserve(items.size());
      for (const Literal& item : items) values.push_back(literal_to_value(item));
      return Value::tuple(std::move(values));
    }
  };
  return std::visit(Convert{}, literal.storage());
}

void compile_program(LoadedProgram& program) {
  program.functions.resize(program.module.functions.size());
  for (size_t i = 0; i < program.functions.size(); ++i) {
    compile_function(program, program.module.functions[i], program.functions[i]);
  }
  for (CompiledFunction& fn : program.functions)
    attach_scalar_loops(program.functions, fn, fn.body);
}

}  // namespace pygraft::rt
