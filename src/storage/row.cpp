#include <relais/spi/storage.h>

#include <charconv>
#include <cmath>

namespace relais::inline v1::spi {
namespace {

[[noreturn]] void type_mismatch(std::size_t column, const char* wanted, const Value& value) {
  static constexpr const char* kHeld[] = {"NULL", "an integer", "a real", "text"};
  throw StorageError("column " + std::to_string(column) + " holds " + kHeld[value.index()] +
                         ", not " + wanted,
                     {{"operation", "read column " + std::to_string(column)}});
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t parsed = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return parsed;
}

// Only a real with an integral value that fits reads as an integer: anything
// else would silently lose information.
std::optional<std::int64_t> integral_value(double real) {
  constexpr double kLimit = 9223372036854775808.0;  // 2^63
  if (!std::isfinite(real) || std::trunc(real) != real || real < -kLimit || real >= kLimit) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(real);
}

}  // namespace

const Value& Row::value(std::size_t column) const {
  if (column >= values_.size()) {
    throw StorageError("column " + std::to_string(column) + " is out of range (row has " +
                           std::to_string(values_.size()) + " columns)",
                       {{"operation", "read column " + std::to_string(column)}});
  }
  return values_[column];
}

bool Row::is_null(std::size_t column) const {
  return std::holds_alternative<std::nullptr_t>(value(column));
}

std::int64_t Row::integer(std::size_t column) const {
  const Value& held = value(column);
  std::optional<std::int64_t> result;
  if (const auto* integer = std::get_if<std::int64_t>(&held)) result = *integer;
  if (const auto* real = std::get_if<double>(&held)) result = integral_value(*real);
  if (const auto* text = std::get_if<std::string>(&held)) result = parse_integer(*text);
  if (!result) type_mismatch(column, "an integer", held);
  return *result;
}

double Row::real(std::size_t column) const {
  const Value& held = value(column);
  if (const auto* real = std::get_if<double>(&held)) return *real;
  if (const auto* integer = std::get_if<std::int64_t>(&held)) return static_cast<double>(*integer);
  type_mismatch(column, "a real", held);
}

std::string Row::text(std::size_t column) const {
  const Value& held = value(column);
  if (const auto* text = std::get_if<std::string>(&held)) return *text;
  if (const auto* integer = std::get_if<std::int64_t>(&held)) return std::to_string(*integer);
  type_mismatch(column, "text", held);
}

std::optional<std::string> Row::optional_text(std::size_t column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::optional<std::int64_t> Row::optional_integer(std::size_t column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

}  // namespace relais::inline v1::spi
