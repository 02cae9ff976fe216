#pragma once
// The structural half that every legacy import shares (customer exports, call
// logs, follow-up sheets): the bytes decoded, the header read, the columns a
// profile names found in it, and each data record handed out numbered, or
// refused for its structure (broken quoting, wrong column count). What the
// cells mean is the business of each import's reader. Pure, not thread-safe.
#include "core/charset.h"
#include "customers/import/csv_records.h"

#include <relais/errors.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {
namespace detail {

// One data record. `row` counts data records from 1 (header excluded, a
// record spanning lines counts once), `line` is the physical line where it
// starts (see docs/importing.md).
struct TableRecord {
  std::size_t row = 0;
  std::size_t line = 0;
  std::vector<std::string> cells;
  // Set when the record's structure is broken: then the cells mean nothing
  // and the record is rejected with this reason ("line 6: ...").
  std::optional<std::string> problem;
};

// A data record an import refuses, and why.
struct RejectedRow {
  std::size_t row = 0;
  std::size_t line = 0;
  std::string reason;        // names the line, column, profile key and value
};

class CsvTable {
 public:
  // Decodes `bytes` (charset detected, or `declared` when the profile
  // names one: see decode_to_utf8) and reads the header. Throws
  // InvalidInputError when there is no header or its quoting is broken.
  explicit CsvTable(std::string_view bytes, std::string_view declared = {});

  const std::string& charset() const noexcept { return charset_; }
  char delimiter() const noexcept { return records_.delimiter(); }
  // Finds the header column named `column` (compared like
  // fold_for_matching), for profile key `key`. A column the header lacks is
  // added to `missing`, listing the header: throw it once every key is
  // resolved, so that the user hears of every missing column at once.
  void resolve(const std::string& key, const std::string& column, FieldErrors& missing);
  // The trimmed cell of a resolved column.
  std::string cell(const TableRecord& record, const std::string& column) const;
  // Data records handed out so far.
  std::size_t row_count() const noexcept { return row_count_; }
  // The next data record; false at the end of the text.
  bool next(TableRecord& out);

 private:
  CsvTable(DecodedText decoded);

  std::string charset_;
  CsvRecords records_;
  std::size_t column_count_ = 0;
  std::map<std::string, std::size_t> position_of_;  // folded header name -> position
  std::string header_names_;                        // for messages: "\"Code\", \"Nom\", ..."
  std::map<std::string, std::size_t> column_of_;    // each resolved column -> position
  std::size_t row_count_ = 0;
};

// "line 6: phones[0] = "02 98 5": too short...; name = "": must not be
// empty": a row the record rules refused, every field error listed.
std::string rejection_reason(std::string_view where, const InvalidInputError& error);

// The bytes of an export or profile file. Throws NotFoundError ("file").
std::string file_contents(const std::string& path);

// The problems found while mapping the cells of one record to what an import
// needs; the record is rejected when there is any.
class RowProblems {
 public:
  // Adds "column "Téléphone" (fields.phones) = "06 12": <why>" (or "is
  // empty"): every reason names the column, the profile key and the value.
  void reject(std::string_view column, std::string_view key, std::string_view value, std::string_view why = {});
  bool empty() const noexcept { return problems_.empty(); }
  // "line N: problem; problem".
  std::string reason(std::size_t line) const;

 private:
  std::vector<std::string> problems_;
};

}  // namespace detail
}  // namespace v1
}  // namespace relais
