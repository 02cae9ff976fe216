#include "durable_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace relais::plugin_files {

namespace fs = std::filesystem;

StorageError io_error(const std::string& operation, const fs::path& path, const std::string& why) {
  return StorageError(operation + " " + path.string() + ": " + why, {{"operation", operation}, {"path", path.string()}});
}

void create_folder(const fs::path& folder, const std::string& key) {
  std::error_code error;
  fs::create_directories(folder, error);
  if (error || !fs::is_directory(folder)) {
    throw InvalidInputError("config." + key, folder.string(),
                            "cannot be used as a folder: " + (error ? error.message() : "not a directory"));
  }
}

std::string read_file(const fs::path& path, const std::string& operation) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw io_error(operation, path, std::strerror(errno));
  std::ostringstream contents;
  contents << file.rdbuf();
  if (file.bad()) throw io_error(operation, path, "read failed");
  return contents.str();
}

void write_durably(const fs::path& path, std::string_view bytes, const std::string& operation) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw io_error(operation, path, std::strerror(errno));
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t written = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) {
      const int error = errno;
      ::close(fd);
      throw io_error(operation, path, std::strerror(error));
    }
    done += static_cast<std::size_t>(written);
  }
  const bool synced = ::fsync(fd) == 0;
  const int sync_error = errno;
  const bool closed = ::close(fd) == 0;
  if (!synced || !closed) throw io_error(operation, path, std::strerror(synced ? errno : sync_error));
}

void sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // some network file systems refuse: the rename is done all the same
  ::fsync(fd);
  ::close(fd);
}

// RENAME_NOREPLACE makes the check and the rename one step; file systems
// without it (CIFS shares, where a Windows system's folders often are) get a
// check, then the rename.
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

}  // namespace relais::plugin_files
