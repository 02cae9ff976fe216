#pragma once
// The connectors of the configured ERP systems: created through the
// workspace's plugin host, checked, and kept in the engine's cache while
// their configuration is unchanged.
#include <relais/erp/erp_exchange.h>
#include <relais/spi/erp.h>

#include "customers/import/mapping_profile.h"
#include "host/connector_cache.h"
#include "host/plugin_host.h"

#include <memory>
#include <string>
#include <string_view>

namespace relais::inline v1::detail {

// Creates the connector for `system` from plugin (kind "erp") `plugin` and
// `config`, and checks that it serves `system`. Throws PluginError,
// InvalidInputError (the plugin's "config.<key>"; "config.system" for a
// connector serving another system).
std::shared_ptr<spi::ErpConnector> create_connector(PluginHost& host, std::string_view system,
                                                    std::string_view plugin, std::string_view config);

// A connector's mapping profile (JSON text), loaded and checked: every key
// is valid and it serves `system`. Throws InvalidInputError naming
// "profile.<key>".
MappingProfile checked_profile(const std::string& json_text, std::string_view system);

// The slot of `system` in the engine's cache, created with
// create_connector() when missing or reconfigured. Same errors.
std::shared_ptr<ConnectorSlot<spi::ErpConnector>> erp_connector_slot(ConnectorCache<spi::ErpConnector>& cache,
                                                                      PluginHost& host, const ErpSystem& system);

}  // namespace relais::inline v1::detail
