// An mbox file, read only. The uid of a message is the offset of its From_
// line. The cursor is "mbox:<end>:<offset>:<hash>": where the last message
// returned ends, where its From_ line starts, and a hash of that line. When
// that line is no longer there (a mail program compacted the file after
// deleting mail), the file was rewritten and fetching starts again from the
// start.
#include "durable_files.h"
#include "local_mailbox.h"
#include "mbox_reader.h"
#include "text_hash.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <thread>
#include <vector>

namespace relais::local_mail {
namespace {

namespace fs = std::filesystem;

// Reads the whole of `text` as a number into `value`; false when it is not one.
bool read_number(std::string_view text, int base, std::uint64_t& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  return !text.empty() && error == std::errc() && end == text.data() + text.size();
}

struct MboxCursor {
  std::uint64_t end = 0;
  std::uint64_t offset = 0;
  std::uint64_t hash = 0;

  // nullopt for "" (the start). Throws InvalidInputError naming "cursor".
  static std::optional<MboxCursor> parse(std::string_view text) {
    if (text.empty()) return std::nullopt;
    const auto refuse = [&] { throw InvalidInputError("cursor", text, "is not a cursor of this mbox mailbox"); };
    if (!text.starts_with("mbox:")) refuse();
    MboxCursor cursor;
    std::uint64_t* const fields[] = {&cursor.end, &cursor.offset, &cursor.hash};
    std::string_view rest = text.substr(5);
    for (std::size_t i = 0; i < 3; ++i) {
      const auto colon = rest.find(':');
      if ((i < 2) == (colon == std::string_view::npos)) refuse();
      if (!read_number(rest.substr(0, colon), i == 2 ? 16 : 10, *fields[i])) refuse();
      rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    }
    if (cursor.offset >= cursor.end) refuse();
    return cursor;
  }

  std::string text() const {
    return "mbox:" + std::to_string(end) + ":" + std::to_string(offset) + ":" + hash_text(hash);
  }
};

// A shared lock on the whole file for the time of a fetch, as mail delivery
// agents take an exclusive one while they append: a message being delivered
// is never read half-written. An open-file-description lock, so that opening
// and closing the file elsewhere does not drop it.
class ReadLock {
 public:
  explicit ReadLock(const fs::path& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (fd_ < 0) return;  // no file yet: nothing to read
    struct flock whole_file {};
    whole_file.l_type = F_RDLCK;
    whole_file.l_whence = SEEK_SET;
    for (int attempt = 0; ::fcntl(fd_, F_OFD_SETLK, &whole_file) != 0; ++attempt) {
      if (errno != EAGAIN && errno != EACCES) return;  // a file system without locks: read anyway
      if (attempt == 100) {
        ::close(fd_);
        throw plugin_files::io_error("lock mbox", path, "still locked by another program after 10 s");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  ~ReadLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  ReadLock(const ReadLock&) = delete;
  ReadLock& operator=(const ReadLock&) = delete;

 private:
  int fd_;
};

class MboxFile final : public LocalMailbox {
 public:
  explicit MboxFile(const LocalMailConfig& config) : config_(config) {}

  spi::MailBatch fetch_since(std::string_view cursor_text, std::size_t limit) override {
    const auto cursor = MboxCursor::parse(cursor_text);
    ReadLock lock(config_.path);
    MboxReader reader(config_.path, cursor && still_there(*cursor) ? cursor->end : 0);
    spi::MailBatch batch{{}, std::string(cursor_text)};
    while (batch.mails.size() < limit) {
      auto message = reader.next();
      if (!message) break;
      batch.mails.push_back({std::to_string(message->offset), config_.path.filename().string(), std::move(message->raw)});
      batch.next_cursor = MboxCursor{message->end, message->offset, text_hash(message->from_line)}.text();
    }
    return batch;
  }

  // Nothing to do: an mbox is never rewritten ("keep" is the only action).
  void acknowledge(const std::vector<std::string>& uids) override {
    FieldErrors errors;
    for (std::size_t i = 0; i < uids.size(); ++i) {
      std::uint64_t offset = 0;
      if (!read_number(uids[i], 10, offset)) errors.add("uids[" + std::to_string(i) + "]", uids[i], "is not a uid of this mbox mailbox");
    }
    errors.throw_if_any();
  }

 private:
  // The last message returned is where the cursor says, and another starts
  // (or the file ends) where it ended.
  bool still_there(const MboxCursor& cursor) const {
    std::error_code error;
    const auto size = fs::file_size(config_.path, error);
    if (error || size < cursor.end) return false;
    if (text_hash(MboxReader::line_at(config_.path, cursor.offset)) != cursor.hash) return false;
    return size == cursor.end || is_from_line(MboxReader::line_at(config_.path, cursor.end));
  }

  const LocalMailConfig& config_;
};

}  // namespace

std::unique_ptr<LocalMailbox> open_mbox(const LocalMailConfig& config) { return std::make_unique<MboxFile>(config); }

}  // namespace relais::local_mail
