// Issue 4 figures for the desk: the 360° view, search and caller lookup on
// the desk base (~100,000 customers, 1,000,000 interactions, 200,000
// tickets), and logging a call against its raw SQLite baseline.
#include <relais/desk/desk_service.h>

#include "bench_call.h"
#include "bench_customer.h"
#include "generated_base.h"
#include "latency.h"

#include <random>

namespace relais::bench {
namespace {

// One copy of the desk base per process, shared by the read benchmarks.
class DeskBase {
 public:
  static DeskBase& get() {
    static DeskBase base;
    return base;
  }
  Workspace& workspace() { return workspace_; }
  const GeneratedCustomers& customers() const { return customers_; }

 private:
  DeskBase() : workspace_(open(folder_)), customers_(generated_customers(workspace_)) {}
  static Workspace open(const ScratchFolder& folder) {
    copy_desk_base(folder.file("desk.db"));
    return Workspace::open("sqlite://" + folder.file("desk.db") + "?synchronous=NORMAL");
  }

  ScratchFolder folder_;
  Workspace workspace_;
  GeneratedCustomers customers_;
};

// The same pseudo-random customers on every run.
class CustomerPicker {
 public:
  explicit CustomerPicker(const GeneratedCustomers& customers) : customers_(customers) {}
  std::size_t next() { return static_cast<std::size_t>(engine_() % customers_.ids.size()); }
  // A customer with a phone number.
  const std::string& next_phone() {
    for (;;) {
      const auto& phones = customers_.phones[next()];
      if (!phones.empty()) return phones.front();
    }
  }

 private:
  const GeneratedCustomers& customers_;
  std::mt19937_64 engine_{20261124};
};

void BM_Customer360(benchmark::State& state) {
  DeskBase& base = DeskBase::get();
  CustomerPicker picker(base.customers());
  LatencySamples latency;
  for (auto _ : state) {
    const Uuid& customer = base.customers().ids[picker.next()];
    latency.start();
    benchmark::DoNotOptimize(base.workspace().desk().customer_view(customer));
    latency.stop();
  }
  latency.report(state);
}
BENCHMARK(BM_Customer360)->Unit(benchmark::kMicrosecond);

// What a front end sends as someone types. The texts of each case are
// taken in turn; phone fragments come from random customers.
void run_searches(benchmark::State& state, const std::vector<std::string>& texts) {
  DeskService& desk = DeskBase::get().workspace().desk();
  LatencySamples latency;
  double hits = 0, by_recency = 0;
  std::size_t next = 0;
  for (auto _ : state) {
    SearchQuery query{.text = texts[next++ % texts.size()]};
    latency.start();
    SearchPage page = desk.search(query);
    latency.stop();
    hits += static_cast<double>(page.hits.size());
    by_recency += page.by_recency;
  }
  latency.report(state);
  state.counters["hits"] = hits / static_cast<double>(state.iterations());
  state.counters["by_recency"] = by_recency / static_cast<double>(state.iterations());
}

// Planted once in ten thousand records by the generator.
void BM_Search_rare(benchmark::State& state) { run_searches(state, {"paratonnerre", "paratonnerre eglise"}); }
// Words in a large share of the records.
void BM_Search_common(benchmark::State& state) { run_searches(state, {"disjoncteur", "devis", "client", "tableau"}); }
// Half-typed last words.
void BM_Search_prefix(benchmark::State& state) {
  run_searches(state, {"borne rech", "tableau elec", "disj", "climatisation rev", "chauffe", "vmc doub"});
}
// 4 to 8 consecutive digits of random customers' numbers, as typed.
void BM_Search_phone(benchmark::State& state) {
  CustomerPicker picker(DeskBase::get().customers());
  std::vector<std::string> fragments;
  for (std::size_t i = 0; i < 200; ++i) {
    const std::string national = "0" + picker.next_phone().substr(3);  // the generated numbers are French
    const std::size_t length = 4 + i % 5;
    fragments.push_back(national.substr(i % (national.size() - length + 1), length));
  }
  run_searches(state, fragments);
}
BENCHMARK(BM_Search_rare)->Name("BM_Search/rare_term")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Search_common)->Name("BM_Search/common_term")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Search_prefix)->Name("BM_Search/prefix")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Search_phone)->Name("BM_Search/phone")->Unit(benchmark::kMicrosecond);

void BM_CallerLookup(benchmark::State& state) {
  DeskBase& base = DeskBase::get();
  CustomerPicker picker(base.customers());
  LatencySamples latency;
  for (auto _ : state) {
    const std::string& phone = picker.next_phone();
    latency.start();
    benchmark::DoNotOptimize(base.workspace().desk().lookup_caller(phone));
    latency.stop();
  }
  latency.report(state);
}
BENCHMARK(BM_CallerLookup)->Unit(benchmark::kMicrosecond);

// Ratio pair with BM_RawSqliteLogCall: both at synchronous=NORMAL, on a
// fresh workspace holding bench_customer().
void BM_LogCall(benchmark::State& state) {
  ScratchFolder folder;
  auto ws = Workspace::open("sqlite://" + folder.file("workspace.db") + "?synchronous=NORMAL");
  const CallDraft draft = bench_call(ws.customers().create(bench_customer(0), {.allow_duplicates = true}).id);
  LatencySamples latency;
  for (auto _ : state) {
    latency.start();
    benchmark::DoNotOptimize(ws.desk().log_call(draft));
    latency.stop();
  }
  latency.report(state);
}
BENCHMARK(BM_LogCall)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace relais::bench
