#include <relais/clock.h>
#include <relais/errors.h>
#include <relais/ids.h>

#include <atomic>
#include <mutex>
#include <pthread.h>
#include <random>

namespace relais {
inline namespace v1 {
namespace {

// UUIDv7 layout (RFC 9562 §5.7): 48-bit Unix milliseconds, version 7, then
// 12 bits that we use as a counter within the millisecond (method 1 of §6.2)
// so ids made by one process stay ordered, then the variant and 62 random bits.
class UuidV7Generator {
 public:
  UuidV7Generator() { pthread_atfork(nullptr, nullptr, [] { forked_.store(true); }); }

  std::array<std::uint8_t, 16> next(std::int64_t unix_ms) {
    std::lock_guard lock(mutex_);
    // A forked child starts with a copy of the parent's random state: without
    // a fresh seed, parent and children would hand out the same ids.
    if (forked_.exchange(false)) random_.seed(std::random_device{}());
    if (unix_ms > last_ms_) {
      last_ms_ = unix_ms;
      counter_ = static_cast<std::uint16_t>(random_() & 0x3FF);  // leave room to count up
    } else if (++counter_ > 0xFFF) {
      ++last_ms_;  // counter exhausted: borrow the next millisecond
      counter_ = 0;
    }
    std::array<std::uint8_t, 16> bytes{};
    for (int i = 0; i < 6; ++i) bytes[i] = static_cast<std::uint8_t>(last_ms_ >> (40 - 8 * i));
    bytes[6] = static_cast<std::uint8_t>(0x70 | (counter_ >> 8));
    bytes[7] = static_cast<std::uint8_t>(counter_);
    std::uint64_t tail = random_();
    for (int i = 8; i < 16; ++i) bytes[i] = static_cast<std::uint8_t>(tail >> (8 * (15 - i)));
    bytes[8] = static_cast<std::uint8_t>(0x80 | (bytes[8] & 0x3F));
    return bytes;
  }

 private:
  static inline std::atomic<bool> forked_{false};
  std::mutex mutex_;
  std::mt19937_64 random_{std::random_device{}()};
  std::int64_t last_ms_ = 0;
  std::uint16_t counter_ = 0;
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_dash_position(std::size_t i) { return i == 8 || i == 13 || i == 18 || i == 23; }

}  // namespace

Uuid Uuid::generate(const Clock& clock) {
  static UuidV7Generator generator;
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(clock.now().time_since_epoch());
  return Uuid(generator.next(ms.count()));
}

Uuid Uuid::parse(std::string_view text, std::string_view field) {
  auto reject = [&] {
    return InvalidInputError(std::string(field), text, "expected a UUID like 018f3c1e-7b2a-7c3d-9e4f-0123456789ab");
  };
  if (text.size() != 36) throw reject();
  std::array<std::uint8_t, 16> bytes{};
  std::size_t byte = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_dash_position(i)) {
      if (text[i] != '-') throw reject();
      continue;
    }
    int high = hex_value(text[i]);
    int low = hex_value(text[++i]);
    if (high < 0 || low < 0 || is_dash_position(i)) throw reject();
    bytes[byte++] = static_cast<std::uint8_t>(high << 4 | low);
  }
  return Uuid(bytes);
}

bool Uuid::is_nil() const noexcept {
  for (auto b : bytes_) if (b) return false;
  return true;
}

std::string Uuid::to_string() const {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  text.reserve(36);
  for (std::size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
    text += kHex[bytes_[i] >> 4];
    text += kHex[bytes_[i] & 0xF];
  }
  return text;
}

}  // namespace v1
}  // namespace relais

std::size_t std::hash<relais::Uuid>::operator()(const relais::Uuid& id) const noexcept {
  std::size_t value = 0;
  for (auto b : id.bytes()) value = value * 131 + b;
  return value;
}
