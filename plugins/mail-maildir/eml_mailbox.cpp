// A folder of .eml files (one message each, as Outlook saves them). The
// file name is the uid. Arrival time is the file's status-change time: a
// copy that keeps an old modification time (cp -p, a restored backup, a
// USB stick) still arrives now, and nothing renames these files in place.
#include "arrival_cursor.h"
#include "durable_files.h"
#include "local_mailbox.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace relais::local_mail {
namespace {

namespace fs = std::filesystem;

bool is_eml(const std::string& name) {
  if (name.starts_with(".") || name.size() <= 4) return false;
  std::string extension = name.substr(name.size() - 4);
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
  return extension == ".eml";
}

class EmlFolder final : public LocalMailbox {
 public:
  explicit EmlFolder(const LocalMailConfig& config) : config_(config) {}

  spi::MailBatch fetch_since(std::string_view cursor, std::size_t limit) override {
    std::vector<ArrivedFile> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(config_.path, error)) {
      const std::string name = entry.path().filename().string();
      if (!is_eml(name)) continue;
      if (auto time = file_time_ns(entry.path(), /*modified=*/false)) {
        files.push_back({name, *time, entry.path(), config_.path.filename().string()});
      }
    }
    if (error) throw plugin_files::io_error("list eml folder", config_.path, error.message());
    return fetch_arrivals(std::move(files), cursor, "eml", limit, [](const ArrivedFile& file) -> std::optional<std::string> {
      if (!fs::exists(file.path)) return std::nullopt;
      return plugin_files::read_file(file.path, "read eml");
    });
  }

  void acknowledge(const std::vector<std::string>& uids) override {
    check_file_uids(uids);
    if (config_.acknowledge.action != mail_plugin::AcknowledgeAction::move) return;
    plugin_files::create_folder(config_.move_folder, "move_to");
    for (const auto& uid : std::set<std::string>(uids.begin(), uids.end())) {
      if (!fs::exists(config_.path / uid)) continue;  // moved already
      // The same name may come back later (saved again from Outlook): the
      // earlier one is kept beside it.
      plugin_files::move_without_replacing(config_.path / uid, config_.move_folder, uid, "acknowledge");
    }
    plugin_files::sync_folder(config_.move_folder);
  }

 private:
  const LocalMailConfig& config_;
};

}  // namespace

std::unique_ptr<LocalMailbox> open_eml_folder(const LocalMailConfig& config) {
  return std::make_unique<EmlFolder>(config);
}

}  // namespace relais::local_mail
