#include "onnx_export/op_mapping.h"

#include "onnx_export/emitters.h"

namespace pygraft::onnx_export {

namespace {

// The ops.def column: `no_onnx` or `to_onnx(emitter, "OnnxOp")`.
#define no_onnx \
  OnnxMapping {}
#define to_onnx(emitter, onnx_op) \
  OnnxMapping {                   \
    &emitter, onnx_op             \
  }
constexpr OnnxMapping kMappings[] = {
#define PG_OP(id, name, outputs, kernel, effects, onnx, spellings) onnx,
#include "graph/ops.def"
#undef PG_OP
};
#undef no_onnx
#undef to_onnx

static_assert(std::size(kMappings) == kNumOpCodes);

}  // namespace

const OnnxMapping& onnx_mapping(OpCode op) {
  return kMappings[static_cast<size_t>(op)];
}

namespace {

// How the source writes the ops the table gives no spelling (statements,
// methods lowered by transform/lower_container_methods.cc, operators).
std::string_view source_form(OpCode op) {
  switch (op) {
    case OpCode::MakeList:
      return "a list";
    case OpCode::MakeDict:
      return "a dict";
    case OpCode::MakeTuple:
      return "a tuple";
    case OpCode::ListAppend:
      return "list.append()";
    case OpCode::ListExtend:
      return "list.extend()";
    case OpCode::ListInsert:
      return "list.insert()";
    case OpCode::ListPop:
      return "list.pop()";
    case OpCode::ListReverse:
      return "list.reverse()";
    case OpCode::DictGet:
      return "dict.get()";
    case OpCode::DictSetDefault:
      return "dict.setdefault()";
    case OpCode::DictUpdate:
      return "dict.update()";
    case OpCode::DictKeys:
      return "dict.keys()";
    case OpCode::DictValues:
      return "dict.values()";
    case OpCode::DictItems:
      return "dict.items()";
    case OpCode::Contains:
      return "'in'";
    case OpCode::GetItem:
      return "the subscript x[...]";
    case OpCode::SetItem:
      return "the store x[...] = v";
    case OpCode::CheckBound:
      return "the read of a variable";
    case OpCode::CheckUnpack:
      return "the unpacking a, b = x";
    case OpCode::Print:
      return "print()";
    case OpCode::Assert:
      return "assert";
    case OpCode::Raise:
      return "raise";
    case OpCode::TypeInfo:
      return "np.finfo() / np.iinfo()";
    case OpCode::StrFormat:
      return "str.format() / f-string";
    case OpCode::ZipStar:
      return "zip(*xs)";
    case OpCode::RangeList:
      return "range() as a list";
    case OpCode::InPlaceResult:
      return "the augmented assignment";
    case OpCode::Undef:
      return "an unbound variable";
    default:
      return {};
  }
}

}  // namespace

std::string op_display_name(OpCode op) {
  const OpInfo& info = op_info(op);
  if (std::string_view form = source_form(op); !form.empty()) return std::string(form);
  if (info.name.starts_with("str_")) return "str." + std::string(info.name.substr(4)) + "()";
  if (info.name.starts_with("rng_")) return "Generator." + std::string(info.name.substr(4)) + "()";
  const std::string name = spelled_name(op);
  if (name.empty()) return "'" + std::string(info.name) + "'";
  const SpellingKind kind = info.spellings.front().kind;
  const bool operator_spelling = kind == SpellingKind::BinaryOperator ||
                                 kind == SpellingKind::UnaryOperator ||
                                 kind == SpellingKind::Comparison;
  return operator_spelling ? "'" + name + "'" : name;
}

}  // namespace pygraft::onnx_export
