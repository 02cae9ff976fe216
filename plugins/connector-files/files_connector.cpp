// The "files" ERP connector, librelais-erp-files.so (kind "erp", name
// "files"): exchanges files with an external system through two folders,
// an outbox the system imports from and an inbox it exports into. Its config
// is described in files_config.h.
#include "durable_files.h"
#include "files_config.h"

#include <relais/spi/erp.h>
#include <relais/spi/plugin.h>
#include <relais/version.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>

namespace relais::files_connector {
namespace {

namespace fs = std::filesystem;
using plugin_files::create_folder;
using plugin_files::io_error;
using plugin_files::move_without_replacing;
using plugin_files::read_file;

// A file name handed in by the host: a plain name inside the folder.
void check_name(const std::string& name) {
  if (name.empty() || name.front() == '.' || name.find('/') != std::string::npos) {
    throw InvalidInputError("file.name", name, "must be a plain file name, not hidden, without '/'");
  }
}

class FilesConnector final : public spi::ErpConnector {
 public:
  // Throws InvalidInputError naming the key: a profile that cannot be read,
  // a folder that cannot be created.
  explicit FilesConnector(FilesConfig config) : config_(std::move(config)) {
    if (!fs::is_regular_file(config_.profile) || !std::ifstream(config_.profile)) {
      throw InvalidInputError("config.profile", config_.profile.string(), "is not a readable file");
    }
    create_folder(config_.outbox, "outbox");
    create_folder(config_.inbox / "done", "inbox");
    create_folder(config_.inbox / "failed", "inbox");
  }

  std::string system() const override { return config_.system; }

  std::string profile() const override { return read_file(config_.profile, "read profile"); }

  std::string new_external_id(std::uint64_t sequence) const override {
    const std::string digits = std::to_string(sequence);
    const auto width = static_cast<std::size_t>(config_.id_width);
    if (digits.size() > width) {
      throw InvalidInputError("config.id_width", std::to_string(width),
                              "sequence " + digits + " needs more digits: widen id_width");
    }
    return config_.id_prefix + std::string(width - digits.size(), '0') + digits;
  }

  std::string send(const spi::OutboundFile& file) override {
    check_name(file.name);
    const fs::path part = config_.outbox / ("." + file.name + "." + std::to_string(::getpid()) + ".part");
    try {
      plugin_files::write_durably(part, file.bytes, "send");
      const fs::path sent = move_without_replacing(part, config_.outbox, file.name, "send");
      plugin_files::sync_folder(config_.outbox);
      return sent.string();
    } catch (...) {
      std::error_code ignored;
      fs::remove(part, ignored);
      throw;
    }
  }

  std::vector<spi::InboundFile> receive() override {
    std::vector<fs::path> paths;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(config_.inbox, error)) {
      if (entry.is_regular_file() && !entry.path().filename().string().starts_with(".")) paths.push_back(entry.path());
    }
    if (error) throw io_error("receive", config_.inbox, error.message());
    std::sort(paths.begin(), paths.end());
    std::vector<spi::InboundFile> files;
    for (const auto& path : paths) files.push_back({path.filename().string(), read_file(path, "receive")});
    return files;
  }

  void acknowledge(const spi::InboundFile& file, bool imported_ok) override {
    check_name(file.name);
    const fs::path received = config_.inbox / file.name;
    if (!fs::is_regular_file(received)) throw NotFoundError("inbox file", received.string());
    move_without_replacing(received, config_.inbox / (imported_ok ? "done" : "failed"), file.name, "acknowledge");
  }

 private:
  const FilesConfig config_;
};

}  // namespace
}  // namespace relais::files_connector

RELAIS_DEFINE_PLUGIN(relais::spi::ErpConnector, "erp", "files", RELAIS_VERSION, [](const char* config) {
  return new relais::files_connector::FilesConnector(relais::files_connector::parse_files_config(config));
})
