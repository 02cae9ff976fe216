#pragma once
// The three kinds of mailbox on disk the "maildir" connector reads. Each
// implements fetch_since() and acknowledge() of spi::MailConnector, with the
// same contract (include/relais/spi/mail.h); local I/O failures are
// StorageErrors naming the operation and the path. Not thread-safe.
#include "local_mail_config.h"

#include <relais/spi/mail.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais::local_mail {

class LocalMailbox {
 public:
  virtual ~LocalMailbox() = default;
  virtual spi::MailBatch fetch_since(std::string_view cursor, std::size_t limit) = 0;
  virtual void acknowledge(const std::vector<std::string>& uids) = 0;
};

// `config` must outlive the mailbox.
std::unique_ptr<LocalMailbox> open_maildir(const LocalMailConfig& config);
std::unique_ptr<LocalMailbox> open_eml_folder(const LocalMailConfig& config);
std::unique_ptr<LocalMailbox> open_mbox(const LocalMailConfig& config);

// Throws InvalidInputError naming "uids[i]" when a uid is not a plain file
// name (empty, hidden, or with a '/'): what the folder mailboxes hand out.
void check_file_uids(const std::vector<std::string>& uids);

// The modification (`modified`) or status-change time of `path` in
// nanoseconds since the Unix epoch; nullopt when it is gone.
std::optional<std::int64_t> file_time_ns(const std::filesystem::path& path, bool modified);

}  // namespace relais::local_mail
