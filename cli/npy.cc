// .npy reading and writing (see cli/npy.h).
#include "cli/npy.h"

#include <cstring>

#include "cli/npy_header.h"
#include "runtime/runtime_error.h"

namespace pygraft::cli {
namespace {

using rt::Tensor;

constexpr std::string_view kMagic = "\x93NUMPY";
constexpr size_t kAlignment = 64;

std::string shape_text(const std::vector<int64_t>& dims) {
  std::string out = "(";
  for (size_t i = 0; i < dims.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(dims[i]);
  }
  return out + (dims.size() == 1 ? ",)" : ")");
}

uint32_t read_little_endian(std::string_view bytes, size_t offset, size_t width) {
  uint32_t value = 0;
  for (size_t i = 0; i < width; ++i) {
    value |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[offset + i])) << (8 * i);
  }
  return value;
}

// Splits the file into header text and data, checking magic, version and
// header length against the file size.
Result<std::pair<std::string_view, std::string_view>> split_npy(std::string_view bytes) {
  using R = Result<std::pair<std::string_view, std::string_view>>;
  if (bytes.size() < kMagic.size() || bytes.substr(0, kMagic.size()) != kMagic) {
    return R::failure("not a .npy file (bad magic string)");
  }
  if (bytes.size() < 8) return R::failure("truncated .npy file (no version)");
  auto major = static_cast<unsigned char>(bytes[6]);
  auto minor = static_cast<unsigned char>(bytes[7]);
  if (major < 1 || major > 3 || minor != 0) {
    return R::failure("unsupported .npy format version " + std::to_string(major) + "." +
                      std::to_string(minor) + " (expected 1.0, 2.0 or 3.0)");
  }
  size_t width = major == 1 ? 2 : 4;
  size_t prefix = 8 + width;
  if (bytes.size() < prefix) return R::failure("truncated .npy file (no header length)");
  size_t header_length = read_little_endian(bytes, 8, width);
  if (header_length > kMaxNpyHeaderBytes) {
    return R::failure("header length " + std::to_string(header_length) + " is too large");
  }
  if (bytes.size() - prefix < header_length) return R::failure("truncated .npy header");
  return std::pair{bytes.substr(prefix, header_length), bytes.substr(prefix + header_length)};
}

Result<rt::Shape> checked_shape(const std::vector<int64_t>& dims, int64_t item_size,
                                int64_t& nbytes) {
  using R = Result<rt::Shape>;
  if (dims.size() > static_cast<size_t>(rt::kMaxRank)) {
    return R::failure("array has " + std::to_string(dims.size()) + " dimensions; at most " +
                      std::to_string(rt::kMaxRank) + " are supported");
  }
  int64_t numel = 1;
  for (int64_t d : dims) {
    if (__builtin_mul_overflow(numel, d, &numel)) return R::failure("shape is too large");
  }
  if (__builtin_mul_overflow(numel, item_size, &nbytes)) return R::failure("shape is too large");
  return rt::Shape(std::span<const int64_t>(dims));
}

// Copies column-major `data` into the row-major tensor, element by element.
void copy_fortran_order(std::string_view data, Tensor& out) {
  const rt::Shape& shape = out.shape();
  int rank = shape.rank();
  auto strides = rt::contiguous_strides(shape);
  auto item = static_cast<size_t>(dtype_size(out.dtype()));
  std::array<int64_t, rt::kMaxRank> index{};
  auto* dest = static_cast<char*>(out.raw());
  for (int64_t k = 0; k < out.numel(); ++k) {
    int64_t offset = 0;
    for (int axis = 0; axis < rank; ++axis) offset += index[axis] * strides[axis];
    std::memcpy(dest + offset * item, data.data() + k * item, item);
    for (int axis = 0; axis < rank; ++axis) {  // the first axis varies fastest
      if (++index[axis] < shape[axis]) break;
      index[axis] = 0;
    }
  }
}

// NumPy bools are bytes that should be 0 or 1; any other byte reads as true
// (and must never reach a C++ bool as-is).
void normalize_bools(Tensor& tensor) {
  auto* bytes = static_cast<unsigned char*>(tensor.raw());
  for (int64_t i = 0; i < tensor.numel(); ++i) bytes[i] = bytes[i] != 0 ? 1 : 0;
}

Result<Tensor> make_tensor(const NpyHeader& header, std::string_view data) {
  int64_t nbytes = 0;
  Result<rt::Shape> shape = checked_shape(header.shape, dtype_size(header.dtype), nbytes);
  if (!shape.ok()) return Result<Tensor>::failure(shape.error());
  if (static_cast<uint64_t>(nbytes) != data.size()) {
    return Result<Tensor>::failure("data size mismatch: shape " + shape_text(header.shape) +
                                   " of " + std::string(npy_descr(header.dtype)) + " needs " +
                                   std::to_string(nbytes) + " bytes of data but the file has " +
                                   std::to_string(data.size()));
  }
  Tensor tensor;
  try {
    tensor = Tensor::empty(header.dtype, shape.value());
  } catch (const rt::RuntimeError& e) {
    return Result<Tensor>::failure(e.what());
  }
  if (nbytes == 0) return tensor;
  if (header.fortran_order) {
    copy_fortran_order(data, tensor);
  } else {
    std::memcpy(tensor.raw(), data.data(), data.size());
  }
  if (header.dtype == DType::Bool) normalize_bools(tensor);
  return tensor;
}

}  // namespace

Result<Tensor> parse_npy(std::string_view bytes) {
  auto parts = split_npy(bytes);
  if (!parts.ok()) return Result<Tensor>::failure(parts.error());
  Result<NpyHeader> header = parse_npy_header(parts.value().first);
  if (!header.ok()) return Result<Tensor>::failure("bad .npy header: " + header.error());
  return make_tensor(header.value(), parts.value().second);
}

std::string encode_npy(const Tensor& tensor) {
  std::vector<int64_t> dims(tensor.shape().begin(), tensor.shape().end());
  std::string header = "{'descr': '" + std::string(npy_descr(tensor.dtype())) +
                       "', 'fortran_order': False, 'shape': " + shape_text(dims) + ", }";
  // Pad with spaces so that the data starts on a 64-byte boundary.
  size_t unpadded = kMagic.size() + 4 + header.size() + 1;
  header.append((kAlignment - unpadded % kAlignment) % kAlignment, ' ');
  header += '\n';
  std::string out(kMagic);
  out += '\x01';
  out += '\x00';
  out += static_cast<char>(header.size() & 0xFF);
  out += static_cast<char>((header.size() >> 8) & 0xFF);
  out += header;
  if (tensor.nbytes() > 0) {
    out.append(static_cast<const char*>(tensor.raw()), static_cast<size_t>(tensor.nbytes()));
  }
  return out;
}

}  // namespace pygraft::cli
