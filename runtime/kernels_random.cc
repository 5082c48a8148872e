// np.random.default_rng(seed) and the Generator's draws other than choice
// (kernels_random_choice.cc): random, standard_normal, normal, uniform,
// integers. Each gives NumPy's numbers for NumPy's seed, in NumPy's order,
// with NumPy's checks and messages; size=None gives what NumPy gives (a
// Python float; np.int64 from integers).
#include <cmath>
#include <vector>

#include "runtime/broadcast.h"
#include "runtime/cast.h"
#include "runtime/format.h"
#include "runtime/indexing.h"
#include "runtime/random_distributions.h"
#include "runtime/random_kernel_args.h"
#include "runtime/random_seed_sequence.h"

namespace pygraft::rt {

namespace {

using random::Pcg64;

uint64_t seed_of(const Value& seed) {
  if (seed.is_none()) {
    throw RuntimeError(PyExc::ValueError,
                       "np.random.default_rng(None) seeds from the operating system, which "
                       "pygraft does not do: give an int seed");
  }
  if (seed.is<GeneratorValue>()) {
    // NumPy gives the generator itself, shared: two names for one generator.
    throw RuntimeError(PyExc::NotImplementedError,
                       "pygraft: np.random.default_rng(generator) is not supported (both names "
                       "would share one generator); draw from the generator itself");
  }
  const bool integral =
      seed.is<int64_t>() || seed.is<bool>() ||
      (seed.is<Tensor>() && seed.as<Tensor>().rank() == 0 && is_integer(seed.as<Tensor>().dtype()));
  if (!integral) {
    // NumPy shows the seed's str(); a short stand-in for values without one here.
    const std::string shown = seed.is<double>()     ? python_float_repr(seed.as<double>())
                              : seed.is<StrValue>() ? *seed.as<StrValue>().text
                                                    : "a '" + type_name(seed) + "'";
    throw RuntimeError(PyExc::TypeError,
                       "SeedSequence expects int or sequence of ints for entropy not " + shown);
  }
  const int64_t value = to_int64(seed, "seed");
  if (value < 0) throw RuntimeError(PyExc::ValueError, "expected non-negative integer");
  return static_cast<uint64_t>(value);
}

// One double per element of size (or a Python float for size=None).
template <class Draw>
Value draw_doubles(Pcg64& bits, const Value& size, Draw draw) {
  const std::optional<Shape> shape = size_of(size);
  if (!shape) return Value(draw(bits, 0));
  Tensor out = Tensor::empty(DType::Float64, *shape);
  double* data = out.data<double>();
  for (int64_t i = 0; i < out.numel(); ++i) data[i] = draw(bits, i);
  return Value(std::move(out));
}

bool is_scalar_operand(const Value& v) {
  return v.is_py_scalar() || (v.is<Tensor>() && v.as<Tensor>().rank() == 0);
}

// loc/scale or low/range as float64 arrays of the draws' shape (NumPy's
// broadcasting of the parameters, then of size when given).
struct ParameterArrays {
  Tensor first, second;
  Shape shape;
};

// NumPy's np.broadcast message for parameter shapes that do not broadcast.
RuntimeError mismatch_error(const Shape& first, const Shape& second) {
  return RuntimeError(PyExc::ValueError,
                      "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch "
                      "is between arg 0 with shape " +
                          compact_shape(first) + " and arg 1 with shape " + compact_shape(second) +
                          ".");
}

ParameterArrays broadcast_parameters(const Value& a, const Value& b, const Value& size) {
  ParameterArrays p{cast(to_tensor(a), DType::Float64), cast(to_tensor(b), DType::Float64), {}};
  const std::vector<Shape> shapes = {p.first.shape(), p.second.shape()};
  try {
    p.shape = broadcast_shapes(shapes);
  } catch (const RuntimeError&) {
    throw mismatch_error(p.first.shape(), p.second.shape());
  }
  if (std::optional<Shape> given = size_of(size)) {
    const std::vector<Shape> with_size = {*given, p.shape};
    bool fits = false;
    try {
      fits = broadcast_shapes(with_size) == *given;
    } catch (const RuntimeError&) {
      fits = false;
    }
    if (!fits) throw mismatch_error(*given, p.shape);
    p.shape = *given;
  }
  p.first = broadcast_to(p.first, p.shape);
  p.second = broadcast_to(p.second, p.shape);
  return p;
}

// The two-parameter continuous draws: first + second * draw(bits), scalar
// parameters taking NumPy's scalar path.
template <class Draw>
Value draw_affine(Pcg64& bits, const Value& first, const Value& second, const Value& size,
                  Draw draw) {
  if (is_scalar_operand(first) && is_scalar_operand(second)) {
    const double a = to_double(first, "loc"), b = to_double(second, "scale");
    return draw_doubles(bits, size, [&](Pcg64& g, int64_t) { return a + b * draw(g); });
  }
  const ParameterArrays p = broadcast_parameters(first, second, size);
  const double* a = p.first.data<double>();
  const double* b = p.second.data<double>();
  Tensor out = Tensor::empty(DType::Float64, p.shape);
  double* data = out.data<double>();
  for (int64_t i = 0; i < out.numel(); ++i) data[i] = a[i] + b[i] * draw(bits);
  return Value(std::move(out));
}

bool any_negative(const Value& scale) {
  if (is_scalar_operand(scale)) {
    const double s = to_double(scale, "scale");
    return !std::isnan(s) && std::signbit(s);
  }
  const Tensor t = cast(to_tensor(scale), DType::Float64);
  for (int64_t i = 0; i < t.numel(); ++i) {
    const double s = t.data<double>()[i];
    if (!std::isnan(s) && std::signbit(s)) return true;
  }
  return false;
}

// high - low, checked finite as NumPy's uniform checks it.
Value uniform_range(const Value& low, const Value& high) {
  if (is_scalar_operand(low) && is_scalar_operand(high)) {
    const double range = to_double(high, "high") - to_double(low, "low");
    if (!std::isfinite(range))
      throw RuntimeError(PyExc::OverflowError, "high - low range exceeds valid bounds");
    return Value(range);
  }
  Tensor lo = cast(to_tensor(low), DType::Float64), hi = cast(to_tensor(high), DType::Float64);
  const std::vector<Shape> shapes = {hi.shape(), lo.shape()};  // NumPy's high - low
  const Shape shape = broadcast_shapes(shapes);
  lo = broadcast_to(lo, shape);
  hi = broadcast_to(hi, shape);
  Tensor range = Tensor::empty(DType::Float64, shape);
  for (int64_t i = 0; i < range.numel(); ++i) {
    range.data<double>()[i] = hi.data<double>()[i] - lo.data<double>()[i];
    if (!std::isfinite(range.data<double>()[i]))
      throw RuntimeError(PyExc::OverflowError, "Range exceeds valid bounds");
  }
  return Value(std::move(range));
}

// An integers() bound: NumPy takes int() of a scalar; arrays of bounds
// (broadcast per element) are not supported.
__int128 integer_bound(const Value& v, const char* name) {
  if (!is_scalar_operand(v)) {
    throw RuntimeError(PyExc::NotImplementedError,
                       std::string("pygraft: Generator.integers takes a scalar ") + name +
                           ", not a '" + type_name(v) + "' (draw in a loop instead)");
  }
  if (v.is<double>() || (v.is<Tensor>() && is_float(v.as<Tensor>().dtype()))) {
    const double d = to_double(v, name);
    if (!std::isfinite(d) || std::fabs(d) >= 9.2233720368547758e18) {
      throw RuntimeError(PyExc::ValueError, std::string(name) + " is out of bounds for int64");
    }
    return static_cast<__int128>(static_cast<int64_t>(d));
  }
  return to_int64(v, name);
}

// `dtype=` of random / standard_normal: float64 (the default) or float32.
DType float_dtype_of(const Value& dtype, const char* method) {
  const DType given = dtype_arg(dtype).value_or(DType::Float64);
  if (given != DType::Float64 && given != DType::Float32) {
    throw RuntimeError(PyExc::TypeError, "Unsupported dtype dtype('" +
                                             std::string(dtype_name(given)) + "') for " + method);
  }
  return given;
}

// `dtype=` of integers: int64 (the default) or int32.
DType integer_dtype_of(const Value& dtype) {
  const DType given = dtype_arg(dtype).value_or(DType::Int64);
  if (given == DType::Bool) {
    throw RuntimeError(PyExc::NotImplementedError,
                       "pygraft: Generator.integers(dtype=bool) is not supported");
  }
  if (given != DType::Int64 && given != DType::Int32) {
    throw RuntimeError(PyExc::TypeError, "Unsupported dtype dtype('" +
                                             std::string(dtype_name(given)) + "') for integers");
  }
  return given;
}

// The closed interval [low, high] within the dtype and not empty, in NumPy's words.
void check_integer_bounds(__int128 low, __int128 high, bool endpoint, DType dtype) {
  const bool int32 = dtype == DType::Int32;
  const __int128 smallest = int32 ? INT32_MIN : INT64_MIN;
  const __int128 largest = int32 ? INT32_MAX : INT64_MAX;
  const std::string name = int32 ? "int32" : "int64";
  if (low < smallest) throw RuntimeError(PyExc::ValueError, "low is out of bounds for " + name);
  if (high > largest) throw RuntimeError(PyExc::ValueError, "high is out of bounds for " + name);
  if (low > high) {
    const char* message = endpoint ? "low > high" : low == 0 ? "high <= 0" : "low >= high";
    throw RuntimeError(PyExc::ValueError, message);
  }
}

// random(dtype=np.float32): 24 bits of a 32-bit draw each; size=None gives
// a Python float, as NumPy does.
Value draw_floats(Pcg64& bits, const Value& size) {
  auto next = [&] { return static_cast<float>(bits.next_uint32() >> 8) * (1.0F / 16777216.0F); };
  const std::optional<Shape> shape = size_of(size);
  if (!shape) return Value(static_cast<double>(next()));
  Tensor out = Tensor::empty(DType::Float32, *shape);
  float* data = out.data<float>();
  for (int64_t i = 0; i < out.numel(); ++i) data[i] = next();
  return Value(std::move(out));
}

}  // namespace

void kernel_default_rng(KernelContext& ctx) {
  ctx.outputs[0] =
      GeneratorValue{Pcg64::from_seed_words(random::pcg64_seed_words(seed_of(ctx.inputs[0])))};
}

void kernel_rng_random(KernelContext& ctx) {
  Pcg64 bits = generator_of(ctx.inputs[0], "random");
  const DType dtype = float_dtype_of(ctx.inputs[2], "random");
  if (dtype == DType::Float32) {
    give_draws(ctx, bits, draw_floats(bits, ctx.inputs[1]));
    return;
  }
  Value draws =
      draw_doubles(bits, ctx.inputs[1], [](Pcg64& g, int64_t) { return g.next_double(); });
  give_draws(ctx, bits, std::move(draws));
}

void kernel_rng_standard_normal(KernelContext& ctx) {
  Pcg64 bits = generator_of(ctx.inputs[0], "standard_normal");
  if (float_dtype_of(ctx.inputs[2], "standard_normal") == DType::Float32) {
    // Note: NumPy's float32 normals use their own 32-bit ziggurat.
    throw RuntimeError(PyExc::NotImplementedError,
                       "pygraft: Generator.standard_normal(dtype=np.float32) is not supported; "
                       "draw float64 and convert with .astype(np.float32)");
  }
  Value draws = draw_doubles(bits, ctx.inputs[1],
                             [](Pcg64& g, int64_t) { return random::standard_normal(g); });
  give_draws(ctx, bits, std::move(draws));
}

void kernel_rng_normal(KernelContext& ctx) {
  Pcg64 bits = generator_of(ctx.inputs[0], "normal");
  if (any_negative(ctx.inputs[2])) throw RuntimeError(PyExc::ValueError, "scale < 0");
  Value draws = draw_affine(bits, ctx.inputs[1], ctx.inputs[2], ctx.inputs[3],
                            [](Pcg64& g) { return random::standard_normal(g); });
  give_draws(ctx, bits, std::move(draws));
}

void kernel_rng_uniform(KernelContext& ctx) {
  Pcg64 bits = generator_of(ctx.inputs[0], "uniform");
  const Value range = uniform_range(ctx.inputs[1], ctx.inputs[2]);
  Value draws = draw_affine(bits, ctx.inputs[1], range, ctx.inputs[3],
                            [](Pcg64& g) { return g.next_double(); });
  give_draws(ctx, bits, std::move(draws));
}

// Operands (rng, low, high, size, dtype, endpoint). Note: NumPy's int32
// draws are its int64 draws for ranges that fit in 32 bits, which int32's do.
void kernel_rng_integers(KernelContext& ctx) {
  Pcg64 bits = generator_of(ctx.inputs[0], "integers");
  const DType dtype = integer_dtype_of(ctx.inputs[4]);
  const bool endpoint = bool_arg(ctx.inputs[5], "endpoint");
  const bool no_high = ctx.inputs[2].is_none();
  const __int128 low = no_high ? 0 : integer_bound(ctx.inputs[1], "low");
  __int128 high = integer_bound(ctx.inputs[no_high ? 1 : 2], "high");
  if (!endpoint) high -= 1;  // NumPy draws from the closed interval [low, high]
  check_integer_bounds(low, high, endpoint, dtype);
  const auto range = static_cast<uint64_t>(high - low);
  const auto off = static_cast<uint64_t>(static_cast<int64_t>(low));
  const std::optional<Shape> shape = size_of(ctx.inputs[3]);
  if (!shape) {
    const auto drawn = static_cast<int64_t>(random::bounded_uint64(bits, off, range));
    give_draws(ctx, bits, Value(Tensor::scalar(dtype, drawn)));
    return;
  }
  Tensor out = Tensor::empty(DType::Int64, *shape);
  int64_t* data = out.data<int64_t>();
  for (int64_t i = 0; i < out.numel(); ++i)
    data[i] = static_cast<int64_t>(random::bounded_uint64(bits, off, range));
  if (dtype == DType::Int32) out = cast(out, DType::Int32);
  give_draws(ctx, bits, Value(std::move(out)));
}

}  // namespace pygraft::rt
