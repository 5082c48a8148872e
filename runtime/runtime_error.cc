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
    case PyExc::LimitExceeded:
      return "LimitExceeded";
    case PyExc::InternalError:
      return "InternalError";
  }
  return "";
}

}  // namespace pygraft::rt
