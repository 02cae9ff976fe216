#pragma once
// Shared by every bind_<area>.cpp of the `relais` Python module: the bind
// functions, the type casters that must be identical in every translation
// unit (one definition rule), and the small argument helpers.
#include <relais/clock.h>
#include <relais/errors.h>
#include <relais/ids.h>

#include <pybind11/chrono.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <array>
#include <cstdint>
#include <functional>
#include <cctype>
#include <chrono>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace relais::python {

namespace py = pybind11;

void bind_errors(py::module_& m);
void bind_core(py::module_& m);
void bind_users(py::module_& m);
void bind_customers(py::module_& m);
void bind_workspace(py::module_& m);
void bind_duplicates(py::module_& m);
void bind_import(py::module_& m);
void bind_erp(py::module_& m);
void bind_desk(py::module_& m);
void bind_desk_import(py::module_& m);
void bind_search(py::module_& m);
void bind_reminders(py::module_& m);
void bind_inbox(py::module_& m);
void bind_surveys(py::module_& m);
void bind_dashboard(py::module_& m);
void bind_mail_connector(py::module_& m);

// An id argument: a relais.Uuid or its canonical text. A malformed text raises
// relais.InvalidInputError naming `field` (an implicit conversion would turn
// it into a bare TypeError).
using IdArg = std::variant<Uuid, std::string>;
Uuid to_uuid(const IdArg& id, std::string_view field = "id");

// The members of a bound enum, as the C++ library spells them ("assistant").
// Each area specialises it for its enums:
//   template <> struct EnumMembers<Role> { static constexpr std::array members{...}; };
template <typename Enum>
struct EnumMembers;

template <typename Enum>
std::string enum_name(Enum value) {
  for (const auto& [member, text] : EnumMembers<Enum>::members) {
    if (member == value) return text;
  }
  return std::to_string(static_cast<int>(value));
}

// Binds `Enum` with upper-case members (Role.ASSISTANT) whose str() is the
// library's lowercase name, so str(member) round-trips through to_enum().
template <typename Enum>
py::enum_<Enum> bind_enum(py::module_& m, const char* name, const char* doc) {
  py::enum_<Enum> cls(m, name, doc);
  for (const auto& [value, text] : EnumMembers<Enum>::members) {
    std::string upper(text);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    cls.value(upper.c_str(), value);
  }
  // Replaced, not def()'d: def() would chain behind pybind11's own __str__,
  // which accepts every member first.
  cls.attr("__str__") = py::cpp_function(&enum_name<Enum>, py::name("__str__"), py::is_method(cls),
                                         "The lowercase name, as accepted wherever this enum is.");
  return cls;
}

// An enum argument: the relais enum member or its lowercase name.
template <typename Enum>
using EnumArg = std::variant<Enum, std::string>;

// Raises relais.InvalidInputError naming `field` for an unknown name.
template <typename Enum>
Enum to_enum(const EnumArg<Enum>& arg, std::string_view field) {
  if (const auto* value = std::get_if<Enum>(&arg)) return *value;
  const auto& text = std::get<std::string>(arg);
  std::string expected;
  for (const auto& [value, name] : EnumMembers<Enum>::members) {
    if (text == name) return value;
    expected += (expected.empty() ? "" : ", ") + std::string(name);
  }
  throw InvalidInputError(std::string(field), text, "expected one of: " + expected);
}

// A duration argument: a datetime.timedelta or a number of seconds (pybind11's
// own caster takes a float but refuses an int such as timeout=2). The int has
// its own alternative because pybind11 converts no keyword-only argument of an
// overloaded function: an int would not become a double there.
using DurationArg = std::variant<std::chrono::microseconds, std::int64_t, double>;
std::chrono::microseconds to_duration(const DurationArg& duration);

// Python's repr() of a text, for __repr__ methods.
std::string quoted(const std::string& text);

