#pragma once
// Splits UTF-8 CSV text into records with libcsv, one physical line at a
// time, so that a record with broken quoting costs that record only.
#include <csv.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace relais {
inline namespace v1 {
namespace detail {

struct CsvRecord {
  std::vector<std::string> fields;  // trimmed by libcsv when unquoted
  std::size_t line = 0;             // 1-based physical line where the record starts
  bool cut_by_end_of_file = false;  // the text ends inside it, without a line break
  std::optional<std::string> error; // broken quoting: fields are then meaningless
};

// Lines end with LF, CRLF or CR; a line break inside a quoted field is kept
// as "\n". Blank lines and records whose fields are all empty (Excel's
// ";;;;" rows) are skipped. Strict quoting: a quote inside an unquoted field,
// text after a closing quote or an unclosed quote make an error record, and
// reading resumes at the line after the one where that record started.
// Not copyable (libcsv holds a pointer to this object's state while parsing).
class CsvRecords {
 public:
  // The delimiter is ';' or ',', whichever appears more often outside quotes
  // on the first non-blank line (';' on a tie: French exports).
  explicit CsvRecords(std::string text);
  ~CsvRecords();
  CsvRecords(const CsvRecords&) = delete;
  CsvRecords& operator=(const CsvRecords&) = delete;

  char delimiter() const noexcept { return delimiter_; }
  // The next record, or false at the end of the text.
  bool next(CsvRecord& out);

 private:
  static void end_field(void* data, std::size_t size, void* self);
  static void end_record(int terminator, void* self);
  void reset_parser();
  bool fail_record(CsvRecord& out, std::string reason);
  bool finish(CsvRecord& out);

  std::string text_;
  char delimiter_;
  csv_parser parser_{};
  std::size_t position_ = 0;        // start of the next line to feed
  std::size_t line_ = 1;            // its number
  std::size_t record_position_ = 0; // where the record being parsed starts
  std::size_t record_line_ = 0;     // 0 = no record begun
  std::vector<std::string> fields_;
  bool record_ended_ = false;
};

}  // namespace detail
}  // namespace v1
}  // namespace relais
