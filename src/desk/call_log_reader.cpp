#include "desk/call_log_reader.h"

#include <relais/customers/validation.h>

#include "core/civil_time.h"
#include "customers/import/cell_values.h"

namespace relais::inline v1::detail {
namespace {

void check_direction(std::string_view value, std::string_view field) {
  if (value != "ignore") parse_direction(value, field);
}

void check_answered(std::string_view value, std::string_view field) {
  if (value != "answered" && value != "missed") {
    throw InvalidInputError(std::string(field), value, "expected answered or missed");
  }
}

// Resolves every column the profile names, so that a profile that does not
// fit the file fails before any row, naming each missing key.
void resolve_columns(CsvTable& table, const CallLogProfile& profile) {
  FieldErrors missing;
  const auto resolve = [&](const std::string& key, const std::string& column) {
    if (!column.empty()) table.resolve(key, column, missing);
  };
  resolve("call_id", profile.call_id_column);
  resolve("number", profile.number_column);
  for (std::size_t i = 0; i < profile.start_columns.size(); ++i) {
    const bool listed = profile.start_columns.size() > 1;
    resolve("start.column" + (listed ? "[" + std::to_string(i) + "]" : ""), profile.start_columns[i]);
  }
  resolve("duration", profile.duration_column);
  if (profile.direction) resolve("direction.column", profile.direction->column);
  if (profile.answered) resolve("answered.column", profile.answered->column);
  resolve("extension", profile.extension_column);
  missing.throw_if_any();
}

// The cells of one record, and the problems found reading them.
struct CallCells {
  const CsvTable& table;
  const TableRecord& record;
  RowProblems problems;

  std::string cell(const std::string& column) const { return column.empty() ? "" : table.cell(record, column); }

  // The table's target for the column's cell; "" (with a problem) when
  // there is none.
  std::string look_up(const ValueTable& values, const std::string& key) {
    const std::string value = cell(values.column);
    auto target = values.look_up(value);
    if (!target) problems.reject(values.column, key, value, values.refusal(key, value));
    return target.value_or("");
  }
};

void read_start(const CallLogProfile& profile, CallCells& cells, CallRecord& call) {
  std::string text, columns;
  for (const auto& column : profile.start_columns) {
    text += (text.empty() ? "" : " ") + cells.cell(column);
    columns += (columns.empty() ? "" : " + ") + column;
  }
  if (auto local = parse_date_time(text, profile.start_format)) {
    call.started_at = paris_instant(local->day, local->time_of_day);
  } else {
    cells.problems.reject(columns, "start", text, "not a date and time written " + profile.start_format);
  }
}

void read_number(const CallLogProfile& profile, CallCells& cells, CallRecord& call) {
  call.number = cells.cell(profile.number_column);
  try {
    normalize_phone(call.number, "number");
  } catch (const InvalidInputError& error) {
    cells.problems.reject(profile.number_column, "number", call.number, error.field_errors().front().message);
  }
}

void read_duration(const CallLogProfile& profile, CallCells& cells, CallRecord& call) {
  const std::string text = cells.cell(profile.duration_column);
  if (text.empty()) return;
  if (auto duration = parse_duration(text)) {
    call.duration = *duration;
  } else {
    cells.problems.reject(profile.duration_column, "duration", text, "not a duration (seconds, or [h:]mm:ss)");
  }
}

}  // namespace

CallLogProfile load_call_log_profile(const std::string& json_text) {
  const json profile = parse_profile(json_text);
  check_keys(profile, "", {"name", "system", "doc", "sources", "call_id", "number", "start", "duration",
                           "direction", "answered", "extension", "users"});
  CallLogProfile result;
  result.name = text_at(profile, "name", "name");
  result.phone_system.system = text_at(profile, "system", "system");
  result.call_id_column = optional_text_at(profile, "call_id", "call_id");
  result.number_column = text_at(profile, "number", "number");
  if (!profile.contains("start")) profile_error("start", nullptr, "is required");
  const json& start = profile.at("start");
  check_keys(start, "start", {"column", "format"});
  if (!start.contains("column")) profile_error("start.column", nullptr, "is required");
  result.start_columns = columns_of(start.at("column"), "start.column");
  result.start_format = text_at(start, "format", "start.format");
  check_date_format(result.start_format, "start.format", /*with_time=*/true);
  result.duration_column = optional_text_at(profile, "duration", "duration");
  if (profile.contains("direction")) {
    result.direction = load_value_table(profile.at("direction"), "direction", check_direction);
  }
  if (profile.contains("answered")) {
    result.answered = load_value_table(profile.at("answered"), "answered", check_answered);
  }
  result.extension_column = optional_text_at(profile, "extension", "extension");
  if (profile.contains("users")) result.phone_system.users = load_value_map(profile.at("users"), "users");
  return result;
}

CallLogReader::CallLogReader(std::string_view bytes, const CallLogProfile& profile)
    : table_(bytes), profile_(profile) {
  resolve_columns(table_, profile_);
}

bool CallLogReader::next(CallLogRow& out) {
  TableRecord record;
  if (!table_.next(record)) return false;
  out = map_record(record);
  return true;
}

CallLogRow CallLogReader::map_record(const TableRecord& record) const {
  if (record.problem) return RejectedRow{record.row, record.line, *record.problem};
  CallCells cells{table_, record, {}};
  std::string direction = profile_.direction ? cells.look_up(*profile_.direction, "direction") : "inbound";
  if (direction == "ignore") return IgnoredCall{record.row};
  CallRecord call;
  if (!direction.empty()) call.direction = parse_direction(direction);
  call.call_id = cells.cell(profile_.call_id_column);
  read_number(profile_, cells, call);
  read_start(profile_, cells, call);
  read_duration(profile_, cells, call);
  call.answered = profile_.answered ? cells.look_up(*profile_.answered, "answered") == "answered"
                                    : call.duration.count() > 0;
  call.extension = cells.cell(profile_.extension_column);
  if (!cells.problems.empty()) return RejectedRow{record.row, record.line, cells.problems.reason(record.line)};
  return ReadCall{record.row, record.line, std::move(call)};
}

}  // namespace relais::inline v1::detail
