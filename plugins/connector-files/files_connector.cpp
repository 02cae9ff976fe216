// The "files" ERP connector, librelais-erp-files.so (kind "erp", name
// "files"): exchanges files with an external system through two folders,
// an outbox the system imports from and an inbox it exports into. Its config
// is described in files_config.h.
#include "files_config.h"

#include <relais/spi/erp.h>
#include <relais/spi/plugin.h>
#include <relais/version.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace relais::files_connector {
namespace {

namespace fs = std::filesystem;

StorageError io_error(const std::string& operation, const fs::path& path, const std::string& why) {
  return StorageError(operation + " " + path.string() + ": " + why,
                      {{"operation", operation}, {"path", path.string()}});
}

std::string read_file(const fs::path& path, const std::string& operation) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw io_error(operation, path, std::strerror(errno));
  std::ostringstream contents;
  contents << file.rdbuf();
  if (file.bad()) throw io_error(operation, path, "read failed");
  return contents.str();
}

// A file name handed in by the host: a plain name inside the folder.
void check_name(const std::string& name) {
  if (name.empty() || name.front() == '.' || name.find('/') != std::string::npos) {
    throw InvalidInputError("file.name", name, "must be a plain file name, not hidden, without '/'");
  }
}

// Written to disk before it is given a visible name: a crash leaves at most
// a hidden temporary file, never a partial one the system could pick up.
void write_durably(const fs::path& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw io_error("send", path, std::strerror(errno));
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t written = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) {
      const int error = errno;
      ::close(fd);
      throw io_error("send", path, std::strerror(error));
    }
    done += static_cast<std::size_t>(written);
  }
  const bool synced = ::fsync(fd) == 0;
  const int sync_error = errno;
  const bool closed = ::close(fd) == 0;
  if (!synced || !closed) throw io_error("send", path, std::strerror(synced ? errno : sync_error));
}

// Makes the rename that gave a file its name survive a crash.
void sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // some network file systems refuse: the rename is done all the same
  ::fsync(fd);
  ::close(fd);
}

// Renames `from` to `name` in `folder`, or to name-2.ext, name-3.ext... when
// taken: never over an existing file. RENAME_NOREPLACE makes the check and
// the rename one step; file systems without it (CIFS shares, where a Windows
// system's folders often are) get a check, then the rename.
fs::path move_without_replacing(const fs::path& from, const fs::path& folder, const std::string& name,
                                const std::string& operation) {
  const fs::path stem = fs::path(name).stem(), extension = fs::path(name).extension();
  for (int n = 1;; ++n) {
    const fs::path to = folder / (n == 1 ? name : stem.string() + "-" + std::to_string(n) + extension.string());
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return to;
    if (errno == EEXIST) continue;
    if (errno != EINVAL && errno != ENOSYS) throw io_error(operation, to, std::strerror(errno));
    if (fs::exists(to)) continue;
    if (std::rename(from.c_str(), to.c_str()) != 0) throw io_error(operation, to, std::strerror(errno));
    return to;
  }
}

void create_folder(const fs::path& folder, const std::string& key) {
  std::error_code error;
  fs::create_directories(folder, error);
  if (error || !fs::is_directory(folder)) {
    throw InvalidInputError("config." + key, folder.string(),
                            "cannot be used as a folder: " + (error ? error.message() : "not a directory"));
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
      write_durably(part, file.bytes);
      const fs::path sent = move_without_replacing(part, config_.outbox, file.name, "send");
      sync_folder(config_.outbox);
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
