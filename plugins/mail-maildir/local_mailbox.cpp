#include "local_mailbox.h"

#include <sys/stat.h>

namespace relais::local_mail {

void check_file_uids(const std::vector<std::string>& uids) {
  FieldErrors errors;
  for (std::size_t i = 0; i < uids.size(); ++i) {
    if (uids[i].empty() || uids[i].front() == '.' || uids[i].find('/') != std::string::npos) {
      errors.add("uids[" + std::to_string(i) + "]", uids[i], "is not a uid of this mailbox");
    }
  }
  errors.throw_if_any();
}

std::optional<std::int64_t> file_time_ns(const std::filesystem::path& path, bool modified) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) return std::nullopt;
  const timespec& time = modified ? status.st_mtim : status.st_ctim;
  return std::int64_t{time.tv_sec} * 1'000'000'000 + time.tv_nsec;
}

}  // namespace relais::local_mail
