#include "erp/connectors.h"

#include <relais/errors.h>

namespace relais::inline v1::detail {

std::shared_ptr<spi::ErpConnector> create_connector(PluginHost& host, std::string_view system,
                                                    std::string_view plugin, std::string_view config) {
  auto connector = host.create_as<spi::ErpConnector>("erp", plugin, config);
  if (const std::string served = connector->system(); served != system) {
    throw InvalidInputError("config.system", served, "is not the system being configured, '" + std::string(system) + "'");
  }
  return connector;
}

MappingProfile checked_profile(const std::string& json_text, std::string_view system) {
  MappingProfile profile;
  try {
    profile = load_profile(json_text);
  } catch (const InvalidInputError& error) {
    std::vector<FieldError> errors = error.field_errors();
    for (auto& field_error : errors) field_error.field = "profile." + field_error.field;
    throw InvalidInputError(std::move(errors));
  }
  if (profile.system != system) {
    throw InvalidInputError("profile.system", profile.system,
                            "is not the system the connector serves, '" + std::string(system) + "'");
  }
  return profile;
}

std::shared_ptr<ConnectorSlot> ConnectorCache::slot(PluginHost& host, const ErpSystem& system) {
  std::lock_guard lock(mutex_);
  auto& slot = slots_[system.system];
  if (!slot || slot->plugin != system.plugin || slot->config != system.config) {
    auto fresh = std::make_shared<ConnectorSlot>();
    fresh->plugin = system.plugin;
    fresh->config = system.config;
    fresh->connector = create_connector(host, system.system, system.plugin, system.config);
    slot = std::move(fresh);
  }
  return slot;
}

}  // namespace relais::inline v1::detail
