#pragma once
// The writes shared by every path that creates or changes customers
// (CustomerService, merge, the legacy import, the desk's web intake, the ERP
// export), inside the caller's write transaction, each with its journal
// entry.
#include <relais/customers/customer.h>
#include <relais/customers/matching.h>

#include "workspace/workspace_core.h"

#include <string>
#include <vector>

namespace relais::inline v1::detail {

// Stores `customer` (already normalised) as a new record: id, times and
// version 1 assigned. `keys` are identity_keys(customer). Returns it as
// stored.
Customer store_new_customer(WriteScope& scope, Customer customer, const IdentityKeys& keys, const Clock& clock);

// Writes `changed` over `stored` (version + 1, updated now) and journals the
// difference as `action` on entity "customer", plus `extra` fields. Throws
// ConflictError when the stored version is no longer stored.version
// (nothing written) or an external id another customer holds. Returns it as
// stored.
Customer store_customer_change(WriteScope& scope, const Customer& stored, Customer changed, std::string action,
                               std::vector<FieldChange> extra = {});

// Queues the pair {created, existing} for review with its score, unless it
// is already queued. Returns whether it was new.
bool queue_for_review(WriteScope& scope, const Uuid& created, const Uuid& existing, MatchScore match,
                      const Clock& clock);

}  // namespace relais::inline v1::detail
