// The instruction sets the SIMD kernels (runtime/simd_math.h,
// runtime/simd_gemm.h) are compiled for, so that tests can run them on each
// one the CPU supports: a machine with AVX-512 otherwise only ever runs the
// AVX-512 code, and an AVX2 or SSE4 user would be the first to run theirs.
#pragma once

#include <functional>
#include <string>

namespace pygraft::rt {

// Calls run(name) once per instruction set that is compiled in and that this
// CPU supports, with every SIMD kernel dispatched to it; the best one is
// chosen again afterwards. Without Highway, calls run("none") once.
// Note: for tests; not thread-safe against kernels running meanwhile.
void for_each_simd_target(const std::function<void(const std::string& name)>& run);

}  // namespace pygraft::rt
