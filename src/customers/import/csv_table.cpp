#include "customers/import/csv_table.h"

#include "core/text.h"
#include "customers/import/profile_json.h"

#include <fstream>
#include <sstream>
#include <utility>

namespace relais {
inline namespace v1 {
namespace detail {
namespace {

std::optional<std::string> column_count_problem(const CsvRecord& record, std::size_t expected) {
  std::size_t used = record.fields.size();
  while (used > expected && record.fields[used - 1].empty()) --used;  // trailing ';' of some exports
  if (used == expected) return std::nullopt;
  const auto counts = std::to_string(used) + " columns, the header has " + std::to_string(expected);
  if (used < expected && record.cut_by_end_of_file) return "the file ends inside this row (truncated?): " + counts;
  return "wrong column count: " + counts;
}

std::string line_reason(std::size_t line, const std::string& problem) {
  return "line " + std::to_string(line) + ": " + problem;
}

}  // namespace

CsvTable::CsvTable(std::string_view bytes, std::string_view declared) : CsvTable(decode_to_utf8(bytes, declared)) {}

CsvTable::CsvTable(DecodedText decoded) : charset_(std::move(decoded.charset)), records_(std::move(decoded.text)) {
  CsvRecord header;
  if (!records_.next(header)) throw InvalidInputError("file", "", "has no header line");
  if (header.error) throw InvalidInputError("file", "line " + std::to_string(header.line), "header: " + *header.error);
  column_count_ = header.fields.size();
  for (std::size_t i = header.fields.size(); i-- > 0;) {  // backwards: the first of duplicates wins
    position_of_[fold_for_matching(header.fields[i])] = i;
    header_names_ = "\"" + header.fields[i] + "\"" + (header_names_.empty() ? "" : ", ") + header_names_;
  }
}

void CsvTable::resolve(const std::string& key, const std::string& column, FieldErrors& missing) {
  const auto found = position_of_.find(fold_for_matching(column));
  if (found == position_of_.end()) {
    missing.add(key, column, "no such column in the file header: " + header_names_);
  } else {
    column_of_[column] = found->second;
  }
}

std::string CsvTable::cell(const TableRecord& record, const std::string& column) const {
  return std::string(trim(record.cells[column_of_.at(column)]));
}

bool CsvTable::next(TableRecord& out) {
  CsvRecord record;
  if (!records_.next(record)) return false;
  out.row = ++row_count_;
  out.line = record.line;
  out.problem.reset();
  if (record.error) {
    out.problem = line_reason(record.line, *record.error);
  } else if (auto problem = column_count_problem(record, column_count_)) {
    out.problem = line_reason(record.line, *problem);
  }
  out.cells = std::move(record.fields);
  return true;
}

std::string rejection_reason(std::string_view where, const InvalidInputError& error) {
  std::string reason = std::string(where) + ": ";
  for (std::size_t i = 0; i < error.field_errors().size(); ++i) {
    const auto& field = error.field_errors()[i];
    reason += (i ? "; " : "") + field.field + " = \"" + field.value + "\": " + field.message;
  }
  return reason;
}

std::string file_contents(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw NotFoundError("file", path);
  std::ostringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

void RowProblems::reject(std::string_view column, std::string_view key, std::string_view value,
                         std::string_view why) {
  std::string text = "column \"" + std::string(column) + "\" (" + std::string(key) + ")";
  text += value.empty() ? " is empty" : " = \"" + quote_value(value) + "\"";
  if (!why.empty()) text += ": " + std::string(why);
  problems_.push_back(std::move(text));
}

std::string RowProblems::reason(std::size_t line) const {
  std::string reason = "line " + std::to_string(line) + ": ";
  for (std::size_t i = 0; i < problems_.size(); ++i) reason += (i == 0 ? "" : "; ") + problems_[i];
  return reason;
}

}  // namespace detail
}  // namespace v1
}  // namespace relais
