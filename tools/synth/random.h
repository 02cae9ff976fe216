#pragma once
// The generators' source of randomness. std::mt19937_64 is specified bit
// for bit by the standard, its distributions are not: everything here is
// derived from the raw 64-bit output so a seed gives the same records with
// every standard library. Private to tools/synth.
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace relais::synth {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, bound); the modulo bias is below 2^-50 for the small
  // bounds used here.
  std::size_t below(std::size_t bound) { return static_cast<std::size_t>(engine_() % bound); }

  bool chance(double probability) { return static_cast<double>(engine_() >> 11) * 0x1.0p-53 < probability; }

  template <class T>
  const T& pick(std::span<const T> items) {
    return items[below(items.size())];
  }

  std::string digits(std::size_t count) {
    std::string text(count, '0');
    for (char& digit : text) digit = static_cast<char>('0' + below(10));
    return text;
  }

  template <class T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace relais::synth
