#pragma once
// SQL for duplicate detection: the block keys of every customer (kept by
// customer_store on every write), candidate lookup, the review queue and the
// batch finder's run state.
#include <relais/customers/duplicates.h>
#include <relais/spi/storage.h>

#include "storage/migrations.h"

#include <optional>
#include <vector>

namespace relais::inline v1::detail {

SchemaArea customer_matching_schema();

// Replaces the block keys of `customer` (none when archived).
void store_match_keys(spi::Connection& connection, const Customer& customer);

// Unarchived customers sharing a block with `keys`, other than `exclude`,
// scored against them; those at least probable, best first.
std::vector<DuplicateCandidate> find_candidates(spi::Connection& connection, const IdentityKeys& keys,
                                                const MatchThresholds& thresholds,
                                                const std::optional<Uuid>& exclude = std::nullopt);

}  // namespace relais::inline v1::detail
