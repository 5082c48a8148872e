// np.finfo and np.iinfo facts of a dtype, shared by the runtime (the
// type_info kernel) and the IR's static types (their values are constants).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "graph/dtype.h"

namespace pygraft {

// np.finfo(dtype).FIELD for a float dtype: eps, epsneg, max, min, tiny,
// smallest_normal, resolution (0 for other fields).
double finfo_field(DType dtype, std::string_view field);

// np.iinfo(dtype).FIELD for an integer dtype: min or max; nullopt for
// uint64's max (2**64 - 1 does not fit an int64).
std::optional<int64_t> iinfo_field(DType dtype, std::string_view field);

}  // namespace pygraft
