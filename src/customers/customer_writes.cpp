#include "customers/customer_writes.h"

#include "customers/customer_rules.h"
#include "customers/customer_store.h"
#include "customers/duplicate_store.h"

#include <algorithm>

namespace relais::inline v1::detail {

Customer store_new_customer(WriteScope& scope, Customer customer, const IdentityKeys& keys, const Clock& clock) {
  customer.id = Uuid::generate(clock);
  customer.created_at = customer.updated_at = scope.now();
  customer.version = 1;
  insert_customer(scope.connection(), customer, keys);
  scope.record({"customer", customer.id.to_string(), "create", customer_changes(nullptr, customer)});
  return customer;
}

Customer store_customer_change(WriteScope& scope, const Customer& stored, Customer changed, std::string action,
                               std::vector<FieldChange> extra) {
  changed.updated_at = scope.now();
  if (!update_customer(scope.connection(), changed, stored.version)) throw stale_version(stored, stored.version);
  changed.version = stored.version + 1;
  auto changes = customer_changes(&stored, changed);
  changes.insert(changes.end(), extra.begin(), extra.end());
  scope.record({"customer", changed.id.to_string(), std::move(action), std::move(changes)});
  return changed;
}

bool queue_for_review(WriteScope& scope, const Uuid& created, const Uuid& existing, MatchScore match,
                      const Clock& clock) {
  DuplicatePair pair{Uuid::generate(clock), std::min(created, existing), std::max(created, existing),
                     match.score, match.outcome, std::move(match.reasons), ReviewStatus::pending, scope.now(), 1};
  if (!queue_pair(scope.connection(), pair)) return false;
  scope.record(pair_record(pair, "create"));
  return true;
}

}  // namespace relais::inline v1::detail
