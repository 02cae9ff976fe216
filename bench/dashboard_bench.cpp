// Issue 6 figures: the reminder scheduler's tick with 1,000,000 pending
// reminders of which 1 % falls due at each tick (target < 100 ms a tick),
// and one person's daily dashboard on the desk base (200,000 tickets) with
// those 1,000,000 reminders (target < 10 ms).
//
// The reminder base is the desk base (generated_base.h) with:
//   - 980,000 "tick" reminders due on kTickDay in 98 slices of 10,000, ten
//     minutes apart from 00:05 (Paris), all on that day, so that no tick of
//     the benchmark crosses midnight (what would also announce the earlier
//     slices overdue): each tick finds exactly one fresh slice due;
//   - 20,000 everyday reminders over the month around kDashboardAt, what
//     the dashboard counts (due today, overdue, upcoming);
// assigned in turn to the base's five users, written through
// ReminderService::add_many, then one tick at kTickDay 00:00 that announces
// everything due before, so the benchmark's ticks start from a quiet state.
// The scheduler's feed cursor is moved to the journal's head first, as the
// reminders' migration does for an existing workspace: the base's four
// years of desk events predate its rules. Built once (a few minutes) and
// cached next to the desk base.
#include <relais/dashboard/dashboard_service.h>
#include <relais/reminders/reminder_service.h>

#include "generated_base.h"
#include "latency.h"
#include "raw_sqlite.h"

#include <cstdio>
#include <filesystem>

namespace relais::bench {
namespace {

using namespace std::chrono;

// Changes with the schema, the desk base or what is added here.
constexpr const char* kReminderCacheName = "relais-bench-reminders-v4.db";
constexpr const char* kLogins[] = {"admin", "marie", "julie", "paul", "karim"};

// Tuesday 3 November 2026, 10:00 in Paris: the morning after the desk
// base's last day of activity.
const Timestamp kDashboardAt = Timestamp(sys_days(2026y / November / 3)) + 9h;
// Tuesday 17 November 2026, 00:00 in Paris.
const Timestamp kTickDay = Timestamp(sys_days(2026y / November / 16)) + 23h;
constexpr std::size_t kSlice = 10'000;
constexpr std::size_t kSlices = 98;
constexpr std::size_t kEveryday = 20'000;
constexpr auto kSliceStep = minutes(10);

Timestamp slice_due(std::size_t slice) { return kTickDay + minutes(5) + kSliceStep * static_cast<int>(slice); }

void add_reminders(Workspace& ws) {
  std::vector<ReminderDraft> drafts;
  std::size_t made = 0;
  auto flush = [&] {
    ws.reminders().add_many(drafts);
    made += drafts.size();
    drafts.clear();
    if (made % 100'000 == 0) std::fprintf(stderr, "relais_bench: %zu reminders\n", made);
  };
  auto add = [&](Timestamp due, const char* reason) {
    drafts.push_back({.reason = reason, .due_at = due, .assignee = kLogins[(made + drafts.size()) % 5]});
    if (drafts.size() == kSlice) flush();
  };
  // Everyday reminders: office hours (08:00-18:00 Paris), 30 days before to
  // 7 days after the dashboard's morning.
  for (std::size_t i = 0; i < kEveryday; ++i) {
    const auto day = static_cast<int>(i % 37) - 30;
    const auto minute = static_cast<int>((i * 7919) % 600);
    add(kDashboardAt - 2h + days(day) + minutes(minute), "Rappeler le client");
  }
  for (std::size_t slice = 0; slice < kSlices; ++slice) {
    for (std::size_t i = 0; i < kSlice; ++i) add(slice_due(slice), "Relance programmée");
  }
  if (!drafts.empty()) flush();
}

void build_reminder_base(const std::filesystem::path& path) {
  const auto building = path.string() + ".building";
  copy_desk_base(building);
  {
    // Runs the migrations (the desk's dashboard columns and indexes).
    auto ws = Workspace::open("sqlite://" + building + "?synchronous=OFF");
    add_reminders(ws);
  }
  {
    RawDatabase raw(building);
    raw.exec("UPDATE reminder_scheduler SET feed_cursor = (SELECT sequence FROM journal_head WHERE id = 1)");
  }
  {
    auto ws = Workspace::open("sqlite://" + building + "?synchronous=OFF");
    ws.reminders().tick(kTickDay);
  }
  std::filesystem::rename(building, path);
}

// One copy of the reminder base per process, shared by both benchmarks (the
// dashboard reads nothing the ticks change: they only announce).
class ReminderBase {
 public:
  static ReminderBase& get() {
    static ReminderBase base;
    return base;
  }
  Workspace& workspace() { return workspace_; }

 private:
  ReminderBase() : workspace_(open(folder_)) {}
  static Workspace open(const ScratchFolder& folder) {
    const auto cached = std::filesystem::temp_directory_path() / kReminderCacheName;
    if (!std::filesystem::exists(cached)) {
      std::fprintf(stderr, "relais_bench: building %s once (1,000,000 reminders on the desk base)\n",
                   cached.string().c_str());
      build_reminder_base(cached);
    }
    copy_cached_base(cached, folder.file("reminders.db"));
    return Workspace::open("sqlite://" + folder.file("reminders.db") + "?synchronous=NORMAL");
  }

  ScratchFolder folder_;
  Workspace workspace_;
};

// Each iteration ticks ten minutes later than the previous one: a fresh
// slice of 10,000 reminders (1 %) is due, and only that slice.
void BM_ReminderTick(benchmark::State& state) {
  Workspace& ws = ReminderBase::get().workspace();
  std::size_t slice = 0;
  std::size_t announced = 0;
  LatencySamples latency;
  for (auto _ : state) {
    if (slice == kSlices) {
      state.SkipWithError("no fresh slice left: fewer iterations");
      break;
    }
    latency.start();
    const TickReport report = ws.reminders().tick(slice_due(slice));
    latency.stop();
    announced += report.became_due.size();
    if (report.became_due.size() != kSlice || !report.became_overdue.empty()) {
      state.SkipWithError("a tick did not find exactly one fresh slice due");
      break;
    }
    ++slice;
  }
  state.counters["announced_per_tick"] = slice ? static_cast<double>(announced) / static_cast<double>(slice) : 0;
  latency.report(state);
}
BENCHMARK(BM_ReminderTick)->Unit(benchmark::kMillisecond)->Iterations(20);

// Marie's dashboard on her Tuesday morning.
void BM_Dashboard(benchmark::State& state) {
  Workspace& ws = ReminderBase::get().workspace();
  const DashboardQuery query{.user = "marie", .at = kDashboardAt};
  LatencySamples latency;
  std::int64_t counted = 0;
  for (auto _ : state) {
    latency.start();
    const Dashboard dashboard = ws.dashboard().build(query);
    latency.stop();
    counted = dashboard.reminders.due_today + dashboard.reminders.overdue + dashboard.reminders.upcoming;
    benchmark::DoNotOptimize(dashboard);
  }
  state.counters["reminders_counted"] = static_cast<double>(counted);
  latency.report(state);
}
BENCHMARK(BM_Dashboard)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace relais::bench
