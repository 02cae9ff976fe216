#pragma once
// SQL of the ERP exchange: the configured systems, each with its connector,
// its export cursor and the sequence that numbers its new customers.
#include <relais/erp/erp_exchange.h>
#include <relais/spi/storage.h>

#include "storage/migrations.h"

#include <optional>
#include <string_view>
#include <vector>

namespace relais::inline v1::detail {

SchemaArea erp_schema();

// With `lock`, the row stays locked until the transaction ends (exports of
// one system queue on it, from any process).
std::optional<ErpSystem> find_erp_system(spi::Connection& connection, std::string_view system, bool lock = false);
std::vector<ErpSystem> list_erp_systems(spi::Connection& connection);
void insert_erp_system(spi::Connection& connection, const ErpSystem& system);
// Rewrites every column but created_at.
void update_erp_system(spi::Connection& connection, const ErpSystem& system);

}  // namespace relais::inline v1::detail
