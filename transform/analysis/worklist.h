// The worklist of an iterative dataflow solve over a Cfg: blocks come out in
// a fixed priority order (reverse post-order for a forward problem,
// post-order for a backward one), each at most once per change of its
// inputs. With that order, a function without loops is solved in one visit
// per block, and each loop adds one more visit of its body per nesting level
// at most, never a visit per enclosing loop.
#pragma once

#include <cstddef>
#include <functional>
#include <queue>
#include <vector>

namespace pygraft::transform {

class BlockWorklist {
 public:
  // `order`: every block once, highest priority first. All start queued.
  explicit BlockWorklist(const std::vector<size_t>& order)
      : order_(order), rank_(order.size()), queued_(order.size(), true) {
    for (size_t i = 0; i < order.size(); ++i) {
      rank_[order[i]] = i;
      heap_.push(i);
    }
  }

  // The queued block of highest priority; false when none is left.
  bool pop(size_t& block) {
    if (heap_.empty()) return false;
    size_t rank = heap_.top();
    heap_.pop();
    block = order_[rank];
    queued_[block] = false;
    return true;
  }

  void push(size_t block) {
    if (queued_[block]) return;
    queued_[block] = true;
    heap_.push(rank_[block]);
  }

 private:
  std::vector<size_t> order_;
  std::vector<size_t> rank_;
  std::vector<bool> queued_;
  std::priority_queue<size_t, std::vector<size_t>, std::greater<>> heap_;
};

}  // namespace pygraft::transform
