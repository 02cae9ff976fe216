#pragma once
// The connectors of the configured external systems: created through the
// workspace's plugin host, checked, and kept while their configuration is
// unchanged.
#include <relais/erp/erp_exchange.h>
#include <relais/spi/erp.h>

#include "customers/import/mapping_profile.h"
#include "host/plugin_host.h"

#include <map>
#include <memory>
#include <mutex>
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

// One system's connector, for the configuration it was created with, and
// the lock that gives it to one call at a time.
struct ConnectorSlot {
  std::string plugin;
  std::string config;
  std::shared_ptr<spi::ErpConnector> connector;
  std::mutex in_use;
};

// Shared by every session of an engine. Thread-safe.
class ConnectorCache {
 public:
  // The slot serving `system` as stored: created on first use, and again
  // when its plugin or config changed (also when another process
  // reconfigured it). A slot replaced while in use lives on until released.
  // Same errors as create_connector().
  std::shared_ptr<ConnectorSlot> slot(PluginHost& host, const ErpSystem& system);

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<ConnectorSlot>, std::less<>> slots_;
};

}  // namespace relais::inline v1::detail
