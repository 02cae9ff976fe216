#pragma once
// Customer records: create, read, versioned update, archive, paged listing
// and lookup by phone or email. Every mutation is validated first (all field
// errors at once, nothing written), runs in one transaction with its journal
// entry, and publishes its event after commit.
#include <relais/customers/customer.h>
#include <relais/customers/duplicates.h>
#include <relais/customers/import.h>
#include <relais/customers/merge.h>
#include <relais/export.h>
#include <relais/journal.h>

#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

namespace detail { class WorkspaceCore; }

// Thread-safe; obtained from Workspace::customers() and valid while the
// Workspace lives. Every call passes the workspace's authorization point.
class RELAIS_API CustomerService {
 public:
  explicit CustomerService(detail::WorkspaceCore& core) : core_(core) {}

  // Validates and stores a new customer with version 1. Nil ids of sites and
  // contacts are assigned. Unless options.allow_duplicates, first checks the
  // base like check_duplicates() and refuses a probable or sure match with
  // DuplicateCustomerError (nothing written). Throws InvalidInputError (one
  // FieldError per bad field: empty or oversized name, bad phone, email,
  // postcode, SIRET, VAT), ConflictError (an external id already used by
  // another customer).
  Customer create(const CustomerDraft& draft, const CreateOptions& options = {});
  // Existing, unarchived customers that probably or surely are `candidate`,
  // best first. Cost follows the candidates found (blocking on phones,
  // emails, SIREN and name keys), not the size of the base.
  // Throws InvalidInputError when the draft itself is invalid.
  std::vector<DuplicateCandidate> check_duplicates(const CustomerDraft& candidate,
                                                   const MatchThresholds& thresholds = {}) const;

  // The batch finder: compares every customer with those sharing a block,
  // and queues each new probable or sure pair for review. Resumable: a run
  // interrupted (crash, kill) continues after its last committed batch.
  // Journaled. Pairs already queued are not queued twice.
  FinderReport find_duplicates(const FinderOptions& options = {});
  // The review queue. Throws InvalidInputError for a bad limit or cursor.
  ReviewPage duplicate_queue(const ReviewQuery& query = {}) const;
  // Marks a queued pair as not a duplicate. Throws NotFoundError,
  // ConflictError (stale version).
  DuplicatePair dismiss_duplicate(const Uuid& pair_id, std::int64_t expected_version);

  // Merges `other` into `survivor`: fields chosen per options, contacts,
  // sites, tags and external ids moved to the survivor; `other` is archived
  // with a link to the survivor, and survivor.history() then shows its
  // journal entries too (never rewritten). Journaled; reversible with
  // unmerge(). Throws NotFoundError, ConflictError (stale version, either
  // record already merged), InvalidInputError (same id twice, a picked field
  // naming a third record).
  MergeResult merge(const Uuid& survivor, std::int64_t survivor_version, const Uuid& other,
                    std::int64_t other_version, const MergeOptions& options = {});
  // Restores both records as they were before the merge. Edits made since
  // stay on the record they were made to; clashes are reported. Throws
  // NotFoundError, ConflictError (already undone).
  UnmergeResult unmerge(const Uuid& merge_id);

  // Imports a legacy export (CSV in UTF-8, Windows-1252 or Latin-1, detected)
  // through a mapping profile (JSON, see docs/importing.md). Every row ends
  // imported, merged or rejected with its row and reason. Idempotent: rows
  // are recognised by their external id in the profile's system; a field
  // edited in Relais since the last import is never overwritten but
  // reported in differences. Throws InvalidInputError for a bad profile or a
  // profile that does not fit the file (before any row is written).
  ImportReport import_csv(std::string_view bytes, std::string_view profile_json,
                          const ImportOptions& options = {});
  // import_csv() on a file. Throws NotFoundError when it cannot be read.
  ImportReport import_file(const std::string& path, const std::string& profile_path,
                           const ImportOptions& options = {});
  // Throws NotFoundError.
  Customer get(const Uuid& id) const;
  // Applies `changes` when the stored version equals `expected_version`.
  // Returns the record with version + 1. Throws NotFoundError,
  // ConflictError (stale version: nothing written), InvalidInputError.
  Customer update(const Uuid& id, std::int64_t expected_version, const CustomerChanges& changes);
  // Marks the customer archived (hidden from listings by default, still
  // readable). Same errors as update().
  Customer archive(const Uuid& id, std::int64_t expected_version);
  // One page ordered by name; pass next_cursor back for the next page.
  // Throws InvalidInputError for a limit outside 1..500 or a bad cursor.
  CustomerPage list(const CustomerQuery& query = {}) const;
  // Customers having this number, on themselves or on a contact, written in
  // any common format. Throws InvalidInputError when it is not a phone number.
  std::vector<Customer> lookup_phone(std::string_view phone) const;
  // Customers having this email, on themselves or on a contact (case of the
  // domain ignored). Throws InvalidInputError when it is not an email.
  std::vector<Customer> lookup_email(std::string_view email) const;
  // The customer's journal entries, oldest first. Throws NotFoundError.
  std::vector<JournalEntry> history(const Uuid& id) const;

 private:
  detail::WorkspaceCore& core_;
};

}  // namespace v1
}  // namespace relais
