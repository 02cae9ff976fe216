// The library's side of the ratio pairs, and the open-time figure.
#include <relais/workspace.h>

#include "bench_customer.h"
#include "latency.h"

namespace relais::bench {
namespace {

std::string sqlite_uri(const ScratchFolder& folder, const char* synchronous) {
  return "sqlite://" + folder.file("workspace.db") + "?synchronous=" + synchronous;
}

void run_creates(benchmark::State& state, const char* synchronous) {
  ScratchFolder folder;
  auto ws = Workspace::open(sqlite_uri(folder, synchronous));
  LatencySamples latency;
  long index = 0;
  for (auto _ : state) {
    CustomerDraft draft = bench_customer(index++);
    latency.start();
    benchmark::DoNotOptimize(ws.customers().create(draft, {.allow_duplicates = true}));
    latency.stop();
  }
  latency.report(state);
}

// Ratio pair with BM_RawSqliteCustomerCreate: both at synchronous=NORMAL.
void BM_CustomerCreate(benchmark::State& state) { run_creates(state, "NORMAL"); }
BENCHMARK(BM_CustomerCreate)->Unit(benchmark::kMicrosecond);

// The durable default, reported apart: this one measures fsync.
void BM_CustomerCreateFull(benchmark::State& state) { run_creates(state, "FULL"); }
BENCHMARK(BM_CustomerCreateFull)->Unit(benchmark::kMicrosecond);

void BM_CustomerGet(benchmark::State& state) {
  ScratchFolder folder;
  auto ws = Workspace::open(sqlite_uri(folder, "NORMAL"));
  std::vector<Uuid> ids;
  for (long i = 0; i < 1000; ++i) ids.push_back(ws.customers().create(bench_customer(i), {.allow_duplicates = true}).id);
  LatencySamples latency;
  std::size_t next = 0;
  for (auto _ : state) {
    latency.start();
    benchmark::DoNotOptimize(ws.customers().get(ids[next++ % ids.size()]));
    latency.stop();
  }
  latency.report(state);
}
BENCHMARK(BM_CustomerGet)->Unit(benchmark::kMicrosecond);

void BM_CustomerLookupPhone(benchmark::State& state) {
  ScratchFolder folder;
  auto ws = Workspace::open(sqlite_uri(folder, "NORMAL"));
  for (long i = 0; i < 1000; ++i) {
    auto draft = bench_customer(i);
    draft.phones = {"+33 2 99 " + std::to_string(100000 + i).substr(0, 2) + " " +
                    std::to_string(100000 + i).substr(2, 2) + " " + std::to_string(100000 + i).substr(4, 2)};
    ws.customers().create(draft, {.allow_duplicates = true});
  }
  LatencySamples latency;
  for (auto _ : state) {
    latency.start();
    benchmark::DoNotOptimize(ws.customers().lookup_phone("02 99 10 05 00"));
    latency.stop();
  }
  latency.report(state);
}
BENCHMARK(BM_CustomerLookupPhone)->Unit(benchmark::kMicrosecond);

// Opening an existing, up-to-date database: plugin load, migration check,
// actor lookup. Target: under 20 ms.
void BM_WorkspaceOpen(benchmark::State& state) {
  ScratchFolder folder;
  std::string uri = sqlite_uri(folder, "FULL");
  { Workspace::open(uri).customers().create(bench_customer(0), {.allow_duplicates = true}); }
  LatencySamples latency;
  for (auto _ : state) {
    latency.start();
    benchmark::DoNotOptimize(Workspace::open(uri));
    latency.stop();
  }
  latency.report(state);
}
BENCHMARK(BM_WorkspaceOpen)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace relais::bench
