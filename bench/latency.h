#pragma once
// Per-iteration latency samples turned into p50/p95/p99 counters
// (microseconds), so every latency figure carries its distribution, not
// only Google Benchmark's mean.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace relais::bench {

class LatencySamples {
 public:
  void start() { started_ = std::chrono::steady_clock::now(); }
  void stop() {
    samples_.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - started_).count());
  }
  // Writes p50_us, p95_us and p99_us into the benchmark's counters.
  void report(benchmark::State& state) {
    if (samples_.empty()) return;
    std::sort(samples_.begin(), samples_.end());
    auto at = [&](double q) { return samples_[static_cast<std::size_t>(q * static_cast<double>(samples_.size() - 1))]; };
    state.counters["p50_us"] = at(0.50);
    state.counters["p95_us"] = at(0.95);
    state.counters["p99_us"] = at(0.99);
  }

 private:
  std::chrono::steady_clock::time_point started_;
  std::vector<double> samples_;
};

// A fresh folder under the system temp dir, removed on destruction.
class ScratchFolder {
 public:
  ScratchFolder();
  ~ScratchFolder();
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace relais::bench
