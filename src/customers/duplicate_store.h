#pragma once
// SQL for duplicate detection: the block keys of every customer (kept by
// customer_store on every write), candidate lookup, the review queue and the
// batch finder's run state.
#include <relais/customers/duplicates.h>
#include <relais/desk/desk_service.h>
#include <relais/spi/storage.h>

#include "journal/journal.h"
#include "storage/migrations.h"

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace relais::inline v1::detail {

SchemaArea customer_matching_schema();

// Stores the block keys and comparison keys of a customer written without
// any (none when archived). `keys` are identity_keys(customer).
void insert_match_keys(spi::Connection& connection, const Customer& customer, const IdentityKeys& keys);
// Removes them, before a rewrite.
void delete_match_keys(spi::Connection& connection, const std::string& customer_id);

// Unarchived customers whose SIRET or VAT number holds `siren` (their
// "s:<siren>" block), in id order.
std::vector<Uuid> customers_with_siren(spi::Connection& connection, std::string_view siren);
// Unarchived customers with `email` (theirs or a contact's), compared
// without case as identity matching compares them (their "e:<email>"
// block): "Sophie.Durand@..." as typed in is "sophie.durand@..." in a
// mail. In id order.
std::vector<Uuid> customers_with_email(spi::Connection& connection, std::string_view email);

// A customer's comparison keys as stored for matching.
struct StoredIdentity {
  Uuid id;
  IdentityKeys keys;
};
// Every unarchived customer's keys, ordered by id (text order).
std::vector<StoredIdentity> all_identities(spi::Connection& connection);

// A customer's comparison keys with the blocks they fall in, computed once
// for both the lookup and the pool.
struct BlockedIdentity {
  explicit BlockedIdentity(IdentityKeys identity) : keys(std::move(identity)), blocks(blocking_keys(keys)) {}
  IdentityKeys keys;
  std::vector<std::string> blocks;
};

struct ScoredIdentity {
  Uuid id;
  MatchScore match;
};

// The stored comparison keys of every customer sharing one of a set of
// blocks, loaded with a few queries. The bulk import loads one pool for a
// whole batch of rows, scores each row in memory, and puts back what it
// creates or changes, so that later rows of the batch see earlier ones.
// Not thread-safe.
class CandidatePool {
 public:
  // Unarchived customers in any of `blocks` (duplicates allowed).
  CandidatePool(spi::Connection& connection, const std::vector<std::string>& blocks);
  // Customers of the pool sharing a block with `keys`, other than `exclude`,
  // scored against them; those at least probable, best first.
  std::vector<ScoredIdentity> candidates(const BlockedIdentity& identity, const MatchThresholds& thresholds,
                                         const std::optional<Uuid>& exclude = std::nullopt) const;
  // Adds a customer, or replaces its keys after a change.
  void put(const Uuid& id, BlockedIdentity identity);

 private:
  std::map<Uuid, IdentityKeys> identities_;
  std::unordered_map<std::string, std::vector<Uuid>> members_;  // block -> customers
};

// Unarchived customers sharing a block with `keys`, other than `exclude`,
// scored against them and loaded whole; those at least probable, best first.
std::vector<DuplicateCandidate> find_candidates(spi::Connection& connection, const IdentityKeys& keys,
                                                const MatchThresholds& thresholds,
                                                const std::optional<Uuid>& exclude = std::nullopt);

}  // namespace relais::inline v1::detail

namespace relais::inline v1::detail {

// The journal entry of a queued pair (or of a change to it).
JournalRecord pair_record(const DuplicatePair& pair, std::string action);

// Queues the pair (a < b) unless it is already known; returns whether it
// was new.
bool queue_pair(spi::Connection& connection, const DuplicatePair& pair);
std::optional<DuplicatePair> find_pair(spi::Connection& connection, const Uuid& id);
std::vector<DuplicatePair> pair_page(spi::Connection& connection, const ReviewQuery& query);
// The customer's pending review pairs, for its 360° view: count and the
// pairs as JSON, best score first.
CustomerViewPart duplicates_view_part(spi::Connection& connection, const Uuid& customer);
// Writes status and version + 1 when the stored version matches.
bool update_pair_status(spi::Connection& connection, const DuplicatePair& pair, std::int64_t expected_version);

struct FinderRun {
  Uuid id;
  std::string last_customer_id;  // "" before the first batch
};
// The unfinished run, if any.
std::optional<FinderRun> open_finder_run(spi::Connection& connection);
void insert_finder_run(spi::Connection& connection, const FinderRun& run, Timestamp now);
void advance_finder_run(spi::Connection& connection, const FinderRun& run);
void finish_finder_run(spi::Connection& connection, const Uuid& run, Timestamp now);

}  // namespace relais::inline v1::detail
