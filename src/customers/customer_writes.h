#pragma once
// The one way a service writes a changed customer inside its own write
// transaction: versioned, stamped and journaled. Update, archive, merge and
// the ERP export all go through it.
#include <relais/customers/customer.h>
#include <relais/journal.h>

#include "workspace/workspace_core.h"

#include <string>
#include <vector>

namespace relais::inline v1::detail {

// Writes `changed` over `stored` when the stored version is still
// stored.version: the result has version + 1 and updated_at = the
// transaction's time. Journals the difference as `action` on entity
// "customer", followed by `extra`. Throws ConflictError for a stale version
// (nothing written) or an external id another customer holds (the store's
// unique key).
Customer store_change(WriteScope& scope, const Customer& stored, Customer changed, std::string action,
                      std::vector<FieldChange> extra = {});

}  // namespace relais::inline v1::detail
