#include "graph/fused_elementwise.h"

#include <limits>
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

bool fail_with(std::string& why, std::string message) {
  why = std::move(message);
  return false;
}

std::optional<int64_t> int_field(const Literal& field) {
  if (!field.is<int64_t>()) return std::nullopt;
  return field.as<int64_t>();
}

// Appends ('op', operand, ...) to `program`, checking its operands name
// earlier values that are not reductions' results.
bool read_step(const Literal& step, size_t inputs, FusedProgram& program, std::string& why) {
  if (!step.is<LiteralTuple>() || step.as<LiteralTuple>().empty() ||
      !step.as<LiteralTuple>()[0].is<std::string>()) {
    return fail_with(why, "a step is not ('op', operand, ...)");
  }
  const LiteralTuple& fields = step.as<LiteralTuple>();
  const std::string& name = fields[0].as<std::string>();
  const std::optional<OpCode> op = step_op(name);
  if (!op) return fail_with(why, "'" + name + "' cannot be fused");
  FusedStep& out = program.steps[static_cast<size_t>(program.size)];
  out.op = *op;
  out.num_operands = fused_step_arity(*op);
  if (fields.size() != static_cast<size_t>(out.num_operands) + 1) {
    return fail_with(why, "'" + name + "' takes " + std::to_string(out.num_operands) + " operands");
  }
  const size_t available = inputs + static_cast<size_t>(program.size);
  for (int k = 0; k < out.num_operands; ++k) {
    const Literal& ref = fields[static_cast<size_t>(k) + 1];
    const std::optional<int64_t> v = int_field(ref);
    if (!v || *v < 0 || static_cast<size_t>(*v) >= available) {
      return fail_with(why, "operand " + literal_to_string(ref) + " of step " +
                                std::to_string(program.size) + " names no earlier value");
    }
    if (static_cast<size_t>(*v) >= inputs &&
        is_fused_reduction(program.steps[static_cast<size_t>(*v) - inputs].op)) {
      return fail_with(why, "step " + std::to_string(program.size) +
                                " reads the result of a reduction (step " +
                                std::to_string(static_cast<size_t>(*v) - inputs) + ")");
    }
    out.operands[static_cast<size_t>(k)] = static_cast<uint16_t>(*v);
  }
  ++program.size;
  return true;
}

// The "outputs" attribute (value numbers of steps), by default the last
// step; as many as the node has outputs.
bool read_outputs(const Node& node, FusedProgram& program, std::string& why) {
  const size_t inputs = node.inputs.size();
  const Literal* attr = node.attr("outputs");
  if (attr == nullptr) {
    program.outputs[0] = static_cast<uint16_t>(program.size - 1);
    program.num_outputs = 1;
  } else {
    if (!attr->is<LiteralTuple>() || attr->as<LiteralTuple>().empty() ||
        attr->as<LiteralTuple>().size() > static_cast<size_t>(kMaxFusedOutputs)) {
      return fail_with(why, "outputs: needs a tuple of 1 to " + std::to_string(kMaxFusedOutputs) +
                                " step values");
    }
    for (const Literal& ref : attr->as<LiteralTuple>()) {
      const std::optional<int64_t> v = int_field(ref);
      if (!v || *v < static_cast<int64_t>(inputs) ||
          *v >= static_cast<int64_t>(inputs) + program.size) {
        return fail_with(why, "outputs: " + literal_to_string(ref) + " names no step");
      }
      program.outputs[static_cast<size_t>(program.num_outputs++)] =
          static_cast<uint16_t>(*v - static_cast<int64_t>(inputs));
    }
  }
  if (node.outputs.size() != static_cast<size_t>(program.num_outputs)) {
    return fail_with(why, "the node has " + std::to_string(node.outputs.size()) + " outputs for " +
                              std::to_string(program.num_outputs) + " output steps");
  }
  return true;
}

// The "segments" attribute: ((first_step, line, column, end_line,
// end_column), ...) with first steps increasing within the program.
bool read_segments(const Node& node, FusedProgram& program, std::string& why) {
  const Literal* attr = node.attr("segments");
  if (attr == nullptr) return true;
  if (!attr->is<LiteralTuple>() ||
      attr->as<LiteralTuple>().size() > static_cast<size_t>(kMaxFusedSegments)) {
    return fail_with(why, "segments: needs a tuple of at most " +
                              std::to_string(kMaxFusedSegments) + " segments");
  }
  int previous = 0;
  for (const Literal& entry : attr->as<LiteralTuple>()) {
    std::array<int64_t, 5> f{};
    bool ok = entry.is<LiteralTuple>() && entry.as<LiteralTuple>().size() == f.size();
    for (size_t k = 0; ok && k < f.size(); ++k) {
      const std::optional<int64_t> v = int_field(entry.as<LiteralTuple>()[k]);
      ok = v && *v >= 0 && *v <= std::numeric_limits<uint32_t>::max();
      if (ok) f[k] = *v;
    }
    if (!ok || f[0] <= previous || f[0] >= program.size || f[1] == 0) {
      return fail_with(why, "segments: " + literal_to_string(entry) +
                                " is not (first_step, line, column, end_line, end_column) "
                                "after the previous segment");
    }
    previous = static_cast<int>(f[0]);
    program.segments[static_cast<size_t>(program.num_segments++)] = FusedSegment{
        previous, SourceRange{static_cast<uint32_t>(f[1]), static_cast<uint32_t>(f[2]),
                              static_cast<uint32_t>(f[3]), static_cast<uint32_t>(f[4])}};
  }
  return true;
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
  std::string why;
  for (const Literal& step : steps) {
    if (!read_step(step, inputs, program, why)) return fail(problem, why);
  }
  if (!read_outputs(node, program, why) || !read_segments(node, program, why)) {
    return fail(problem, why);
  }
  return program;
}

SourceRange fused_step_range(const FusedProgram& program, int step, const SourceRange& node_range) {
  SourceRange range = node_range;
  for (int s = 0; s < program.num_segments; ++s) {
    const FusedSegment& segment = program.segments[static_cast<size_t>(s)];
    if (segment.first_step <= step) range = segment.range;
  }
  return range;
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

std::vector<Attribute> fused_program_attributes(const FusedProgram& program, size_t num_inputs) {
  std::vector<Attribute> attrs{Attribute{"program", fused_program_literal(program)}};
  const bool default_outputs = program.num_outputs == 0 ||
                               (program.num_outputs == 1 && program.outputs[0] + 1 == program.size);
  if (!default_outputs) {
    LiteralTuple outputs;
    for (int k = 0; k < program.num_outputs; ++k) {
      outputs.emplace_back(
          static_cast<int64_t>(num_inputs + program.outputs[static_cast<size_t>(k)]));
    }
    attrs.push_back(Attribute{"outputs", Literal(std::move(outputs))});
  }
  if (program.num_segments > 0) {
    LiteralTuple segments;
    for (int s = 0; s < program.num_segments; ++s) {
      const FusedSegment& segment = program.segments[static_cast<size_t>(s)];
      const SourceRange& r = segment.range;
      segments.emplace_back(LiteralTuple{Literal(int64_t{segment.first_step}),
                                         Literal(int64_t{r.line}), Literal(int64_t{r.column}),
                                         Literal(int64_t{r.end_line}),
                                         Literal(int64_t{r.end_column})});
    }
    attrs.push_back(Attribute{"segments", Literal(std::move(segments))});
  }
  return attrs;
}

}  // namespace pygraft
