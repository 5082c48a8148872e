#include "runtime/tensor.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>

#include "runtime/block_pool.h"
#include "runtime/cast.h"
#include "runtime/memory_budget.h"
#include "runtime/runtime_error.h"

namespace pygraft::rt {

// Note: without an installed budget a single allocation is still capped, so
// a corrupt shape fails with a message instead of the OOM killer.
inline constexpr int64_t kUnbudgetedMaxBytes = int64_t{1} << 40;

// An aligned block of bytes (runtime/block_pool.h) charged to the memory budget that was current
// when it was allocated.
class Buffer {
 public:
  explicit Buffer(int64_t bytes) : bytes_(bytes), budget_(current_memory_budget()) {
    if (budget_) budget_->charge(bytes_);
    data_ = acquire_block(static_cast<size_t>(bytes_));
    if (data_ == nullptr) {
      if (budget_) budget_->credit(bytes_);
      throw RuntimeError(PyExc::MemoryError,
                         "out of memory allocating " + std::to_string(bytes_) + " bytes");
    }
  }
  ~Buffer() {
    release_block(data_, static_cast<size_t>(bytes_));
    if (budget_) budget_->credit(bytes_);
  }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  void* data() const { return data_; }

 private:
  int64_t bytes_;
  std::shared_ptr<MemoryBudget> budget_;
  void* data_ = nullptr;
};

Tensor Tensor::empty(DType dtype, const Shape& shape) {
  Tensor t;
  t.dtype_ = dtype;
  t.shape_ = shape;
  t.numel_ = shape.numel();
  int64_t bytes = 0;
  if (__builtin_mul_overflow(t.numel_, dtype_size(dtype), &bytes) ||
      (!current_memory_budget() && bytes > kUnbudgetedMaxBytes)) {
    throw RuntimeError(PyExc::ValueError,
                       "array of shape " + shape.to_string() + " is too big to allocate");
  }
  t.buffer_ = std::make_shared<Buffer>(bytes);
  return t;
}

Tensor Tensor::zeros(DType dtype, const Shape& shape) {
  Tensor t = empty(dtype, shape);
  if (t.nbytes() > 0) std::memset(t.raw(), 0, static_cast<size_t>(t.nbytes()));
  return t;
}

void* Tensor::raw() {
  return buffer_ ? static_cast<char*>(buffer_->data()) + byte_offset_ : nullptr;
}
const void* Tensor::raw() const {
  return buffer_ ? static_cast<const char*>(buffer_->data()) + byte_offset_ : nullptr;
}

Tensor Tensor::clone() const {
  Tensor t = empty(dtype_, shape_);
  if (nbytes() > 0) std::memcpy(t.raw(), raw(), static_cast<size_t>(nbytes()));
  return t;
}

Tensor Tensor::reshaped(const Shape& shape) const {
  if (shape.numel() != numel_) {
    throw RuntimeError(PyExc::ValueError, "cannot reshape array of size " + std::to_string(numel_) +
                                              " into shape " + shape.to_string());
  }
  Tensor t = *this;
  t.shape_ = shape;
  return t;
}

Tensor Tensor::block(int64_t offset, const Shape& shape) const {
  Tensor t;
  t.dtype_ = dtype_;
  t.shape_ = shape;
  t.numel_ = shape.numel();
  t.byte_offset_ = byte_offset_ + offset * dtype_size(dtype_);
  t.buffer_ = buffer_;
  return t;
}

void Tensor::assign_block(const Tensor& base, int64_t offset, const Shape& shape) {
  if (buffer_ != base.buffer_ || this == &base) {
    *this = base.block(offset, shape);
    return;
  }
  dtype_ = base.dtype_;
  shape_ = shape;
  numel_ = shape.numel();
  byte_offset_ = base.byte_offset_ + offset * dtype_size(base.dtype_);
}

double Tensor::get_as_double(int64_t i) const {
  return dispatch_any_dtype(
      dtype_, [&](auto tag) { return convert_element<double>(data<decltype(tag)>()[i]); });
}

int64_t Tensor::get_as_int(int64_t i) const {
  return dispatch_any_dtype(
      dtype_, [&](auto tag) { return convert_element<int64_t>(data<decltype(tag)>()[i]); });
}

bool Tensor::get_as_bool(int64_t i) const {
  return dispatch_any_dtype(
      dtype_, [&](auto tag) { return convert_element<bool>(data<decltype(tag)>()[i]); });
}

void throw_narrow_dtype_in_kernel(DType dtype) {
  throw std::logic_error("a " + std::string(dtype_name(dtype)) +
                         " array reached a kernel that computes only in bool, int32, int64, "
                         "float32 and float64");
}

}  // namespace pygraft::rt
