#pragma once
// The plugin host: finds plugin shared libraries, checks their ABI version,
// keeps a registry of what they provide and creates their objects.
//
// Internal header (not installed). PluginHost is nevertheless RELAIS_API:
// librelais.so hides every symbol by default, and the host's own tests and
// the command-line tool drive it directly.
#include <relais/errors.h>
#include <relais/export.h>
#include <relais/spi/plugin_kind.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relais::inline v1::detail {

// What a loaded plugin declares about itself, and the file it came from.
struct PluginInfo {
  std::string kind;
  std::string name;
  std::string version;
  std::string path;
  bool operator==(const PluginInfo&) const = default;
};

// A plugin file that scan() could not load, and why.
struct ScanFailure {
  std::string path;
  std::string message;
};

struct ScanReport {
  std::vector<PluginInfo> loaded;
  std::vector<ScanFailure> failures;
};

// Thread-safe: every member may be called concurrently. Libraries are never
// unloaded while the host or any object they created is alive; each object
// returned by create() keeps its library loaded until the object is
// destroyed, even after the host itself is gone.
class RELAIS_API PluginHost {
 public:
  // `extra_paths` are searched first, before RELAIS_PLUGIN_PATH and the
  // install prefix.
  explicit PluginHost(std::vector<std::string> extra_paths = {});
  ~PluginHost();
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  // The folders searched, in order: the extra paths, the entries of
  // RELAIS_PLUGIN_PATH (colon-separated, read on each call), the install
  // plugin folder, then the build tree's plugin folder when this library is
  // the one in the build tree (or, for an install moved to another prefix,
  // the plugin folder next to the library). Folders need not exist.
  std::vector<std::string> search_path() const;

  // Loads the plugin library at `path` and registers the (kind, name) it
  // declares. Loading the same file again returns its registration.
  // Throws PluginError (context: "path", and "message" or versions) when the
  // file is not a loadable library, has no RELAIS_PLUGIN_ENTRY_NAME symbol,
  // declares another ABI version than RELAIS_PLUGIN_ABI_VERSION (checked
  // before any other field is read), or declares a (kind, name) already
  // registered from another file. A refused library is unloaded again.
  PluginInfo load_file(const std::string& path);

  // Loads every file named librelais-*.so in the search path. A file that
  // fails is recorded in the report and skipped; scan() itself never throws
  // a PluginError.
  ScanReport scan();

  // The plugins registered so far, ordered by (kind, name).
  std::vector<PluginInfo> plugins() const;

  // Creates an object of plugin (kind, name) for `config` (for storage
  // plugins: the workspace URI). When the plugin is not registered yet, loads
  // librelais-<kind>-<name>.so from the first search-path folder holding it.
  // The caller owns the returned object (never null); its deleter hands it
  // back to the plugin's destroy() and keeps the library loaded until then.
  // Throws PluginError when no file provides the plugin (the message lists
  // every folder searched), when loading fails (see load_file), or when the
  // plugin's factory fails (the message carries the plugin's own message).
  std::shared_ptr<void> create(std::string_view kind, std::string_view name,
                               std::string_view config);

  // create() for a kind whose objects implement `Interface` (for "storage":
  // spi::StorageBackend). The caller is responsible for matching the kind
  // with the interface; same errors as create().
  template <class Interface>
  std::shared_ptr<Interface> create_as(std::string_view kind, std::string_view name,
                                       std::string_view config) {
    return std::static_pointer_cast<Interface>(create(kind, name, config));
  }

  // create_as() for an SPI interface that names its kind (spi::PluginKind),
  // so that the kind and the interface cannot disagree.
  template <class Interface>
  std::shared_ptr<Interface> create_as(std::string_view name, std::string_view config) {
    return create_as<Interface>(spi::PluginKind<Interface>::name, name, config);
  }

 private:
  struct Plugin;
  using Key = std::pair<std::string, std::string>;

  std::shared_ptr<Plugin> load_locked(const std::string& path);
  std::shared_ptr<Plugin> find_or_load_locked(std::string_view kind, std::string_view name);

  std::vector<std::string> extra_paths_;
  mutable std::mutex mutex_;
  std::map<Key, std::shared_ptr<Plugin>> registry_;
};

}  // namespace relais::inline v1::detail
