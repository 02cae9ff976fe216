#pragma once
// The one way an enum is written as text and read back: a table of names,
// so that to_string and parse_* can never disagree, and a parse error lists
// every accepted word.
#include <relais/errors.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace relais::inline v1::detail {

template <typename Enum, std::size_t N>
class EnumNames {
 public:
  constexpr explicit EnumNames(std::array<std::pair<Enum, std::string_view>, N> names) : names_(names) {}

  constexpr std::string_view name(Enum value) const noexcept {
    for (const auto& [each, text] : names_) {
      if (each == value) return text;
    }
    return "?";
  }

  // Throws InvalidInputError naming `field` and the value, listing the
  // accepted words.
  Enum parse(std::string_view text, std::string_view field) const {
    for (const auto& [each, name] : names_) {
      if (name == text) return each;
    }
    std::string expected = "expected one of ";
    for (std::size_t i = 0; i < N; ++i) expected += std::string(i ? ", " : "") + std::string(names_[i].second);
    throw InvalidInputError(std::string(field), text, expected);
  }

 private:
  std::array<std::pair<Enum, std::string_view>, N> names_;
};

template <typename Enum, std::size_t N>
EnumNames(std::array<std::pair<Enum, std::string_view>, N>) -> EnumNames<Enum, N>;

}  // namespace relais::inline v1::detail
