// Issue 3 figures for duplicate detection: the batch finder over a generated
// base, with its precision and recall against the ground truth, and the
// check made before each creation.
#include <relais/workspace.h>
#include <synth/synthetic_customers.h>

#include "generated_base.h"
#include "latency.h"

#include <map>
#include <set>

namespace relais::bench {
namespace {

std::map<Uuid, std::size_t> entity_by_customer(Workspace& ws) {
  std::map<Uuid, std::size_t> entities;
  CustomerQuery query{.limit = 500};
  for (;;) {
    auto page = ws.customers().list(query);
    for (const auto& customer : page.items) entities[customer.id] = entity_of(customer.external_ids.at("synth"));
    if (page.next_cursor.empty()) break;
    query.after = page.next_cursor;
  }
  return entities;
}

std::size_t true_pair_count(const std::map<Uuid, std::size_t>& entities) {
  std::map<std::size_t, std::size_t> records;
  for (const auto& [id, entity] : entities) ++records[entity];
  std::size_t pairs = 0;
  for (const auto& [entity, count] : records) pairs += count * (count - 1) / 2;
  return pairs;
}

// Precision over sure pairs, recall over sure and probable ones.
void report_quality(benchmark::State& state, Workspace& ws) {
  auto entities = entity_by_customer(ws);
  std::size_t sure = 0, sure_right = 0, found_right = 0;
  ReviewQuery query{.limit = 500};
  for (;;) {
    auto page = ws.customers().duplicate_queue(query);
    for (const auto& pair : page.items) {
      bool right = entities.at(pair.a) == entities.at(pair.b);
      found_right += right;
      if (pair.outcome == MatchOutcome::sure) {
        ++sure;
        sure_right += right;
      }
    }
    if (page.next_cursor.empty()) break;
    query.after = page.next_cursor;
  }
  state.counters["precision"] = sure ? static_cast<double>(sure_right) / static_cast<double>(sure) : 0;
  state.counters["recall"] = static_cast<double>(found_right) / static_cast<double>(true_pair_count(entities));
}

void BM_FindDuplicates(benchmark::State& state) {
  ScratchFolder folder;
  std::string path = folder.file("base.db");
  for (auto _ : state) {
    state.PauseTiming();
    copy_generated_base(entities_for(state.range(0)), path);
    auto ws = Workspace::open("sqlite://" + path + "?synchronous=NORMAL");
    state.ResumeTiming();
    FinderReport report = ws.customers().find_duplicates();
    state.PauseTiming();
    state.counters["comparisons"] = static_cast<double>(report.comparisons);
    state.counters["customers"] = static_cast<double>(report.customers_scanned);
    report_quality(state, ws);
    state.ResumeTiming();
  }
}
BENCHMARK(BM_FindDuplicates)->Arg(100000)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_CheckDuplicates(benchmark::State& state) {
  ScratchFolder folder;
  std::string path = folder.file("base.db");
  copy_generated_base(entities_for(100000), path);
  auto ws = Workspace::open("sqlite://" + path + "?synchronous=NORMAL");
  // New customers written as a user would type them: some twins of stored
  // ones (other seed, so not the stored records themselves).
  std::vector<CustomerDraft> drafts;
  synth::for_each_customer({.seed = 7, .entities = 2000},
                           [&](const synth::SyntheticCustomer& generated) { drafts.push_back(generated.draft); });
  LatencySamples latency;
  std::size_t next = 0;
  for (auto _ : state) {
    latency.start();
    benchmark::DoNotOptimize(ws.customers().check_duplicates(drafts[next++ % drafts.size()]));
    latency.stop();
  }
  latency.report(state);
  state.counters["customers"] = 100000;
}
BENCHMARK(BM_CheckDuplicates)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace relais::bench
