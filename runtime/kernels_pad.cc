// np.pad(array, pad_width, mode, constant_values) for the modes ML code
// uses: 'constant', 'edge', 'reflect', 'symmetric' and 'wrap'.
#include <string>
#include <vector>

#include "runtime/cast.h"
#include "runtime/kernel.h"

namespace pygraft::rt {

namespace {

struct PadWidth {
  int64_t before = 0, after = 0;
};

// pad_width as NumPy reads it: n, (n,), (before, after), or one pair per axis.
std::vector<PadWidth> pad_widths(const Value& spec, int rank) {
  const Tensor t = cast(to_tensor(spec), DType::Int64);
  const int64_t* w = t.data<int64_t>();
  std::vector<PadWidth> out(static_cast<size_t>(rank));
  for (int d = 0; d < rank; ++d) {
    if (t.numel() == 1) {
      out[d] = {w[0], w[0]};
    } else if (t.numel() == 2 && t.rank() <= 2 && (t.rank() == 1 || t.shape()[0] == 1)) {
      out[d] = {w[0], w[1]};
    } else if (t.rank() == 2 && t.shape()[0] == rank && t.shape()[1] == 2) {
      out[d] = {w[2 * d], w[2 * d + 1]};
    } else {
      throw RuntimeError(PyExc::ValueError,
                         "operands could not be broadcast together with "
                         "remapped shapes [original->remapped]: pad_width");
    }
    if (out[d].before < 0 || out[d].after < 0) {
      throw RuntimeError(PyExc::ValueError, "index can't contain negative values");
    }
  }
  return out;
}

// The source index along an axis of length n for output position i - before
// (outside [0, n) for the padding); -1 for a constant.
int64_t source_index(int64_t i, int64_t n, const std::string& mode) {
  if (i >= 0 && i < n) return i;
  if (mode == "constant") return -1;
  if (mode == "wrap") return ((i % n) + n) % n;
  if (mode == "edge" || n == 1) return i < 0 ? 0 : n - 1;
  if (mode == "reflect") {
    const int64_t period = 2 * (n - 1);
    int64_t k = ((i % period) + period) % period;
    return k < n ? k : period - k;
  }
  // symmetric: the edge is repeated
  const int64_t period = 2 * n;
  int64_t k = ((i % period) + period) % period;
  return k < n ? k : period - 1 - k;
}

}  // namespace

void kernel_pad(KernelContext& ctx) {
  const Tensor a = to_tensor(ctx.inputs[0]);
  if (!ctx.inputs[2].is<StrValue>()) {
    throw RuntimeError(PyExc::TypeError, "np.pad: mode must be a str");
  }
  const std::string mode = *ctx.inputs[2].as<StrValue>().text;
  if (mode != "constant" && mode != "edge" && mode != "reflect" && mode != "symmetric" &&
      mode != "wrap") {
    throw RuntimeError(PyExc::ValueError, "mode '" + mode + "' is not supported");
  }
  const int rank = a.rank();
  const std::vector<PadWidth> widths = pad_widths(ctx.inputs[1], rank);
  Shape shape = a.shape();
  for (int d = 0; d < rank; ++d) {
    if (mode != "constant" && a.shape()[d] == 0 && widths[d].before + widths[d].after > 0) {
      throw RuntimeError(PyExc::ValueError, "can't extend empty axis " + std::to_string(d) +
                                                " using modes other than 'constant' or 'empty'");
    }
    shape[d] = a.shape()[d] + widths[d].before + widths[d].after;
  }
  Tensor out = Tensor::empty(a.dtype(), shape);
  const Tensor fill = cast(to_tensor(ctx.inputs[3]), a.dtype());
  dispatch_dtype(a.dtype(), [&](auto tag) {
    using T = decltype(tag);
    const T* src = a.data<T>();
    T* dst = out.data<T>();
    const T constant = fill.numel() > 0 ? fill.data<T>()[0] : T{};
    std::vector<int64_t> index(static_cast<size_t>(rank), 0);
    for (int64_t flat = 0; flat < out.numel(); ++flat) {
      int64_t offset = 0;
      bool inside = true;
      for (int d = 0; d < rank && inside; ++d) {
        const int64_t s = source_index(index[d] - widths[d].before, a.shape()[d], mode);
        inside = s >= 0;
        offset = offset * a.shape()[d] + s;
      }
      dst[flat] = inside ? src[offset] : constant;
      for (int d = rank - 1; d >= 0; --d) {  // next output index, row-major
        if (++index[d] < shape[d]) break;
        index[d] = 0;
      }
    }
  });
  ctx.outputs[0] = std::move(out);
}

}  // namespace pygraft::rt
