#include "customers/import/legacy_reader.h"
#include "core/text.h"

#include <relais/errors.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <utility>

namespace relais {
inline namespace v1 {
namespace detail {
namespace {

// "column "Téléphone" (fields.phones) = "06 12"": what every reason starts with.
std::string describe(std::string_view column, std::string_view key, std::string_view value) {
  std::string text = "column \"" + std::string(column) + "\" (" + std::string(key) + ")";
  return value.empty() ? text + " is empty" : text + " = \"" + quote_value(value) + "\"";
}

std::vector<std::string> split_items(std::string_view cell) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= cell.size()) {
    const std::size_t end = std::min(cell.find_first_of(";,", start), cell.size());
    if (auto item = trim(cell.substr(start, end - start)); !item.empty()) items.emplace_back(item);
    start = end + 1;
  }
  return items;
}

// Reads `digits` (or 1 to 2 when `digits` is 0) decimal digits at `position`.
std::optional<unsigned> read_number(std::string_view text, std::size_t& position, std::size_t digits) {
  const std::size_t most = digits == 0 ? 2 : digits;
  unsigned value = 0;
  std::size_t read = 0;
  while (read < most && position < text.size() && text[position] >= '0' && text[position] <= '9') {
    value = value * 10 + static_cast<unsigned>(text[position++] - '0');
    ++read;
  }
  if (read == 0 || (digits != 0 && read != digits)) return std::nullopt;
  return value;
}

// `format` is made of dd, mm, yyyy and literal characters; returns yyyy-mm-dd.
std::optional<std::string> parse_date(std::string_view text, std::string_view format) {
  unsigned day = 0, month = 0, year = 0;
  std::size_t position = 0;
  for (std::size_t i = 0; i < format.size();) {
    const bool is_year = format.substr(i, 4) == "yyyy";
    const bool is_day = format.substr(i, 2) == "dd", is_month = format.substr(i, 2) == "mm";
    if (is_year || is_day || is_month) {
      const auto value = read_number(text, position, is_year ? 4 : 0);
      if (!value) return std::nullopt;
      (is_year ? year : is_day ? day : month) = *value;
      i += is_year ? 4 : 2;
    } else if (position < text.size() && text[position] == format[i]) {
      ++position, ++i;
    } else {
      return std::nullopt;
    }
  }
  const std::chrono::year_month_day date{std::chrono::year(static_cast<int>(year)), std::chrono::month(month),
                                         std::chrono::day(day)};
  if (position != text.size() || !date.ok()) return std::nullopt;
  char iso[40];  // room for any unsigned, though year < 10000 and day, month < 100 here
  std::snprintf(iso, sizeof iso, "%04u-%02u-%02u", year, month, day);
  return iso;
}

// "-1 500,50" with decimal ',' -> "-1500.50". Spaces (also no-break ones)
// group thousands; anything else but digits and one decimal mark fails.
std::optional<std::string> parse_number(std::string_view text, char decimal) {
  std::string number;
  bool has_digit = false, has_decimal = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || text.substr(i, 2) == "\xC2\xA0" || text.substr(i, 3) == "\xE2\x80\xAF") {
      i += c == ' ' ? 0 : (c == '\xC2' ? 1 : 2);
    } else if ((c == '-' || c == '+') && number.empty()) {
      if (c == '-') number.push_back(c);
    } else if (c >= '0' && c <= '9') {
      number.push_back(c), has_digit = true;
    } else if (c == decimal && has_digit && !has_decimal) {
      number.push_back('.'), has_decimal = true;
    } else {
      return std::nullopt;
    }
  }
  if (!has_digit || number.back() == '.') return std::nullopt;
  return number;
}

std::optional<std::string> column_count_problem(const CsvRecord& record, std::size_t expected) {
  std::size_t used = record.fields.size();
  while (used > expected && record.fields[used - 1].empty()) --used;  // trailing ';' of some exports
  if (used == expected) return std::nullopt;
  const auto counts = std::to_string(used) + " columns, the header has " + std::to_string(expected);
  if (used < expected && record.cut_by_end_of_file) return "the file ends inside this row (truncated?): " + counts;
  return "wrong column count: " + counts;
}

// The cells of one record and the problems found while mapping them.
struct RowMapping {
  const std::vector<std::string>& cells;
  const std::map<std::string, std::size_t>& column_of;
  std::vector<std::string> problems;

  std::string cell(const std::string& column) const { return std::string(trim(cells[column_of.at(column)])); }
  void reject(std::string_view column, std::string_view key, std::string_view value, std::string_view why = {}) {
    problems.push_back(describe(column, key, value) + (why.empty() ? "" : ": " + std::string(why)));
  }
};

CustomerKind map_kind(const KindMapping& kind, const RowMapping& mapping) {
  if (kind.column.empty()) return kind.fallback;
  const std::string value = fold_for_matching(mapping.cell(kind.column));
  const auto listed = [&](const std::vector<std::string>& values) {
    return std::find(values.begin(), values.end(), value) != values.end();
  };
  if (listed(kind.company_values)) return CustomerKind::company;
  if (listed(kind.person_values)) return CustomerKind::person;
  return kind.fallback;
}

void assign_checked(const FieldTarget& target, std::string_view columns, std::string value, bool validate,
                    RowMapping& mapping, CustomerDraft& draft) {
  if (validate && target.validate) {
    try {
      target.validate(value, target.key);
    } catch (const InvalidInputError& error) {
      mapping.reject(columns, "fields." + std::string(target.key), value, error.field_errors().front().message);
      return;
    }
  }
  target.assign(draft, std::move(value));
}

