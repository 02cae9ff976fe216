#pragma once
// The connectors of configured external systems (ERP systems, mailboxes):
// created once per configuration and kept while it is unchanged, each
// served to one call at a time.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace relais::inline v1::detail {

// One configured system's connector, for the configuration it was created
// with, and the lock that gives it to one call at a time.
template <class Interface>
struct ConnectorSlot {
  std::string plugin;
  std::string config;
  std::shared_ptr<Interface> connector;
  std::mutex in_use;
};

// Shared by every session of an engine. Thread-safe.
template <class Interface>
class ConnectorCache {
 public:
  // The slot serving `key` with `plugin` and `config` as stored: created
  // with `create()` (returning std::shared_ptr<Interface>) on first use, and
  // again when the plugin or config changed (also when another process
  // reconfigured it). A slot replaced while in use lives on until released.
  // Lets create()'s exceptions through, keeping the previous slot.
  template <class Create>
  std::shared_ptr<ConnectorSlot<Interface>> slot(std::string_view key, std::string_view plugin,
                                                 std::string_view config, Create&& create) {
    std::lock_guard lock(mutex_);
    auto& slot = slots_[std::string(key)];
    if (!slot || slot->plugin != plugin || slot->config != config) {
      auto fresh = std::make_shared<ConnectorSlot<Interface>>();
      fresh->plugin = plugin;
      fresh->config = config;
      fresh->connector = create();
      slot = std::move(fresh);
    }
    return slot;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<ConnectorSlot<Interface>>, std::less<>> slots_;
};

}  // namespace relais::inline v1::detail
