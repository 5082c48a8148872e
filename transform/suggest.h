// "Did you mean ...?" suggestions for misspelled names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pygraft::transform {

// The candidate closest to `name` by edit distance, if it is close enough to
// be a plausible typo (about a third of the name's length, at least 1 edit).
std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string_view>& candidates);

// " (did you mean 'x'?)" with `prefix` before x, or "" when nothing is close.
std::string did_you_mean(std::string_view name, const std::vector<std::string_view>& candidates,
                         std::string_view prefix = "");

}  // namespace pygraft::transform
