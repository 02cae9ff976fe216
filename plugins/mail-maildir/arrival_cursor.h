#pragma once
// Fetching from a folder of one-file-per-message mailboxes (a Maildir, a
// folder of .eml files) in arrival order, with a cursor that survives
// restarts and renames.
//
// Files are ordered by arrival time, then key (a Maildir's unique name, an
// .eml file name). The cursor holds the newest arrival time returned and the
// keys returned within kLookBack before it: a file that arrives late with a
// slightly older time (two deliveries racing, a slow copy) is still picked
// up, and none is returned twice. A file whose time is older than kLookBack
// before the newest one already returned is taken as read: fetching again
// from "" finds it (the host ingests idempotently). A key returned before
// that comes back with another time is another file under the same name (an
// .eml saved again) and is returned again.
#include <relais/spi/mail.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais::local_mail {

inline constexpr std::chrono::nanoseconds kLookBack = std::chrono::hours(1);

// A message file as the listing found it.
struct ArrivedFile {
  std::string key;                  // unique in the mailbox; the FetchedMail uid
  std::int64_t arrival_ns = 0;      // nanoseconds since the Unix epoch
  std::filesystem::path path;
  std::string folder;               // FetchedMail::folder
};

class ArrivalCursor {
 public:
  // Reads a cursor returned by text() for the same `kind` ("maildir",
  // "eml"); "" is the start. Throws InvalidInputError naming "cursor".
  ArrivalCursor(std::string_view text, std::string_view kind);

  bool is_after(const ArrivedFile& file) const;
  // Records `file` as returned.
  void record(const ArrivedFile& file);
  std::string text() const;

 private:
  std::string kind_;
  std::optional<std::int64_t> newest_ns_;
  // Fingerprints of the keys returned within kLookBack of newest_ns_, with
  // their arrival times.
  std::map<std::string, std::int64_t> recent_;
};

// Reads a file's bytes, or nullopt when it is gone (then it is skipped).
using ReadMessage = std::function<std::optional<std::string>(const ArrivedFile&)>;

// The files of `listing` after `cursor`, oldest first, at most `limit`,
// read through `read`. Throws InvalidInputError naming "cursor".
spi::MailBatch fetch_arrivals(std::vector<ArrivedFile> listing, std::string_view cursor, std::string_view kind,
                              std::size_t limit, const ReadMessage& read);

}  // namespace relais::local_mail
