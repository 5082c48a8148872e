#include "graph/fused_elementwise.h"

#include <string_view>

#include "graph/op_table.h"

namespace pygraft {

int fused_step_arity(OpCode op) {
  switch (op) {
    case OpCode::Add:
    case OpCode::Sub:
    case OpCode::Mul:
    case OpCode::TrueDiv:
      return 2;
    case OpCode::Neg:
    case OpCode::Abs:
    case OpCode::Exp:
    case OpCode::Tanh:
    case OpCode::UfuncOperand:
    case OpCode::Sum:
    case OpCode::Max:
    case OpCode::Min:
      return 1;
    default:
      return 0;
  }
}

bool is_fused_reduction(OpCode op) {
  return op == OpCode::Sum || op == OpCode::Max || op == OpCode::Min;
}

namespace {

std::optional<OpCode> step_op(std::string_view name) {
  for (OpCode op :
       {OpCode::Add, OpCode::Sub, OpCode::Mul, OpCode::TrueDiv, OpCode::Neg, OpCode::Abs,
        OpCode::Exp, OpCode::Tanh, OpCode::UfuncOperand, OpCode::Sum, OpCode::Max, OpCode::Min}) {
    if (op_info(op).name == name) return op;
  }
  return std::nullopt;
}

std::optional<FusedProgram> fail(std::string* problem, std::string message) {
  if (problem != nullptr) *problem = "program: " + std::move(message);
  return std::nullopt;
}

}  // namespace

std::optional<FusedProgram> read_fused_program(const Node& node, std::string* problem) {
  const Literal* attr = node.attr("program");
  if (attr == nullptr || !attr->is<LiteralTuple>()) return fail(problem, "needs a tuple of steps");
  const LiteralTuple& steps = attr->as<LiteralTuple>();
  if (steps.empty() || steps.size() > static_cast<size_t>(kMaxFusedSteps)) {
    return fail(problem, "needs 1 to " + std::to_string(kMaxFusedSteps) + " steps");
  }
  FusedProgram program;
  const size_t inputs = node.inputs.size();
  if (inputs == 0 || inputs > static_cast<size_t>(kMaxFusedSteps) + 1) {
    return fail(problem, "needs 1 to " + std::to_string(kMaxFusedSteps + 1) + " inputs");
  }
  for (const Literal& step : steps) {
    if (!step.is<LiteralTuple>() || step.as<LiteralTuple>().empty() ||
        !step.as<LiteralTuple>()[0].is<std::string>()) {
      return fail(problem, "a step is not ('op', operand, ...)");
    }
    const LiteralTuple& fields = step.as<LiteralTuple>();
    const std::optional<OpCode> op = step_op(fields[0].as<std::string>());
    if (!op) return fail(problem, "'" + fields[0].as<std::string>() + "' cannot be fused");
    if (is_fused_reduction(*op) && static_cast<size_t>(program.size) + 1 != steps.size()) {
      return fail(problem,
                  "the reduction '" + fields[0].as<std::string>() + "' is not the last step");
    }
    FusedStep& out = program.steps[static_cast<size_t>(program.size)];
    out.op = *op;
    out.num_operands = fused_step_arity(*op);
    if (fields.size() != static_cast<size_t>(out.num_operands) + 1) {
      return fail(problem, "'" + fields[0].as<std::string>() + "' takes " +
                               std::to_string(out.num_operands) + " operands");
    }
    const size_t available = inputs + static_cast<size_t>(program.size);
    for (int k = 0; k < out.num_operands; ++k) {
      const Literal& ref = fields[static_cast<size_t>(k) + 1];
      if (!ref.is<int64_t>() || ref.as<int64_t>() < 0 ||
          static_cast<size_t>(ref.as<int64_t>()) >= available) {
        return fail(problem, "operand " + literal_to_string(ref) + " of step " +
                                 std::to_string(program.size) + " names no earlier value");
      }
      out.operands[static_cast<size_t>(k)] = static_cast<uint16_t>(ref.as<int64_t>());
    }
    ++program.size;
  }
  return program;
}

Literal fused_program_literal(const FusedProgram& program) {
  LiteralTuple steps;
  for (int i = 0; i < program.size; ++i) {
    const FusedStep& step = program.steps[static_cast<size_t>(i)];
    LiteralTuple fields{Literal(std::string(op_info(step.op).name))};
    for (int k = 0; k < step.num_operands; ++k) {
      fields.emplace_back(int64_t{step.operands[static_cast<size_t>(k)]});
    }
    steps.emplace_back(std::move(fields));
  }
  return Literal(std::move(steps));
}

}  // namespace pygraft
