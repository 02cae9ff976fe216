#include "mbox_reader.h"

#include "durable_files.h"

#include <cerrno>
#include <cstring>

namespace relais::local_mail {
namespace {

bool is_empty_line(const std::string& line) { return line == "\n" || line == "\r\n"; }

std::string without_line_end(std::string line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return line;
}

// mboxrd: ">From ", ">>From "... lose one '>'; other lines are kept.
void append_unquoted(std::string& raw, const std::string& line) {
  const auto quotes = line.find_first_not_of('>');
  const bool quoted = quotes != 0 && quotes != std::string::npos && line.compare(quotes, 5, "From ") == 0;
  raw.append(line, quoted ? 1 : 0);
}

}  // namespace

bool is_from_line(const std::string& line) { return line.starts_with("From "); }

MboxReader::MboxReader(const std::filesystem::path& path, std::uint64_t offset) : position_(offset) {
  if (!std::filesystem::exists(path)) return;
  file_.open(path, std::ios::binary);
  if (!file_) throw plugin_files::io_error("read mbox", path, std::strerror(errno));
  file_.seekg(static_cast<std::streamoff>(offset));
}

bool MboxReader::read_line(std::string& line) {
  line.clear();
  if (!file_.is_open() || !std::getline(file_, line)) return false;
  if (!file_.eof()) line += '\n';  // getline stopped at a '\n' it removed
  position_ += line.size();
  return true;
}

std::optional<MboxMessage> MboxReader::next() {
  std::string line;
  // Find the From_ line that opens the message.
  while (!pending_) {
    const std::uint64_t offset = position_;
    if (!read_line(line)) return std::nullopt;
    if (after_empty_line_ && is_from_line(line)) {
      pending_ = line;
      pending_offset_ = offset;
    }
    after_empty_line_ = is_empty_line(line);
  }
  MboxMessage message{pending_offset_, 0, without_line_end(*pending_), ""};
  pending_.reset();
  after_empty_line_ = false;
  std::string previous;  // the last line read, held back: it may be the separator
  for (;;) {
    const std::uint64_t offset = position_;
    if (!read_line(line)) break;
    if (is_empty_line(previous) && is_from_line(line)) {
      pending_ = line;
      pending_offset_ = offset;
      message.end = offset;
      return message;  // `previous` was the separator
    }
    append_unquoted(message.raw, previous);
    previous = std::move(line);
  }
  // End of file: a last empty line is the separator mbox writers add after
  // every message.
  if (!is_empty_line(previous)) append_unquoted(message.raw, previous);
  message.end = position_;
  return message;
}

std::string MboxReader::line_at(const std::filesystem::path& path, std::uint64_t offset) {
  MboxReader reader(path, offset);
  std::string line;
  reader.read_line(line);
  return without_line_end(line);
}

}  // namespace relais::local_mail
