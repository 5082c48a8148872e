// A dense, row-major, always-contiguous n-d array with a shared buffer.
// Tensors have value semantics at the language level: a kernel may write
// into an input's buffer only when it holds the only reference (unique()).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "graph/dtype.h"
#include "runtime/convert_element.h"
#include "runtime/shape.h"

namespace pygraft::rt {

class Buffer;

class Tensor {
 public:
  Tensor() = default;  // an empty float64 tensor of shape (0,)

  // Uninitialised contents. Throws RuntimeError when the size overflows or
  // exceeds the allocation limit.
  static Tensor empty(DType dtype, const Shape& shape);
  static Tensor zeros(DType dtype, const Shape& shape);
  template <class T>
  static Tensor scalar(DType dtype, T value);  // 0-d tensor holding value cast to dtype

  DType dtype() const { return dtype_; }
  const Shape& shape() const { return shape_; }
  int rank() const { return shape_.rank(); }
  int64_t numel() const { return numel_; }
  int64_t nbytes() const { return numel_ * dtype_size(dtype_); }

  template <class T>
  T* data() {
    return static_cast<T*>(raw());
  }
  template <class T>
  const T* data() const {
    return static_cast<const T*>(raw());
  }
  void* raw();
  const void* raw() const;

  // True when no other tensor shares the buffer: in-place updates are safe.
  bool unique() const { return buffer_.use_count() <= 1; }
  // A deep copy with its own buffer.
  Tensor clone() const;
  // Same buffer, new shape with the same numel (for reshape of a temporary).
  Tensor reshaped(const Shape& shape) const;
  // Elements [offset, offset + shape.numel()) of this tensor, in its buffer
  // (x[i], x[i, a:b]: a contiguous block). Like every tensor sharing a
  // buffer, neither is unique() while both live, so writes copy first.
  // Requires the block to lie inside this tensor.
  Tensor block(int64_t offset, const Shape& shape) const;
  // *this = base.block(offset, shape), without touching the buffer's
  // reference count when this already shares base's buffer (a loop's view
  // of the next row).
  void assign_block(const Tensor& base, int64_t offset, const Shape& shape);

  // Reads element i (flat, row-major) converted to double / int64 / bool.
  double get_as_double(int64_t i) const;
  int64_t get_as_int(int64_t i) const;
  bool get_as_bool(int64_t i) const;

 private:
  DType dtype_ = DType::Float64;
  Shape shape_{0};
  int64_t numel_ = 0;
  int64_t byte_offset_ = 0;  // of element 0 in the buffer (a block of another tensor)
  std::shared_ptr<Buffer> buffer_;
};

// Maps a DType to its C++ element type and back. bool is stored as one byte.
template <DType D>
struct CType;
template <>
struct CType<DType::Bool> {
  using type = bool;
};
template <>
struct CType<DType::Int32> {
  using type = int32_t;
};
template <>
struct CType<DType::Int64> {
  using type = int64_t;
};
template <>
struct CType<DType::Float32> {
  using type = float;
};
template <>
struct CType<DType::Float64> {
  using type = double;
};

[[noreturn]] void throw_narrow_dtype_in_kernel(DType dtype);

// Calls f(T{}) with T the element type of `dtype`, one of the compute dtypes
// every kernel is written for: one switch instead of one per kernel. The
// narrow dtypes never reach kernels (runtime/narrow_dtypes.h widens them),
// so meeting one here is an internal error, not undefined behaviour.
template <class F>
decltype(auto) dispatch_dtype(DType dtype, F&& f) {
  switch (dtype) {
    case DType::Bool:
      return f(bool{});
    case DType::Int32:
      return f(int32_t{});
    case DType::Int64:
      return f(int64_t{});
    case DType::Float32:
      return f(float{});
    case DType::Float64:
      break;
    default:
      throw_narrow_dtype_in_kernel(dtype);
  }
  return f(double{});
}

// dispatch_dtype over every dtype, the narrow ones included (Half stands for
// float16): for code that only stores, converts or prints elements.
template <class F>
decltype(auto) dispatch_any_dtype(DType dtype, F&& f) {
  switch (dtype) {
    case DType::UInt8:
      return f(uint8_t{});
    case DType::Int8:
      return f(int8_t{});
    case DType::Int16:
      return f(int16_t{});
    case DType::UInt16:
      return f(uint16_t{});
    case DType::UInt32:
      return f(uint32_t{});
    case DType::UInt64:
      return f(uint64_t{});
    case DType::Float16:
      return f(Half{});
    default:
      return dispatch_dtype(dtype, std::forward<F>(f));
  }
}

template <class T>
constexpr DType dtype_of() {
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
  else if constexpr (std::is_same_v<T, Half>)
    return DType::Float16;
  else
    return DType::Float64;
}

template <class T>
Tensor Tensor::scalar(DType dtype, T value) {
  Tensor t = empty(dtype, Shape{});
  dispatch_any_dtype(dtype, [&](auto tag) {
    using E = decltype(tag);
    *t.data<E>() = convert_element<E>(value);
  });
  return t;
}

}  // namespace pygraft::rt
