// runtime/simd_targets.h over Highway's target mock (or nothing).
#include "runtime/simd_targets.h"

#ifdef PYGRAFT_HAVE_HWY
#include <hwy/targets.h>
#endif

namespace pygraft::rt {

void for_each_simd_target(const std::function<void(const std::string& name)>& run) {
#ifdef PYGRAFT_HAVE_HWY
  for (const int64_t target : hwy::SupportedAndGeneratedTargets()) {
    hwy::SetSupportedTargetsForTest(target);
    run(hwy::TargetName(target));
  }
  hwy::SetSupportedTargetsForTest(0);  // back to the best one
#else
  run("none");
#endif
}

}  // namespace pygraft::rt
