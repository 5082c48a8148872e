// Generator.choice(a, size=None, replace=True, p=None) as NumPy 1.24 runs
// it: a an int (draws from range(a)) or a 1-D array; without p, integers(0,
// len) per draw; with p, one random() per draw looked up in the normalised
// cumulative sum (searchsorted, side='right'). NumPy's checks of a and p,
// in NumPy's order and words.
#include <algorithm>
#include <cmath>
#include <vector>

#include "runtime/cast.h"
#include "runtime/indexing.h"
#include "runtime/random_distributions.h"
#include "runtime/random_kernel_args.h"

namespace pygraft::rt {

namespace {

using random::Pcg64;

// What choice draws from: range(size) when `items` is empty.
struct Population {
  int64_t size = 0;
  std::optional<Tensor> items;
};

Population population_of(const Value& a, bool no_samples) {
  Population pop;
  const bool integral =
      a.is<int64_t>() || a.is<bool>() ||
      (a.is<Tensor>() && a.as<Tensor>().rank() == 0 && is_integer(a.as<Tensor>().dtype()));
  if (integral) {
    pop.size = to_int64(a, "a");
    if (pop.size <= 0 && !no_samples) {
      throw RuntimeError(PyExc::ValueError,
                         "a must be a positive integer unless no samples are taken");
    }
    return pop;
  }
  if (a.is_py_scalar() || (a.is<Tensor>() && a.as<Tensor>().rank() == 0)) {
    throw RuntimeError(PyExc::ValueError,
                       "a must be a sequence or an integer, not <class '" + type_name(a) + "'>");
  }
  Tensor items = to_tensor(a);
  if (items.rank() != 1) {
    throw RuntimeError(PyExc::NotImplementedError,
                       "pygraft: Generator.choice draws from an int or a 1-D array, not from "
                       "an array of " +
                           std::to_string(items.rank()) + " dimensions");
  }
  pop.size = items.numel();
  if (pop.size == 0 && !no_samples) {
    throw RuntimeError(PyExc::ValueError, "a cannot be empty unless no samples are taken");
  }
  pop.items = std::move(items);
  return pop;
}

// NumPy's compensated sum of p, which its tolerance check reads.
double kahan_sum(const double* values, int64_t n) {
  if (n == 0) return 0.0;
  double sum = values[0], carry = 0.0;
  for (int64_t i = 1; i < n; ++i) {
    const double y = values[i] - carry;
    const double t = sum + y;
    carry = (t - sum) - y;
    sum = t;
  }
  return sum;
}

// p as float64, checked as NumPy checks it.
Tensor probabilities(const Value& p, int64_t population) {
  const Tensor given = to_tensor(p);
  double tolerance = std::sqrt(2.220446049250313e-16);
  if (p.is<Tensor>() && given.dtype() == DType::Float32)
    tolerance = std::max(tolerance, std::sqrt(1.1920929e-07));
  Tensor probs = cast(given, DType::Float64);
  if (probs.rank() != 1) throw RuntimeError(PyExc::ValueError, "p must be 1-dimensional");
  if (probs.numel() != population)
    throw RuntimeError(PyExc::ValueError, "a and p must have same size");
  const double* values = probs.data<double>();
  const double sum = kahan_sum(values, probs.numel());
  if (std::isnan(sum)) throw RuntimeError(PyExc::ValueError, "probabilities contain NaN");
  for (int64_t i = 0; i < probs.numel(); ++i) {
    if (values[i] < 0) throw RuntimeError(PyExc::ValueError, "probabilities are not non-negative");
  }
  if (std::fabs(sum - 1.0) > tolerance)
    throw RuntimeError(PyExc::ValueError, "probabilities do not sum to 1");
  return probs;
}

// The indices drawn: integers(0, n) each, or with p the count of cdf
// entries <= random() each.
std::vector<int64_t> draw_indices(Pcg64& bits, int64_t count, int64_t population,
                                  const std::optional<Tensor>& probs) {
  std::vector<int64_t> indices(static_cast<size_t>(count));
  if (!probs) {
    for (int64_t& index : indices) {
      index = static_cast<int64_t>(
          random::bounded_uint64(bits, 0, static_cast<uint64_t>(population - 1)));
    }
    return indices;
  }
  std::vector<double> cdf(static_cast<size_t>(population));
  double running = 0.0;
  for (int64_t i = 0; i < population; ++i) cdf[i] = running += probs->data<double>()[i];
  const double last = cdf.back();
  for (double& c : cdf) c /= last;
  for (int64_t& index : indices) {
    const double u = bits.next_double();
    index = std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin();
  }
  return indices;
}

// The drawn items: the indices themselves for an int a, else a's items.
Value drawn_items(const Population& pop, const std::vector<int64_t>& indices,
                  const std::optional<Shape>& shape) {
  if (!pop.items) {
    if (!shape) return Value(indices[0]);  // a Python int, as NumPy's .item()
    Tensor out = Tensor::empty(DType::Int64, *shape);
    std::copy(indices.begin(), indices.end(), out.data<int64_t>());
    return Value(std::move(out));
  }
  const Tensor& items = *pop.items;
  Tensor out = Tensor::empty(items.dtype(), shape ? *shape : Shape{});
  dispatch_dtype(items.dtype(), [&](auto tag) {
    using T = decltype(tag);
    const T* from = items.data<T>();
    T* to = out.data<T>();
    for (size_t i = 0; i < indices.size(); ++i) to[i] = from[indices[i]];
  });
  return Value(std::move(out));  // size=None: a 0-d array, NumPy's scalar
}

}  // namespace

void kernel_rng_choice(KernelContext& ctx) {
  Pcg64 bits = generator_of(ctx.inputs[0], "choice");
  const std::optional<Shape> shape = size_of(ctx.inputs[2]);
  const int64_t count = shape ? shape->numel() : 1;
  const Population pop = population_of(ctx.inputs[1], count == 0 && shape);
  if (!bool_arg(ctx.inputs[3], "replace")) {
    throw RuntimeError(PyExc::NotImplementedError,
                       "pygraft: Generator.choice(..., replace=False) is not supported");
  }
  std::optional<Tensor> probs;
  if (!ctx.inputs[4].is_none()) probs = probabilities(ctx.inputs[4], pop.size);
  const std::vector<int64_t> indices = draw_indices(bits, count, pop.size, probs);
  give_draws(ctx, bits, drawn_items(pop, indices, shape));
}

}  // namespace pygraft::rt
