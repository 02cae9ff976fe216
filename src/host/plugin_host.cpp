#include "host/plugin_host.h"

#include <relais/spi/plugin.h>

#include <boost/dll/shared_library.hpp>
#include <dlfcn.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>

namespace relais::inline v1::detail {

namespace fs = std::filesystem;

struct PluginHost::Plugin {
  std::shared_ptr<boost::dll::shared_library> library;
  const relais_plugin_descriptor* descriptor;
  PluginInfo info;
};

namespace {

constexpr std::string_view kFilePrefix = "librelais-";
constexpr std::string_view kFileSuffix = ".so";

// Any object of this library: dladdr on it tells which file the library was
// loaded from.
const int library_anchor = 0;

fs::path canonical_or_same(const fs::path& path) {
  std::error_code error;
  fs::path result = fs::weakly_canonical(fs::absolute(path), error);
  return error ? path : result;
}

fs::path library_folder() {
  Dl_info info{};
  if (dladdr(&library_anchor, &info) == 0 || info.dli_fname == nullptr) return {};
  return canonical_or_same(info.dli_fname).parent_path();
}

// The plugin folder that belongs to this very copy of the library: the build
// tree's when the library runs from the build tree (the install folder may
// hold an older release), the one beside the library when an install was
// moved to another prefix, and none when it runs from its install prefix.
std::string own_plugin_folder() {
  const fs::path build_plugins = RELAIS_BUILD_PLUGIN_DIR;
  const fs::path here = library_folder();
  if (here.empty()) return {};
  if (here == canonical_or_same(build_plugins.parent_path().parent_path())) {
    return build_plugins.string();
  }
  const fs::path beside = here / "relais" / "plugins";
  if (beside == canonical_or_same(RELAIS_INSTALL_PLUGIN_DIR)) return {};
  return beside.string();
}

void append_path_list(std::string_view list, std::vector<std::string>& out) {
  while (!list.empty()) {
    const std::size_t colon = std::min(list.find(':'), list.size());
    if (colon > 0) out.emplace_back(list.substr(0, colon));
    list.remove_prefix(std::min(colon + 1, list.size()));
  }
}

bool is_plugin_file_name(std::string_view name) {
  return name.size() > kFilePrefix.size() + kFileSuffix.size() && name.starts_with(kFilePrefix) &&
         name.ends_with(kFileSuffix);
}

std::vector<std::string> plugin_files_in(const std::string& folder) {
  std::vector<std::string> files;
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    if (is_plugin_file_name(it->path().filename().string()) && !it->is_directory(error)) {
      files.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

[[noreturn]] void refuse(const std::string& file, const std::string& reason,
                         std::map<std::string, std::string> context = {}) {
  context.emplace("path", file);
  throw PluginError("plugin " + file + ": " + reason, std::move(context));
}

std::shared_ptr<boost::dll::shared_library> open_library(const std::string& file) {
  try {
    // rtld_now: a plugin with an unresolved symbol is refused here, with the
    // loader's message, instead of crashing at its first call.
    return std::make_shared<boost::dll::shared_library>(
        file, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& error) {
    refuse(file, std::string("cannot be loaded: ") + error.what(), {{"message", error.what()}});
  }
}

const relais_plugin_descriptor* read_descriptor(boost::dll::shared_library& library,
                                                const std::string& file) {
  if (!library.has(RELAIS_PLUGIN_ENTRY_NAME)) {
    refuse(file, "has no entry point " RELAIS_PLUGIN_ENTRY_NAME);
  }
  const relais_plugin_descriptor* descriptor =
      library.get<const relais_plugin_descriptor*()>(RELAIS_PLUGIN_ENTRY_NAME)();
  if (descriptor == nullptr) refuse(file, "entry point returned no descriptor");
  // The ABI version is the only field whose layout every ABI shares: read it
  // before anything else.
  if (descriptor->abi_version != RELAIS_PLUGIN_ABI_VERSION) {
    const std::string found = std::to_string(descriptor->abi_version);
    const std::string expected = std::to_string(RELAIS_PLUGIN_ABI_VERSION);
    refuse(file, "plugin ABI version " + found + " does not match the host's ABI version " + expected,
           {{"plugin_abi_version", found}, {"host_abi_version", expected}});
  }
  if (!descriptor->kind || !descriptor->name || !descriptor->version || !descriptor->create ||
      !descriptor->destroy) {
    refuse(file, "descriptor has a null field");
  }
  return descriptor;
}

std::string join(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) joined += (joined.empty() ? "" : ", ") + item;
  return joined;
}

}  // namespace

PluginHost::PluginHost(std::vector<std::string> extra_paths) : extra_paths_(std::move(extra_paths)) {}

PluginHost::~PluginHost() = default;

std::vector<std::string> PluginHost::search_path() const {
  std::vector<std::string> folders = extra_paths_;
  if (const char* env = std::getenv("RELAIS_PLUGIN_PATH")) append_path_list(env, folders);
  folders.emplace_back(RELAIS_INSTALL_PLUGIN_DIR);
  if (std::string own = own_plugin_folder(); !own.empty()) folders.push_back(std::move(own));
  return folders;
}

PluginInfo PluginHost::load_file(const std::string& path) {
  std::lock_guard lock(mutex_);
  return load_locked(path)->info;
}

std::shared_ptr<PluginHost::Plugin> PluginHost::load_locked(const std::string& path) {
  const std::string file = canonical_or_same(path).string();
  for (const auto& [key, plugin] : registry_) {
    if (plugin->info.path == file) return plugin;
  }
  auto library = open_library(file);
  const relais_plugin_descriptor* descriptor = read_descriptor(*library, file);
  Key key{descriptor->kind, descriptor->name};
  if (auto existing = registry_.find(key); existing != registry_.end()) {
    refuse(file, "plugin " + key.first + "/" + key.second + " is already loaded from " +
                     existing->second->info.path);
  }
  auto plugin = std::make_shared<Plugin>(
      Plugin{std::move(library), descriptor, {key.first, key.second, descriptor->version, file}});
  registry_.emplace(std::move(key), plugin);
  return plugin;
}

ScanReport PluginHost::scan() {
  ScanReport report;
  std::lock_guard lock(mutex_);
  for (const std::string& folder : search_path()) {
    for (const std::string& file : plugin_files_in(folder)) {
      try {
        PluginInfo info = load_locked(file)->info;
        // A folder listed twice in the search path yields the same files.
        if (std::find(report.loaded.begin(), report.loaded.end(), info) == report.loaded.end()) {
          report.loaded.push_back(std::move(info));
        }
      } catch (const std::exception& error) {
        report.failures.push_back({file, error.what()});
      }
    }
  }
  return report;
}

std::vector<PluginInfo> PluginHost::plugins() const {
  std::lock_guard lock(mutex_);
  std::vector<PluginInfo> infos;
  for (const auto& [key, plugin] : registry_) infos.push_back(plugin->info);
  return infos;
}

std::shared_ptr<PluginHost::Plugin> PluginHost::find_or_load_locked(std::string_view kind,
                                                                    std::string_view name) {
  Key key{std::string(kind), std::string(name)};
  if (auto found = registry_.find(key); found != registry_.end()) return found->second;
  const std::string file_name = std::string(kFilePrefix) + key.first + "-" + key.second + ".so";
  const std::vector<std::string> folders = search_path();
  for (const std::string& folder : folders) {
    const fs::path candidate = fs::path(folder) / file_name;
    std::error_code error;
    if (!fs::exists(candidate, error)) continue;
    auto plugin = load_locked(candidate.string());
    if (plugin->info.kind != kind || plugin->info.name != name) {
      refuse(plugin->info.path, "declares plugin " + plugin->info.kind + "/" + plugin->info.name +
                                    ", not " + key.first + "/" + key.second);
    }
    return plugin;
  }
  throw PluginError("no plugin " + key.first + "/" + key.second + " (" + file_name +
                        ") in the search path: " + join(folders),
                    {{"kind", key.first}, {"name", key.second}, {"searched", join(folders)}});
}

namespace {

// Turns what a failed factory reported back into the matching exception: a
// bad config is the caller's InvalidInputError, an unreachable database a
// StorageError, anything else the plugin's fault.
[[noreturn]] void raise_creation_error(const PluginInfo& info, relais_plugin_error& error) {
  error.field[sizeof error.field - 1] = error.value[sizeof error.value - 1] = '\0';
  error.message[sizeof error.message - 1] = '\0';
  const std::string reason = error.message[0] ? error.message : "no message";
  switch (static_cast<ErrorCode>(error.code)) {
    case ErrorCode::invalid_input:
      throw InvalidInputError(error.field[0] ? error.field : "config", error.value, reason);
    case ErrorCode::storage:
      throw StorageError(reason, {{"kind", info.kind}, {"name", info.name}, {"operation", "create"}});
    default:
      refuse(info.path, info.kind + "/" + info.name + " could not create its object: " + reason,
             {{"kind", info.kind}, {"name", info.name}, {"message", reason}});
  }
}

}  // namespace

std::shared_ptr<void> PluginHost::create(std::string_view kind, std::string_view name,
                                         std::string_view config) {
  std::shared_ptr<Plugin> plugin;
  {
    std::lock_guard lock(mutex_);
    plugin = find_or_load_locked(kind, name);
  }
  // The factory runs unlocked: a storage plugin may take a while to connect.
  relais_plugin_error error{};
  const std::string config_text(config);
  void* object = plugin->descriptor->create(config_text.c_str(), &error);
  if (object == nullptr) raise_creation_error(plugin->info, error);
  // The deleter holds the library: unloading it while the object lives would
  // leave the object's code and vtable dangling.
  return std::shared_ptr<void>(
      object, [library = plugin->library, destroy = plugin->descriptor->destroy](void* created) {
        destroy(created);
      });
}

}  // namespace relais::inline v1::detail
