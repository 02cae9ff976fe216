#pragma once
// Duplicate customers: the warning at creation, the batch finder over the
// whole base, and the review queue it fills.
#include <relais/customers/customer.h>
#include <relais/customers/matching.h>
#include <relais/errors.h>
#include <relais/export.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace relais {
inline namespace v1 {

// An existing customer that looks like the one being checked.
struct DuplicateCandidate {
  Customer customer;
  MatchScore match;
};

struct CreateOptions {
  // Create even when the new customer matches existing ones ("create
  // anyway" in a form, after the user saw the candidates).
  bool allow_duplicates = false;
  MatchThresholds thresholds{};
};

// create() refused: the customer looks like existing ones (probable or sure
// match). Nothing was written. A ConflictError, so code that handles
// conflicts handles this too; candidates() tells the user which customers.
class RELAIS_API DuplicateCustomerError : public ConflictError {
 public:
  explicit DuplicateCustomerError(std::vector<DuplicateCandidate> candidates);
  const std::vector<DuplicateCandidate>& candidates() const noexcept { return candidates_; }

 private:
  std::vector<DuplicateCandidate> candidates_;
};

enum class ReviewStatus { pending, dismissed, merged };
RELAIS_API std::string_view to_string(ReviewStatus status) noexcept;

// A pair found by the batch finder, waiting in (or gone through) the review
// queue. `a` sorts before `b`.
struct DuplicatePair {
  Uuid id;
  Uuid a;
  Uuid b;
  double score = 0;
  MatchOutcome outcome = MatchOutcome::none;
  std::vector<std::string> reasons;
  ReviewStatus status = ReviewStatus::pending;
  Timestamp found_at{};
  std::int64_t version = 0;
  bool operator==(const DuplicatePair&) const = default;
};

struct FinderProgress {
  std::size_t customers_done = 0;
  std::size_t customers_total = 0;
};

struct FinderOptions {
  MatchThresholds thresholds{};
  // Customers per transaction. A run interrupted between batches resumes
  // after the last committed one.
  std::size_t batch_size = 5000;
  // Called after each batch, on the calling thread. May be empty.
  std::function<void(const FinderProgress&)> progress;
};

struct FinderReport {
  std::size_t customers_scanned = 0;
  std::size_t comparisons = 0;     // pairs actually scored (shows the blocking)
  std::size_t sure = 0;            // new pairs found, by outcome
  std::size_t probable = 0;
  bool resumed = false;            // continued an interrupted run
};

struct ReviewQuery {
  ReviewStatus status = ReviewStatus::pending;
  std::string after;               // cursor ("" = first page)
  std::size_t limit = 50;          // 1 to 500
};

struct ReviewPage {
  std::vector<DuplicatePair> items;   // best score first
  std::string next_cursor;
};

}  // namespace v1
}  // namespace relais
