#pragma once
// Record identifiers: UUIDv7 (RFC 9562), time-ordered so that ids created
// anywhere (an offline laptop too) sort roughly by creation and index well.
#include <relais/export.h>

#include <array>
#include <compare>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace relais {
inline namespace v1 {

class Clock;

class RELAIS_API Uuid {
 public:
  // The nil UUID (all zero bytes).
  Uuid() = default;
  explicit Uuid(const std::array<std::uint8_t, 16>& bytes) : bytes_(bytes) {}

  // A new UUIDv7 from the clock's time and a random tail. Thread-safe. Ids made
  // in the same millisecond by one process still sort in creation order.
  static Uuid generate(const Clock& clock);
  // Parses the canonical 36-character form (either case).
  // Throws InvalidInputError naming `field` and the text when malformed.
  static Uuid parse(std::string_view text, std::string_view field = "id");

  bool is_nil() const noexcept;
  // Canonical lowercase form, e.g. "018f3c1e-7b2a-7c3d-9e4f-0123456789ab".
  std::string to_string() const;
  const std::array<std::uint8_t, 16>& bytes() const noexcept { return bytes_; }
  int version() const noexcept { return bytes_[6] >> 4; }

  auto operator<=>(const Uuid&) const = default;

 private:
  std::array<std::uint8_t, 16> bytes_{};
};

}  // namespace v1
}  // namespace relais

template <>
struct std::hash<relais::Uuid> {
  RELAIS_API std::size_t operator()(const relais::Uuid& id) const noexcept;
};
