// A value or a message for the user: how the CLI's helpers report bad input
// (missing files, lying .npy headers, malformed ARGs) without exceptions.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace pygraft::cli {

template <class T>
class Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  static Result failure(std::string message) {
    return Result(std::in_place_index<1>, std::move(message));
  }

  bool ok() const { return state_.index() == 0; }
  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const std::string& error() const { return std::get<1>(state_); }

 private:
  template <size_t I>
  Result(std::in_place_index_t<I> tag, std::string message) : state_(tag, std::move(message)) {}

  std::variant<T, std::string> state_;
};

}  // namespace pygraft::cli
