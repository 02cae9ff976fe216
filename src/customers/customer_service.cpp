#include <relais/customers/customer_service.h>
#include <relais/customers/validation.h>
#include <relais/errors.h>

#include "core/changes.h"
#include "core/paging.h"
#include "customers/customer_rules.h"
#include "customers/customer_store.h"
#include "customers/customer_writes.h"
#include "customers/duplicate_store.h"
#include "workspace/workspace_core.h"

namespace relais {
inline namespace v1 {
namespace {



void ensure_external_ids_free(spi::Connection& connection, const Customer& customer) {
  if (auto owner = detail::external_id_owner(connection, customer)) {
    throw ConflictError("an external id of this customer already belongs to customer " + *owner,
                        {{"field", "external_ids"}, {"owner", *owner}});
  }
}

// Reads the stored record, applies `change` to a copy, and writes it back
// under optimistic concurrency, journaled as `action`.
template <typename Change>
Customer change_customer(detail::WorkspaceCore& core, const Uuid& id, std::int64_t expected_version,
                         std::string action, Change&& change) {
  return core.write(detail::Action::write, [&](detail::WriteScope& scope) {
    auto stored = detail::find_customer(scope.connection(), id);
    if (!stored) throw NotFoundError("customer", id.to_string());
    if (stored->version != expected_version) throw detail::stale_version(*stored, expected_version);
    Customer updated = change(*stored);
    ensure_external_ids_free(scope.connection(), updated);
    return detail::store_customer_change(scope, *stored, std::move(updated), std::move(action));
  });
}

}  // namespace

Customer CustomerService::create(const CustomerDraft& draft, const CreateOptions& options) {
  CustomerDraft normalized = detail::normalize_customer(draft, core_.clock());
  return core_.write(detail::Action::write, [&](detail::WriteScope& scope) {
    Customer customer = detail::from_draft(normalized, Customer{});
    const IdentityKeys keys = identity_keys(customer);
    if (!options.allow_duplicates) {
      // Checked inside the write transaction: a twin created concurrently by
      // another process cannot slip in between the check and the insert.
      auto candidates = detail::find_candidates(scope.connection(), keys, options.thresholds);
      if (!candidates.empty()) throw DuplicateCustomerError(std::move(candidates));
    }
    ensure_external_ids_free(scope.connection(), customer);
    return detail::store_new_customer(scope, std::move(customer), keys, core_.clock());
  });
}

std::vector<DuplicateCandidate> CustomerService::check_duplicates(const CustomerDraft& candidate,
                                                                  const MatchThresholds& thresholds) const {
  Customer normalized = detail::from_draft(detail::normalize_customer(candidate, core_.clock()), Customer{});
  return core_.read([&](spi::Connection& connection) {
    return detail::find_candidates(connection, identity_keys(normalized), thresholds);
  });
}

Customer CustomerService::get(const Uuid& id) const {
  return core_.read([&](spi::Connection& connection) {
    auto customer = detail::find_customer(connection, id);
    if (!customer) throw NotFoundError("customer", id.to_string());
    return std::move(*customer);
  });
}

Customer CustomerService::update(const Uuid& id, std::int64_t expected_version, const CustomerChanges& changes) {
  return change_customer(core_, id, expected_version, "update", [&](const Customer& stored) {
    return detail::from_draft(detail::normalize_customer(detail::apply_changes(stored, changes), core_.clock()), stored);
  });
}

Customer CustomerService::archive(const Uuid& id, std::int64_t expected_version) {
  return change_customer(core_, id, expected_version, "archive", [&](const Customer& stored) {
    if (stored.archived_at) throw ConflictError("customer " + id.to_string() + " is already archived",
                                                {{"entity", "customer"}, {"id", id.to_string()}});
    Customer archived = stored;
    archived.archived_at = core_.clock().now();
    return archived;
  });
}

CustomerPage CustomerService::list(const CustomerQuery& query) const {
  detail::checked_page_limit(query.limit);
  if (!query.after.empty()) Uuid::parse(query.after, "after");
  return core_.read([&](spi::Connection& connection) {
    CustomerPage page;
    page.items = detail::customer_page(connection, query);
    if (page.items.size() == query.limit) page.next_cursor = page.items.back().id.to_string();
    return page;
  });
}

namespace {

std::vector<Customer> customers_by_point(const detail::WorkspaceCore& core, std::string_view kind,
                                         const std::string& value) {
  return core.read([&](spi::Connection& connection) {
    std::vector<Customer> customers;
    for (const auto& id : detail::customers_with_contact_point(connection, kind, value)) {
      if (auto customer = detail::find_customer(connection, id)) customers.push_back(std::move(*customer));
    }
    return customers;
  });
}

}  // namespace

std::vector<Customer> CustomerService::lookup_phone(std::string_view phone) const {
  return customers_by_point(core_, "phone", normalize_phone(phone, "phone"));
}

std::vector<Customer> CustomerService::lookup_email(std::string_view email) const {
  return customers_by_point(core_, "email", normalize_email(email, "email"));
}

}  // namespace v1
}  // namespace relais
