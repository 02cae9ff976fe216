#pragma once
// Reading messages out of an mbox file, from a byte offset on, one at a
// time: memory follows the message, not the file.
//
// A message starts at a "From " line at the start of the file or after an
// empty line (the From_ line, mbox's envelope, not part of the message). Its
// raw bytes are the lines up to the next From_ line, without the empty line
// that separates them, with mboxrd quoting undone: a line ">From ",
// ">>From "... loses one '>'. Line ends (LF or CRLF) are kept as stored. A
// file cut off in the middle of a message (a truncated copy) gives that
// message as far as it goes; bytes before the first From_ line are skipped.
// Not thread-safe.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

namespace relais::local_mail {

struct MboxMessage {
  std::uint64_t offset = 0;  // of its From_ line
  std::uint64_t end = 0;     // of the next From_ line, or the file size
  std::string from_line;     // without its line end
  std::string raw;
};

class MboxReader {
 public:
  // Reads `path` from `offset`, which must be the start of a From_ line (or
  // 0, or the end of the file). Throws StorageError when the file cannot be
  // opened (a missing file reads as empty).
  MboxReader(const std::filesystem::path& path, std::uint64_t offset);

  // The next message, or nullopt at the end of the file.
  std::optional<MboxMessage> next();

  // The line starting at `offset` of `path`, without its line end; "" when
  // the file is shorter. For checking that a cursor still points where it
  // did.
  static std::string line_at(const std::filesystem::path& path, std::uint64_t offset);

 private:
  // Reads one line with its line end into `line`; false at the end of file.
  bool read_line(std::string& line);

  std::ifstream file_;
  std::uint64_t position_ = 0;           // offset of the next unread byte
  std::optional<std::string> pending_;   // a From_ line already read
  std::uint64_t pending_offset_ = 0;
  bool after_empty_line_ = true;         // the start of the file counts as one
};

// True for the lines that may open a message: "From " at the start.
bool is_from_line(const std::string& line);

}  // namespace relais::local_mail
