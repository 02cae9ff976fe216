// The duplicate review side of CustomerService: the batch finder over the
// whole base, the review queue, and the refusal raised at creation.
#include <relais/customers/customer_service.h>

#include "core/changes.h"
#include "core/paging.h"
#include "customers/customer_store.h"
#include "customers/duplicate_store.h"
#include "workspace/workspace_core.h"

#include <nlohmann/json.hpp>

#include <unordered_map>

namespace relais {
inline namespace v1 {
namespace {

constexpr std::size_t kMaxFinderBatch = 100000;

std::string candidates_message(const std::vector<DuplicateCandidate>& candidates) {
  std::string message = "this customer looks like " + std::to_string(candidates.size()) + " existing one(s):";
  for (const auto& candidate : candidates) {
    message += " " + candidate.customer.id.to_string() + " (" + std::string(to_string(candidate.match.outcome)) + ")";
  }
  return message;
}

std::map<std::string, std::string> candidates_context(const std::vector<DuplicateCandidate>& candidates) {
  if (candidates.empty()) return {};
  return {{"candidate", candidates.front().customer.id.to_string()},
          {"candidates", std::to_string(candidates.size())}};
}

// Every unarchived customer's comparison keys, sorted by id, with the blocks
// they fall in: built once per run, so comparing costs memory lookups only.
class BlockIndex {
 public:
  explicit BlockIndex(spi::Connection& connection) {
    for (auto& stored : detail::all_identities(connection)) {
      auto blocks = blocking_keys(stored.keys);
      entries_.push_back({stored.id, std::move(stored.keys), std::move(blocks)});
    }
    std::sort(entries_.begin(), entries_.end(), [](const auto& l, const auto& r) { return l.id < r.id; });
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      for (const auto& key : entries_[i].blocks) blocks_[key].push_back(i);
    }
    seen_by_.assign(entries_.size(), SIZE_MAX);
  }

  std::size_t size() const { return entries_.size(); }
  const Uuid& id(std::size_t i) const { return entries_[i].id; }
  // The first entry whose id is after `last_id` ("" = from the start).
  std::size_t first_after(const std::string& last_id) const {
    if (last_id.empty()) return 0;
    Uuid last = Uuid::parse(last_id);
    auto it = std::upper_bound(entries_.begin(), entries_.end(), last,
                               [](const Uuid& value, const auto& entry) { return value < entry.id; });
    return static_cast<std::size_t>(it - entries_.begin());
  }

  // Scores entry i against every block-mate sorting after it, each once, so
  // a pair is met from its smaller id only.
  template <typename OnMatch>
  std::size_t compare_forward(std::size_t i, const MatchThresholds& thresholds, OnMatch on_match) {
    std::size_t comparisons = 0;
    for (const auto& key : entries_[i].blocks) {
      for (std::size_t j : blocks_.at(key)) {
        if (j <= i || seen_by_[j] == i) continue;
        seen_by_[j] = i;
        ++comparisons;
        MatchScore score = compare_identities(entries_[i].keys, entries_[j].keys, thresholds);
        if (score.outcome != MatchOutcome::none) on_match(j, std::move(score));
      }
    }
    return comparisons;
  }

 private:
  struct Entry {
    Uuid id;
    IdentityKeys keys;
    std::vector<std::string> blocks;  // computed once, read by every comparison pass
  };
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::vector<std::size_t>> blocks_;
  std::vector<std::size_t> seen_by_;  // the entry whose comparisons last reached each entry
};


// Opens a new run or picks up the one a crash left unfinished.
detail::FinderRun start_run(detail::WorkspaceCore& core, FinderReport& report) {
  return core.write(detail::Action::write, [&](detail::WriteScope& scope) {
    if (auto open = detail::open_finder_run(scope.connection())) {
      report.resumed = true;
      return *open;
    }
    detail::FinderRun run{Uuid::generate(core.clock()), ""};
    detail::insert_finder_run(scope.connection(), run, scope.now());
    scope.record({"duplicate_finder_run", run.id.to_string(), "start", {}});
    return run;
  });
}

}  // namespace

DuplicateCustomerError::DuplicateCustomerError(std::vector<DuplicateCandidate> candidates)
    : ConflictError(candidates_message(candidates), candidates_context(candidates)),
      candidates_(std::move(candidates)) {}

std::string_view to_string(ReviewStatus status) noexcept {
  switch (status) {
    case ReviewStatus::dismissed: return "dismissed";
    case ReviewStatus::merged: return "merged";
    case ReviewStatus::pending: break;
  }
  return "pending";
}

FinderReport CustomerService::find_duplicates(const FinderOptions& options) {
  if (options.batch_size < 1 || options.batch_size > kMaxFinderBatch) {
    throw InvalidInputError("batch_size", std::to_string(options.batch_size), "expected 1 to 100000");
  }
  FinderReport report;
  detail::FinderRun run = start_run(core_, report);
  auto index = core_.read([](spi::Connection& connection) { return BlockIndex(connection); });
  std::size_t next = index.first_after(run.last_customer_id);
  while (next < index.size()) {
    std::size_t end = std::min(index.size(), next + options.batch_size);
    core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
      for (std::size_t i = next; i < end; ++i) {
        report.comparisons += index.compare_forward(i, options.thresholds, [&](std::size_t j, MatchScore score) {
          DuplicatePair pair{Uuid::generate(core_.clock()), index.id(i), index.id(j), score.score, score.outcome,
                             std::move(score.reasons), ReviewStatus::pending, scope.now(), 1};
          if (!detail::queue_pair(scope.connection(), pair)) return;
          (pair.outcome == MatchOutcome::sure ? report.sure : report.probable) += 1;
          scope.record(detail::pair_record(pair, "create"));
        });
      }
      run.last_customer_id = index.id(end - 1).to_string();
      detail::advance_finder_run(scope.connection(), run);
    });
    report.customers_scanned += end - next;
    next = end;
    if (options.progress) options.progress({next, index.size()});
  }
  core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    detail::finish_finder_run(scope.connection(), run.id, scope.now());
    detail::ChangeList changes;
    changes.created("comparisons", report.comparisons);
    changes.created("sure", report.sure);
    changes.created("probable", report.probable);
    scope.record({"duplicate_finder_run", run.id.to_string(), "finish", changes.take()});
  });
  return report;
}

