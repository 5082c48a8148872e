// pygraft's runtime as a library: load a graph file and call its functions
// with tensors and Python values. No Python and no tree-sitter involved.
//
// A Program is immutable once loaded and cheap to copy (shared); call() may
// run concurrently from several threads. Nothing here throws for a bad graph
// file or a failing call: errors come back as strings / RuntimeError.
// This header needs only the C++ standard library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace pygraft::api {

// NumPy's dtypes. Float16 elements are IEEE binary16 bit patterns: read
// them with get_as_double() or through raw() (C++20 has no float16 type).
enum class DType {
  Bool,
  Int32,
  Int64,
  Float32,
  Float64,
  UInt8,
  Int8,
  Int16,
  UInt16,
  UInt32,
  UInt64,
  Float16,
};

std::string_view dtype_name(DType dtype);  // "bool", "int32", ..., "uint8", "float16"
size_t dtype_size(DType dtype);            // bytes per element (bool: 1)

template <class T>
constexpr DType dtype_of() {
  static_assert(
      std::is_same_v<T, bool> || std::is_same_v<T, int32_t> || std::is_same_v<T, int64_t> ||
          std::is_same_v<T, float> || std::is_same_v<T, double> || std::is_same_v<T, uint8_t> ||
          std::is_same_v<T, int8_t> || std::is_same_v<T, int16_t> || std::is_same_v<T, uint16_t> ||
          std::is_same_v<T, uint32_t> || std::is_same_v<T, uint64_t>,
      "element types are bool, (u)int8/16/32/64_t, float and double");
  if constexpr (std::is_same_v<T, bool>)
    return DType::Bool;
  else if constexpr (std::is_same_v<T, int32_t>)
    return DType::Int32;
  else if constexpr (std::is_same_v<T, int64_t>)
    return DType::Int64;
  else if constexpr (std::is_same_v<T, float>)
    return DType::Float32;
  else if constexpr (std::is_same_v<T, uint8_t>)
    return DType::UInt8;
  else if constexpr (std::is_same_v<T, int8_t>)
    return DType::Int8;
  else if constexpr (std::is_same_v<T, int16_t>)
    return DType::Int16;
  else if constexpr (std::is_same_v<T, uint16_t>)
    return DType::UInt16;
  else if constexpr (std::is_same_v<T, uint32_t>)
    return DType::UInt32;
  else if constexpr (std::is_same_v<T, uint64_t>)
    return DType::UInt64;
  else
    return DType::Float64;
}

// A dense, row-major n-d array that owns its elements.
class Tensor {
 public:
  Tensor() = default;  // float64, shape (0,)
  // Zero-filled. Throws std::invalid_argument for a negative dimension.
  Tensor(DType dtype, std::vector<int64_t> shape);

  // A tensor of T's dtype; throws std::invalid_argument when the number of
  // values does not match the shape.
  template <class T>
  static Tensor from(std::vector<int64_t> shape, const std::vector<T>& values) {
    Tensor tensor(dtype_of<T>(), std::move(shape));
    tensor.check_count(values.size());
    T* out = tensor.data<T>();
    for (size_t i = 0; i < values.size(); ++i) out[i] = values[i];
    return tensor;
  }

  DType dtype() const { return dtype_; }
  const std::vector<int64_t>& shape() const { return shape_; }
  int64_t numel() const;
  size_t nbytes() const { return bytes_.size(); }

  // The elements; T must match dtype() (checked: std::invalid_argument).
  template <class T>
  T* data() {
    check_dtype(dtype_of<T>());
    return reinterpret_cast<T*>(bytes_.data());
  }
  template <class T>
  const T* data() const {
    check_dtype(dtype_of<T>());
    return reinterpret_cast<const T*>(bytes_.data());
  }
  void* raw() { return bytes_.data(); }
  const void* raw() const { return bytes_.data(); }

  // Element i (flat, row-major) converted to double.
  double get_as_double(int64_t i) const;

 private:
  void check_dtype(DType expected) const;
  void check_count(size_t count) const;

  DType dtype_ = DType::Float64;
  std::vector<int64_t> shape_{0};
  std::vector<std::byte> bytes_;  // operator new's alignment suits every dtype
};

// What a graph function takes and returns: None, a Python bool / int /
// float / str, an array, or a tuple, list or dict of values.
class Value {
 public:
  enum class Kind { None, Bool, Int, Float, Str, Tensor, Tuple, List, Dict };

