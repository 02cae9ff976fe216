#include "customers/import/legacy_reader.h"

#include "core/text.h"
#include "customers/import/cell_values.h"

#include <relais/errors.h>

#include <algorithm>
#include <utility>

namespace relais {
inline namespace v1 {
namespace detail {
namespace {

// The cells of one record and the problems found while mapping them.
struct RowMapping {
  const CsvTable& table;
  const TableRecord& record;
  RowProblems problems;

  std::string cell(const std::string& column) const { return table.cell(record, column); }
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
      mapping.problems.reject(columns, "fields." + std::string(target.key), value,
                              error.field_errors().front().message);
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
  if (target.key == "name" && joined.empty()) mapping.problems.reject(joined_columns, "fields.name", "");
  if (!target.is_list && !joined.empty()) assign_checked(target, joined_columns, joined, validate, mapping, draft);
}

void map_extras(const MappingProfile& profile, RowMapping& mapping, std::map<std::string, std::string>& extras) {
  for (const auto& date : profile.dates) {
    const std::string value = mapping.cell(date.column);
    if (value.empty()) continue;
    if (auto parsed = parse_date(value, date.format)) extras[date.key] = std::move(*parsed);
    else mapping.problems.reject(date.column, "dates." + date.key, value, "not a date written " + date.format);
  }
  for (const auto& number : profile.numbers) {
    const std::string value = mapping.cell(number.column);
    if (value.empty()) continue;
    if (auto parsed = parse_number(value, number.decimal)) extras[number.key] = std::move(*parsed);
    else mapping.problems.reject(number.column, "numbers." + number.key, value,
                                 std::string("not a number with decimal mark '") + number.decimal + "'");
  }
  for (const auto& extra : profile.extras) {
    if (std::string value = mapping.cell(extra.column); !value.empty()) extras[extra.key] = std::move(value);
  }
}

}  // namespace

LegacyReader::LegacyReader(std::string_view bytes, const MappingProfile& profile, ReadOptions options)
    : table_(bytes, profile.charset), profile_(profile), options_(options) {
  resolve_columns();
}

// Finds every column the profile names, so that a profile that does not fit
// the file fails before any row.
void LegacyReader::resolve_columns() {
  FieldErrors missing;
  const auto resolve = [&](const std::string& key, const std::string& column) { table_.resolve(key, column, missing); };
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
  TableRecord record;
  if (!table_.next(record)) return false;
  out = map_record(record);
  return true;
}

ReadRow LegacyReader::map_record(const TableRecord& record) {
  if (record.problem) return RejectedRow{record.row, record.line, *record.problem};
  RowMapping mapping{table_, record, {}};
  ImportedRow imported{record.row, record.line, {}, mapping.cell(profile_.external_id_column), {}};
  if (imported.external_id.empty()) mapping.problems.reject(profile_.external_id_column, "external_id", "");
  imported.draft.kind = map_kind(profile_.kind, mapping);
  for (const auto& field : profile_.fields) map_field(field, options_.run_validators, mapping, imported.draft);
  map_extras(profile_, mapping, imported.extras);
  if (!mapping.problems.empty()) return RejectedRow{record.row, record.line, mapping.problems.reason(record.line)};
  imported.draft.external_ids[profile_.system] = imported.external_id;
  return imported;
}

}  // namespace detail
}  // namespace v1
}  // namespace relais
