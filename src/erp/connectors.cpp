#include "erp/connectors.h"

#include <relais/errors.h>

namespace relais::inline v1::detail {

std::shared_ptr<spi::ErpConnector> create_connector(PluginHost& host, std::string_view system,
                                                    std::string_view plugin, std::string_view config) {
  auto connector = host.create_as<spi::ErpConnector>(plugin, config);
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

std::shared_ptr<ConnectorSlot<spi::ErpConnector>> erp_connector_slot(ConnectorCache<spi::ErpConnector>& cache,
                                                                      PluginHost& host, const ErpSystem& system) {
  return cache.slot(system.system, system.plugin, system.config,
                    [&] { return create_connector(host, system.system, system.plugin, system.config); });
}

}  // namespace relais::inline v1::detail
