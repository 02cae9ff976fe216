#pragma once
// SQL of the import's write half: which customer holds an external id, and
// the per-(customer, system) snapshot of the values last imported, which
// tells a field edited in Relais since then from one left as imported.
#include <relais/clock.h>
#include <relais/ids.h>
#include <relais/spi/storage.h>

#include "storage/migrations.h"

#include <optional>
#include <string>

namespace relais::inline v1::detail {

SchemaArea customer_imports_schema();

// The customer whose external id in `system` is `value`, if any.
std::optional<Uuid> customer_with_external_id(spi::Connection& connection, const std::string& system,
                                              const std::string& value);

// The JSON object of the values last imported into `customer` from `system`.
std::optional<std::string> find_import_snapshot(spi::Connection& connection, const Uuid& customer,
                                                const std::string& system);
// Inserts or replaces that snapshot.
void save_import_snapshot(spi::Connection& connection, const Uuid& customer, const std::string& system,
                          const std::string& fields_json, Timestamp imported_at);

}  // namespace relais::inline v1::detail
