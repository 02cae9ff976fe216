#pragma once
// SQL for customer merges: one row per merge holding the before-images of
// both records and the survivor's after-image, so that a merge can be undone
// field by field long after it happened. Also the JSON form of a whole
// Customer those images are stored in (customer_json, customer_rules.h).
#include <relais/customers/customer.h>
#include <relais/spi/storage.h>

#include "storage/migrations.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace relais::inline v1::detail {

SchemaArea customer_merges_schema();

struct MergeRecord {
  Uuid id;
  Customer survivor_before;
  Customer other_before;
  Customer survivor_after;
  Timestamp merged_at{};
  std::optional<Timestamp> undone_at;
  std::string actor;
};

void insert_merge(spi::Connection& connection, const MergeRecord& merge);
std::optional<MergeRecord> find_merge(spi::Connection& connection, const Uuid& id);
// Marks a live merge undone; false when it already was (by a concurrent
// unmerge too), writing nothing.
bool mark_merge_undone(spi::Connection& connection, const Uuid& id, Timestamp when);
// The survivor that absorbed customer `id` through a live merge, if any.
std::optional<Uuid> live_survivor_of(spi::Connection& connection, const Uuid& id);
// The customers absorbed by `survivor` through live merges (one level).
std::vector<Uuid> live_merged_into(spi::Connection& connection, const Uuid& survivor);

}  // namespace relais::inline v1::detail
