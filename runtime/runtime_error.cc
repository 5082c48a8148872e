#include "runtime/runtime_error.h"

namespace pygraft::rt {

std::string_view exception_name(PyExc kind) {
  switch (kind) {
    case PyExc::Unspecified:
      return "";
    case PyExc::TypeError:
      return "TypeError";
    case PyExc::ValueError:
      return "ValueError";
    case PyExc::IndexError:
      return "IndexError";
    case PyExc::KeyError:
      return "KeyError";
    case PyExc::AxisError:
      return "AxisError";
    case PyExc::ZeroDivisionError:
      return "ZeroDivisionError";
    case PyExc::OverflowError:
      return "OverflowError";
    case PyExc::AttributeError:
      return "AttributeError";
    case PyExc::AssertionError:
      return "AssertionError";
    case PyExc::UnboundLocalError:
      return "UnboundLocalError";
    case PyExc::NotImplementedError:
      return "NotImplementedError";
    case PyExc::RecursionError:
      return "RecursionError";
    case PyExc::MemoryError:
      return "MemoryError";
    case PyExc::LinAlgError:
      return "LinAlgError";
    case PyExc::RuntimeError:
      return "RuntimeError";
    case PyExc::Exception:
      return "Exception";
    case PyExc::ArithmeticError:
      return "ArithmeticError";
    case PyExc::LookupError:
      return "LookupError";
    case PyExc::FloatingPointError:
      return "FloatingPointError";
    case PyExc::LimitExceeded:
      return "LimitExceeded";
    case PyExc::InternalError:
      return "InternalError";
  }
  return "";
}

std::optional<PyExc> exception_of_name(std::string_view name) {
  for (int k = 1; k <= static_cast<int>(PyExc::FloatingPointError); ++k) {
    if (exception_name(static_cast<PyExc>(k)) == name) return static_cast<PyExc>(k);
  }
  return std::nullopt;
}

}  // namespace pygraft::rt