void map_field(const FieldMapping& field, bool validate, RowMapping& mapping, CustomerDraft& draft) {
  const FieldTarget& target = *field.target;
  std::string joined, joined_columns;
  for (const auto& column : field.columns) {
    joined_columns += (joined_columns.empty() ? "" : " + ") + column;
    const std::string value = mapping.cell(column);
    if (value.empty()) continue;
    if (target.is_list) {
      for (auto& item : split_items(value)) assign_checked(target, column, std::move(item), validate, mapping, draft);
    } else {
      joined += (joined.empty() ? "" : std::string(target.separator)) + value;
    }
  }
  if (target.key == "name" && joined.empty()) mapping.reject(joined_columns, "fields.name", "");
  if (!target.is_list && !joined.empty()) assign_checked(target, joined_columns, joined, validate, mapping, draft);
}

void map_extras(const MappingProfile& profile, RowMapping& mapping, std::map<std::string, std::string>& extras) {
  for (const auto& date : profile.dates) {
    const std::string value = mapping.cell(date.column);
    if (value.empty()) continue;
    if (auto parsed = parse_date(value, date.format)) extras[date.key] = std::move(*parsed);
    else mapping.reject(date.column, "dates." + date.key, value, "not a date written " + date.format);
  }
  for (const auto& number : profile.numbers) {
    const std::string value = mapping.cell(number.column);
    if (value.empty()) continue;
    if (auto parsed = parse_number(value, number.decimal)) extras[number.key] = std::move(*parsed);
    else mapping.reject(number.column, "numbers." + number.key, value,
                        std::string("not a number with decimal mark '") + number.decimal + "'");
  }
  for (const auto& extra : profile.extras) {
    if (std::string value = mapping.cell(extra.column); !value.empty()) extras[extra.key] = std::move(value);
  }
}

std::string join_problems(std::size_t line, const std::vector<std::string>& problems) {
  std::string reason = "line " + std::to_string(line) + ": ";
  for (std::size_t i = 0; i < problems.size(); ++i) reason += (i == 0 ? "" : "; ") + problems[i];
  return reason;
}

}  // namespace

LegacyReader::LegacyReader(std::string_view bytes, const MappingProfile& profile, ReadOptions options)
    : LegacyReader(decode_to_utf8(bytes, profile.charset), profile, options) {}

LegacyReader::LegacyReader(DecodedText decoded, const MappingProfile& profile, ReadOptions options)
    : charset_(std::move(decoded.charset)), records_(std::move(decoded.text)), profile_(profile), options_(options) {
  resolve_columns();
}

// Reads the header and finds every column the profile names, so that a
// profile that does not fit the file fails before any row.
void LegacyReader::resolve_columns() {
  CsvRecord header;
  if (!records_.next(header)) throw InvalidInputError("file", "", "has no header line");
  if (header.error) throw InvalidInputError("file", "line " + std::to_string(header.line), "header: " + *header.error);
  column_count_ = header.fields.size();
  std::map<std::string, std::size_t> position_of;
  std::string names;
  for (std::size_t i = header.fields.size(); i-- > 0;) {  // backwards: the first of duplicates wins
    position_of[fold_for_matching(header.fields[i])] = i;
    names = "\"" + header.fields[i] + "\"" + (names.empty() ? "" : ", ") + names;
  }
  FieldErrors missing;
  const auto resolve = [&](const std::string& key, const std::string& column) {
    const auto found = position_of.find(fold_for_matching(column));
    if (found == position_of.end()) missing.add(key, column, "no such column in the file header: " + names);
    else column_of_[column] = found->second;
  };
  resolve("external_id", profile_.external_id_column);
  if (!profile_.kind.column.empty()) resolve("kind.column", profile_.kind.column);
  for (const auto& field : profile_.fields) {
    for (std::size_t i = 0; i < field.columns.size(); ++i) {
      const bool listed = field.columns.size() > 1;
      resolve("fields." + std::string(field.target->key) + (listed ? "[" + std::to_string(i) + "]" : ""),
              field.columns[i]);
    }
  }
  for (const auto& date : profile_.dates) resolve("dates." + date.key + ".column", date.column);
  for (const auto& number : profile_.numbers) resolve("numbers." + number.key + ".column", number.column);
  for (const auto& extra : profile_.extras) resolve("extras." + extra.key, extra.column);
  missing.throw_if_any();
}

bool LegacyReader::next(ReadRow& out) {
  CsvRecord record;
  if (!records_.next(record)) return false;
  out = map_record(std::move(record));
  return true;
}

ReadRow LegacyReader::map_record(CsvRecord record) {
  const std::size_t row = ++row_count_;
  if (record.error) return RejectedRow{row, record.line, join_problems(record.line, {*record.error})};
  if (auto problem = column_count_problem(record, column_count_)) {
    return RejectedRow{row, record.line, join_problems(record.line, {*problem})};
  }
  RowMapping mapping{record.fields, column_of_, {}};
  ImportedRow imported{row, record.line, {}, mapping.cell(profile_.external_id_column), {}};
  if (imported.external_id.empty()) mapping.reject(profile_.external_id_column, "external_id", "");
  imported.draft.kind = map_kind(profile_.kind, mapping);
  for (const auto& field : profile_.fields) map_field(field, options_.run_validators, mapping, imported.draft);
  map_extras(profile_, mapping, imported.extras);
  if (!mapping.problems.empty()) return RejectedRow{row, record.line, join_problems(record.line, mapping.problems)};
  imported.draft.external_ids[profile_.system] = imported.external_id;
  return imported;
}

}  // namespace detail
}  // namespace v1
}  // namespace relais