  Value() = default;  // None
  Value(bool v) : scalar_(v) {}
  Value(int v) : scalar_(int64_t{v}) {}
  Value(int64_t v) : scalar_(v) {}
  Value(double v) : scalar_(v) {}
  Value(std::string v) : scalar_(std::move(v)) {}
  Value(const char* v) : scalar_(std::string(v)) {}
  Value(Tensor v) : scalar_(std::move(v)) {}
  static Value tuple(std::vector<Value> items);
  static Value list(std::vector<Value> items);
  // keys[i] maps to values[i]; keys are str, int, float, bool, None or tuples.
  static Value dict(std::vector<Value> keys, std::vector<Value> values);

  Kind kind() const;
  bool is_none() const { return kind() == Kind::None; }
  // Accessors throw std::bad_variant_access / std::logic_error on the wrong kind.
  bool as_bool() const { return std::get<bool>(scalar_); }
  int64_t as_int() const { return std::get<int64_t>(scalar_); }
  double as_float() const { return std::get<double>(scalar_); }
  const std::string& as_str() const { return std::get<std::string>(scalar_); }
  const Tensor& as_tensor() const { return std::get<Tensor>(scalar_); }
  // A tuple's or list's items, a dict's values.
  const std::vector<Value>& items() const;
  // A dict's keys, in insertion order.
  const std::vector<Value>& keys() const;

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, Tensor> scalar_;
  std::optional<std::vector<Value>> tuple_;  // set for tuples, lists and dicts (values)
  std::optional<std::vector<Value>> keys_;   // set for dicts
  bool list_ = false;
};

// A node of the model's source in one function of the call stack.
struct StackFrame {
  std::string function;
  uint32_t line = 0;  // 1-based; the end is exclusive, as in diagnostics
  uint32_t column = 0;
  uint32_t end_line = 0;
  uint32_t end_column = 0;
};

// A failure while running, at the source location of the node that failed.
struct RuntimeError {
  std::string function;  // the graph function whose node failed
  std::string file;      // the model's source file, as compiled
  uint32_t line = 0;     // 1-based; 0 when the error has no location
  uint32_t column = 0;
  std::string message;  // without the exception's name
  // The Python exception CPython + NumPy raise here ("IndexError",
  // "ZeroDivisionError", ...); empty when the failure is not a Python
  // exception (a limit of CallOptions, an unknown function, a bug).
  std::string exception;
  bool limit_exceeded = false;  // a limit of CallOptions stopped the call
  uint32_t end_line = 0;
  uint32_t end_column = 0;
  // Innermost first: the node that failed (function, line, column above),
  // then each call that led to its function, up to the one called. Empty
  // when the call did not start (unknown function).
  std::vector<StackFrame> call_stack;

  // What `pygraft run` prints, without the quoted source lines:
  //   model.py:7:9: runtime error: IndexError: MESSAGE
  //   model.py:12:9: note: called from here        (one per caller)
  std::string to_string() const;
};

struct CallOptions {
  std::ostream* print_stream = nullptr;  // where print() writes; nullptr: std::cerr
  int64_t max_memory_bytes = 0;          // cap on live array bytes; 0: none
  int64_t max_loop_iterations = 0;       // cap on loop iterations, all loops; 0: none
  double timeout_seconds = 0;            // wall-clock limit, checked per iteration; 0: none
};

struct CallResult {
  // One value per returned value: a returned tuple gives several, a bare
  // `return` gives one None (as `pygraft run` prints them).
  std::vector<Value> outputs;
  std::optional<RuntimeError> error;  // set on failure

  bool ok() const { return !error.has_value(); }
};

class Program;

struct LoadResult {
  std::shared_ptr<const Program> program;  // set on success
  std::string error;                       // set on failure: one line

  bool ok() const { return program != nullptr; }
};

class Program {
 public:
  // A graph file's bytes, as CompileResult::graph_bytes() or `pygraft
  // compile` produce them. Bad bytes give an error, never a crash.
  static LoadResult load(std::string_view bytes);
  // The error names the file.
  static LoadResult load_file(const std::string& path);

  std::vector<std::string> functions() const;  // in the graph's order
  // The parameter names of `function`; empty when there is no such function.
  std::vector<std::string> parameters(std::string_view function) const;
  const std::string& source_file() const;  // the model file it was compiled from

  // Calls `function` with positional arguments (trailing ones may take the
  // parameters' defaults). An unknown function or a wrong number of
  // arguments is an error too.
  CallResult call(std::string_view function, std::vector<Value> args,
                  const CallOptions& options = {}) const;

  struct Impl;
  explicit Program(std::shared_ptr<const Impl> impl);

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace pygraft::api
