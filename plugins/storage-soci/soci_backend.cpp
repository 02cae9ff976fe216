// The storage-soci plugin: kind "storage", name "soci". Its config is the
// workspace URI (see uri.h); one backend serves one database.
#include "dialects.h"
#include "engines.h"
#include "uri.h"

#include <relais/spi/plugin.h>
#include <relais/version.h>

namespace relais::soci_storage {
namespace {

class SociBackend final : public spi::StorageBackend {
 public:
  // Throws InvalidInputError for a bad URI; the plugin entry point turns it
  // into the message of the host's PluginError.
  explicit SociBackend(std::string_view uri) : uri_(parse_database_uri(uri)) {}

  std::unique_ptr<spi::Connection> connect() override {
    return uri_.engine == EngineKind::sqlite ? connect_sqlite(uri_) : connect_postgresql(uri_);
  }

  std::unique_ptr<spi::ChangeListener> listen(std::string_view channel) override {
    return uri_.engine == EngineKind::sqlite ? listen_sqlite(channel) : listen_postgresql(uri_, channel);
  }

  const spi::Dialect& dialect() const noexcept override {
    return uri_.engine == EngineKind::sqlite ? sqlite_dialect() : postgresql_dialect();
  }

 private:
  // Immutable after construction: connect() and listen() may run on any
  // thread at once.
  const DatabaseUri uri_;
};

}  // namespace
}  // namespace relais::soci_storage

RELAIS_DEFINE_PLUGIN(relais::spi::StorageBackend, "storage", "soci", RELAIS_VERSION,
                     [](const char* uri) { return new relais::soci_storage::SociBackend(uri); })