// A progress callback for a long C++ call that runs without the GIL:
// progress=callable(done, total). The library calls function() on the calling
// thread, between batches; the relay takes the GIL for the Python call. The
// std::function captures only a pointer to the relay (the library may copy
// it without the GIL). An exception raised by the callable aborts the C++
// call (its batch rolls back) and is re-raised unchanged by call().
//
//   ProgressRelay relay(progress);
//   options.progress = relay.function<FinderProgress>(&FinderProgress::customers_done, &FinderProgress::customers_total);
//   return relay.call([&] { return service.find_duplicates(options); });
class ProgressRelay {
 public:
  explicit ProgressRelay(std::optional<py::function> callable) : callable_(std::move(callable)) {}

  template <typename Progress>
  std::function<void(const Progress&)> function(std::size_t Progress::*done, std::size_t Progress::*total) {
    if (!callable_) return {};
    return [this, done, total](const Progress& progress) { report(progress.*done, progress.*total); };
  }

  // Runs `call` with the GIL released; re-raises the callable's exception.
  template <typename Call>
  auto call(Call&& call) -> decltype(call()) {
    try {
      py::gil_scoped_release release;
      return call();
    } catch (...) {
      if (error_) std::rethrow_exception(error_);  // the GIL is held again here
      throw;
    }
  }

 private:
  struct Aborted : std::exception {
    const char* what() const noexcept override { return "aborted by the Python progress callback"; }
  };

  void report(std::size_t done, std::size_t total) {
    py::gil_scoped_acquire gil;
    try {
      (*callable_)(done, total);
    } catch (py::error_already_set&) {
      error_ = std::current_exception();
      throw Aborted();
    }
  }

  std::optional<py::function> callable_;
  std::exception_ptr error_;
};

}  // namespace relais::python

namespace pybind11::detail {

// relais::Timestamp <-> datetime.datetime, always in UTC. pybind11/chrono.h
// converts system_clock time points through the *local* time zone into naive
// datetimes, which would shift every stored time by the machine's offset, so
// this full specialisation replaces it. Out: an aware datetime (tzinfo=UTC).
// In: an aware datetime in any zone, or a naive one taken as UTC.
template <>
class type_caster<relais::Timestamp> {
 public:
  PYBIND11_TYPE_CASTER(relais::Timestamp, const_name("datetime.datetime"));
  bool load(handle source, bool convert);
  static handle cast(const relais::Timestamp& time, return_value_policy, handle);
};

// std::chrono::year_month_day <-> datetime.date (a calendar day, no zone).
// In: a date (a datetime gives its date). Defined in bind_reminders.cpp.
template <>
class type_caster<std::chrono::year_month_day> {
 public:
  PYBIND11_TYPE_CASTER(std::chrono::year_month_day, const_name("datetime.date"));
  bool load(handle source, bool convert);
  static handle cast(const std::chrono::year_month_day& day, return_value_policy, handle);
};

// A list argument whose items are instances of a bound class or dicts of its
// constructor's keyword arguments: sites=[relais.Site(...), {"city": "Rennes"}].
template <typename T>
struct ItemsOf {
  std::vector<T> items;
};

template <typename T>
class type_caster<ItemsOf<T>> {
 public:
  PYBIND11_TYPE_CASTER(ItemsOf<T>, const_name("list[") + make_caster<T>::name + const_name(" | dict]"));

  bool load(handle source, bool) {
    if (!isinstance<sequence>(source) || isinstance<str>(source)) return false;
    value.items.clear();
    for (handle item : reinterpret_borrow<sequence>(source)) {
      object instance = isinstance<dict>(item) ? type::of<T>()(**reinterpret_borrow<dict>(item))
                                               : reinterpret_borrow<object>(item);
      make_caster<T> caster;
      if (!caster.load(instance, false)) return false;
      value.items.push_back(cast_op<T&>(caster));
    }
    return true;
  }

  static handle cast(const ItemsOf<T>& list, return_value_policy policy, handle parent) {
    return make_caster<std::vector<T>>::cast(list.items, policy, parent);
  }
};

}  // namespace pybind11::detail
