#include "customers/import/csv_records.h"

#include <algorithm>
#include <new>
#include <utility>

namespace relais {
inline namespace v1 {
namespace detail {
namespace {

constexpr unsigned char parser_options = CSV_STRICT | CSV_STRICT_FINI;

struct Line {
  std::string_view content;  // without its line break
  std::size_t next;          // where the following line starts
  bool has_break;
};

Line line_at(std::string_view text, std::size_t position) {
  const std::size_t end = std::min(text.find_first_of("\r\n", position), text.size());
  std::size_t next = end;
  if (next < text.size()) next += text.compare(next, 2, "\r\n") == 0 ? 2 : 1;
  return {text.substr(position, end - position), next, end < text.size()};
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

char detect_delimiter(std::string_view text) {
  Line line = line_at(text, 0);
  while (is_blank(line.content) && line.next < text.size()) line = line_at(text, line.next);
  std::size_t semicolons = 0, commas = 0;
  bool quoted = false;
  for (const char c : line.content) {
    if (c == '"') quoted = !quoted;  // a doubled quote toggles twice: no effect
    if (quoted) continue;
    if (c == ';') ++semicolons;
    if (c == ',') ++commas;
  }
  return commas > semicolons ? ',' : ';';
}

}  // namespace

CsvRecords::CsvRecords(std::string text) : text_(std::move(text)), delimiter_(detect_delimiter(text_)) {
  if (csv_init(&parser_, parser_options) != 0) throw std::bad_alloc();
  csv_set_delim(&parser_, static_cast<unsigned char>(delimiter_));
}

CsvRecords::~CsvRecords() { csv_free(&parser_); }

void CsvRecords::end_field(void* data, std::size_t size, void* self) {
  auto& fields = static_cast<CsvRecords*>(self)->fields_;
  fields.emplace_back(size == 0 ? "" : std::string(static_cast<const char*>(data), size));
}

void CsvRecords::end_record(int, void* self) { static_cast<CsvRecords*>(self)->record_ended_ = true; }

void CsvRecords::reset_parser() {
  csv_free(&parser_);
  if (csv_init(&parser_, parser_options) != 0) throw std::bad_alloc();
  csv_set_delim(&parser_, static_cast<unsigned char>(delimiter_));
  fields_.clear();
  record_ended_ = false;
}

// Drops the record begun at record_line_ and resumes on the line after its
// first one: whatever the broken quote swallowed is read again as records.
bool CsvRecords::fail_record(CsvRecord& out, std::string reason) {
  out = {{}, record_line_, false, std::move(reason)};
  position_ = line_at(text_, record_position_).next;
  line_ = record_line_ + 1;
  record_line_ = 0;
  reset_parser();
  return true;
}

bool CsvRecords::finish(CsvRecord& out) {
  if (record_line_ == 0) return false;
  // Every fed line ended with "\n", so an open record can only be an
  // unclosed quoted field.
  return fail_record(out, "broken quoting: a quoted field is never closed");
}

bool CsvRecords::next(CsvRecord& out) {
  static constexpr char line_break = '\n';
  while (position_ < text_.size()) {
    const Line line = line_at(text_, position_);
    if (record_line_ == 0 && is_blank(line.content)) {
      position_ = line.next, ++line_;
      continue;
    }
    if (record_line_ == 0) record_position_ = position_, record_line_ = line_;
    const bool parsed =
        csv_parse(&parser_, line.content.data(), line.content.size(), &end_field, &end_record, this) ==
            line.content.size() &&
        csv_parse(&parser_, &line_break, 1, &end_field, &end_record, this) == 1;
    if (!parsed) {  // strict mode refuses nothing else: the input is already in memory
      return fail_record(out, "broken quoting: a quote inside an unquoted field, or text after a closing quote");
    }
    position_ = line.next, ++line_;
    if (!record_ended_) continue;
    const bool empty = std::all_of(fields_.begin(), fields_.end(), [](const auto& f) { return f.empty(); });
    out = {std::move(fields_), record_line_, !line.has_break, std::nullopt};
    fields_.clear();
    record_ended_ = false;
    record_line_ = 0;
    if (!empty) return true;
  }
  return finish(out);
}

}  // namespace detail
}  // namespace v1
}  // namespace relais