ReviewPage CustomerService::duplicate_queue(const ReviewQuery& query) const {
  detail::checked_page_limit(query.limit);
  if (!query.after.empty()) Uuid::parse(query.after, "after");
  return core_.read([&](spi::Connection& connection) {
    ReviewPage page;
    page.items = detail::pair_page(connection, query);
    if (page.items.size() == query.limit) page.next_cursor = page.items.back().id.to_string();
    return page;
  });
}

DuplicatePair CustomerService::dismiss_duplicate(const Uuid& pair_id, std::int64_t expected_version) {
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    auto pair = detail::find_pair(scope.connection(), pair_id);
    if (!pair) throw NotFoundError("duplicate pair", pair_id.to_string());
    DuplicatePair dismissed = *pair;
    dismissed.status = ReviewStatus::dismissed;
    if (!detail::update_pair_status(scope.connection(), dismissed, expected_version)) {
      throw ConflictError("duplicate pair " + pair_id.to_string() + " changed since version " +
                              std::to_string(expected_version),
                          {{"entity", "duplicate_pair"}, {"id", pair_id.to_string()},
                           {"current_version", std::to_string(pair->version)}});
    }
    dismissed.version = expected_version + 1;
    detail::ChangeList changes;
    changes.compare("status", std::string(to_string(pair->status)), std::string(to_string(dismissed.status)));
    scope.record({"duplicate_pair", pair_id.to_string(), "dismiss", changes.take()});
    return dismissed;
  });
}

}  // namespace v1
}  // namespace relais
