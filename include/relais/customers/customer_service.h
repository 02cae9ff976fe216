#pragma once
// Customer records: create, read, versioned update, archive, paged listing
// and lookup by phone or email. Every mutation is validated first (all field
// errors at once, nothing written), runs in one transaction with its journal
// entry, and publishes its event after commit.
#include <relais/customers/customer.h>
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
  // contacts are assigned. Throws InvalidInputError (one FieldError per bad
  // field: empty or oversized name, bad phone, email, postcode, SIRET, VAT),
  // ConflictError (an external id already used by another customer).
  Customer create(const CustomerDraft& draft);
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
