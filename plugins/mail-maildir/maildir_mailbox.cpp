// A Maildir: messages are files in new/ (not yet seen by any mail program)
// and cur/ ("<unique>:2,<flags>"). The unique name is the uid; a message
// keeps it when a mail program moves it to cur/ or changes its flags, so the
// cursor recognises it. Arrival time is the file's modification time, which
// renames do not change.
#include "arrival_cursor.h"
#include "durable_files.h"
#include "local_mailbox.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>

namespace relais::local_mail {
namespace {

namespace fs = std::filesystem;
using mail_plugin::AcknowledgeAction;

constexpr std::string_view kInfoSeparator = ":2,";

std::string unique_name(const std::string& file_name) { return file_name.substr(0, file_name.find(':')); }

class Maildir final : public LocalMailbox {
 public:
  explicit Maildir(const LocalMailConfig& config) : config_(config) {}

  spi::MailBatch fetch_since(std::string_view cursor, std::size_t limit) override {
    return fetch_arrivals(list(), cursor, "maildir", limit, [&](const ArrivedFile& file) { return read(file); });
  }

  void acknowledge(const std::vector<std::string>& uids) override {
    check_file_uids(uids);
    if (config_.acknowledge.action == AcknowledgeAction::keep) return;
    std::map<std::string, fs::path> by_uid;
    for (const auto& file : list()) by_uid.emplace(file.key, file.path);
    for (const auto& uid : uids) {
      const auto found = by_uid.find(uid);
      if (found == by_uid.end()) continue;  // moved away already, or deleted
      if (config_.acknowledge.action == AcknowledgeAction::mark_seen) {
        mark_seen(found->second);
      } else {
        move(found->second);
      }
    }
  }

 private:
  std::vector<ArrivedFile> list() const {
    std::vector<ArrivedFile> files;
    for (const char* folder : {"new", "cur"}) {
      std::error_code error;
      for (const auto& entry : fs::directory_iterator(config_.path / folder, error)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(".")) continue;
        if (auto time = file_time_ns(entry.path(), /*modified=*/true)) {
          files.push_back({unique_name(name), *time, entry.path(), folder});
        }
      }
      if (error) throw plugin_files::io_error("list maildir", config_.path / folder, error.message());
    }
    return files;
  }

  // A mail program may have moved the file to cur/ or changed its flags
  // since the listing: look for its unique name again.
  std::optional<std::string> read(const ArrivedFile& file) const {
    fs::path path = file.path;
    if (!fs::exists(path)) {
      const auto files = list();
      const auto again = std::find_if(files.begin(), files.end(), [&](const auto& each) { return each.key == file.key; });
      if (again == files.end()) return std::nullopt;
      path = again->path;
    }
    return plugin_files::read_file(path, "read maildir message");
  }

  void mark_seen(const fs::path& path) const {
    const std::string name = path.filename().string();
    const auto info = name.find(kInfoSeparator);
    std::string flags = info == std::string::npos ? "" : name.substr(info + kInfoSeparator.size());
    if (path.parent_path().filename() == "cur" && flags.find('S') != std::string::npos) return;
    flags += 'S';
    std::sort(flags.begin(), flags.end());  // Maildir wants flags in ASCII order
    rename(path, config_.path / "cur" / (unique_name(name) + std::string(kInfoSeparator) + flags));
  }

  // Into the same new/ or cur/ of the Maildir++ sub-folder, flags kept.
  void move(const fs::path& path) const {
    for (const char* folder : {"new", "cur", "tmp"}) plugin_files::create_folder(config_.move_folder / folder, "move_to");
    rename(path, config_.move_folder / path.parent_path().filename() / path.filename());
  }

  static void rename(const fs::path& from, const fs::path& to) {
    // A unique name never collides, and another program may have renamed
    // it first: then it is acknowledged already.
    if (std::rename(from.c_str(), to.c_str()) != 0 && errno != ENOENT) {
      throw plugin_files::io_error("acknowledge", from, std::strerror(errno));
    }
  }

  const LocalMailConfig& config_;
};

}  // namespace

std::unique_ptr<LocalMailbox> open_maildir(const LocalMailConfig& config) { return std::make_unique<Maildir>(config); }

}  // namespace relais::local_mail
