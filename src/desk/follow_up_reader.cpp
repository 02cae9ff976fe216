#include "desk/follow_up_reader.h"

#include <relais/customers/validation.h>

#include "customers/import/cell_values.h"

namespace relais::inline v1::detail {
namespace {

// Target checks of the value tables: the library's own parsers, naming the
// profile key.
void check_kind(std::string_view value, std::string_view field) { parse_ticket_kind(value, field); }
void check_status(std::string_view value, std::string_view field) { parse_ticket_status(value, field); }
void check_source(std::string_view value, std::string_view field) { parse_ticket_source(value, field); }
void check_priority(std::string_view value, std::string_view field) { parse_ticket_priority(value, field); }

std::optional<ValueTable> optional_table(const json& profile, const std::string& key, ValueCheck check) {
  if (!profile.contains(key)) return std::nullopt;
  return load_value_table(profile.at(key), key, check);
}

std::vector<std::string> optional_columns(const json& object, const std::string& key, const std::string& path) {
  return object.contains(key) ? columns_of(object.at(key), path) : std::vector<std::string>{};
}

void load_customer(const json& profile, FollowUpProfile& result) {
  if (!profile.contains("customer")) profile_error("customer", nullptr, "is required");
  const json& customer = profile.at("customer");
  check_keys(customer, "customer", {"name", "phones", "emails"});
  result.customer_name = optional_columns(customer, "name", "customer.name");
  result.customer_phones = optional_columns(customer, "phones", "customer.phones");
  result.customer_emails = optional_columns(customer, "emails", "customer.emails");
  if (result.customer_name.empty() && result.customer_phones.empty() && result.customer_emails.empty()) {
    profile_error("customer", customer, "needs at least one of name, phones and emails");
  }
}

void resolve_columns(CsvTable& table, const FollowUpProfile& profile) {
  FieldErrors missing;
  const auto resolve_all = [&](const std::string& key, const std::vector<std::string>& columns) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      table.resolve(key + (columns.size() > 1 ? "[" + std::to_string(i) + "]" : ""), columns[i], missing);
    }
  };
  resolve_all("row_key", profile.key_columns);
  table.resolve("date.column", profile.date_column, missing);
  resolve_all("customer.name", profile.customer_name);
  resolve_all("customer.phones", profile.customer_phones);
  resolve_all("customer.emails", profile.customer_emails);
  resolve_all("subject", profile.subject_columns);
  resolve_all("notes", profile.notes_columns);
  const std::pair<std::string, const std::optional<ValueTable>*> tables[] = {
      {"kind", &profile.kind}, {"status", &profile.status}, {"source", &profile.source},
      {"priority", &profile.priority}};
  for (const auto& [key, values] : tables) {
    if (*values) table.resolve(key + ".column", (*values)->column, missing);
  }
  if (!profile.assignee_column.empty()) table.resolve("assignee", profile.assignee_column, missing);
  missing.throw_if_any();
}

// The cells of one record, and the problems found reading them.
struct SheetCells {
  const CsvTable& table;
  const TableRecord& record;
  RowProblems problems;

  // The non-empty cells of `columns`, joined with `separator`.
  std::string joined(const std::vector<std::string>& columns, std::string_view separator) const {
    std::string text;
    for (const auto& column : columns) {
      std::string value = table.cell(record, column);
      if (!value.empty()) text += (text.empty() ? "" : std::string(separator)) + value;
    }
    return text;
  }

  // Each item of the list cells of `columns` that passes `normalize`.
  std::vector<std::string> items(const std::vector<std::string>& columns, const std::string& key,
                                 std::string (*normalize)(std::string_view, std::string_view)) {
    std::vector<std::string> found;
    for (const auto& column : columns) {
      for (auto& item : split_items(table.cell(record, column))) {
        try {
          normalize(item, key);
          found.push_back(std::move(item));
        } catch (const InvalidInputError& error) {
          problems.reject(column, key, item, error.field_errors().front().message);
        }
      }
    }
    return found;
  }

  // The target of the table for this row, parsed; `fallback` without a table.
  template <typename Enum>
  Enum mapped(const std::optional<ValueTable>& values, const std::string& key, Enum fallback,
              Enum (*parse)(std::string_view, std::string_view)) {
    if (!values) return fallback;
    const std::string value = table.cell(record, values->column);
    if (auto target = values->look_up(value)) return parse(*target, key);
    problems.reject(values->column, key, value, values->refusal(key, value));
    return fallback;
  }
};

// "Client + Téléphone + E-mail", for a reason about the customer as a whole.
std::string customer_columns(const FollowUpProfile& profile) {
  std::string columns;
  for (const auto* list : {&profile.customer_name, &profile.customer_phones, &profile.customer_emails}) {
    for (const auto& column : *list) columns += (columns.empty() ? "" : " + ") + column;
  }
  return columns;
}

std::string row_key(const FollowUpProfile& profile, SheetCells& cells) {
  std::string key = cells.joined(profile.key_columns, " | ");
  if (key.empty()) cells.problems.reject(profile.key_columns.front(), "row_key", "");
  return key;
}

std::chrono::sys_days request_day(const FollowUpProfile& profile, SheetCells& cells) {
  const std::string value = cells.table.cell(cells.record, profile.date_column);
  if (auto parsed = parse_date_time(value, profile.date_format)) return parsed->day;
  cells.problems.reject(profile.date_column, "date", value, "not a date written " + profile.date_format);
  return {};
}

std::string assignee(const FollowUpProfile& profile, SheetCells& cells) {
  if (profile.assignee_column.empty()) return {};
  const std::string value = cells.table.cell(cells.record, profile.assignee_column);
  if (value.empty()) return {};
  if (auto login = profile.users.find(fold_for_matching(value)); login != profile.users.end()) return login->second;
  cells.problems.reject(profile.assignee_column, "assignee", value, "not in users");
  return {};
}

}  // namespace

FollowUpProfile load_follow_up_profile(const std::string& json_text) {
  const json profile = parse_profile(json_text);
  check_keys(profile, "", {"name", "system", "doc", "sources", "row_key", "date", "customer", "subject", "notes",
                           "kind", "status", "source", "priority", "assignee", "users"});
  FollowUpProfile result;
  result.name = text_at(profile, "name", "name");
  result.system = text_at(profile, "system", "system");
  if (!profile.contains("row_key")) profile_error("row_key", nullptr, "is required");
  result.key_columns = columns_of(profile.at("row_key"), "row_key");
  if (!profile.contains("date")) profile_error("date", nullptr, "is required");
  check_keys(profile.at("date"), "date", {"column", "format"});
  result.date_column = text_at(profile.at("date"), "column", "date.column");
  result.date_format = text_at(profile.at("date"), "format", "date.format");
  check_date_format(result.date_format, "date.format");
  load_customer(profile, result);
  if (!profile.contains("subject")) profile_error("subject", nullptr, "is required");
  result.subject_columns = columns_of(profile.at("subject"), "subject");
  result.notes_columns = optional_columns(profile, "notes", "notes");
  result.kind = optional_table(profile, "kind", check_kind);
  result.status = optional_table(profile, "status", check_status);
  result.source = optional_table(profile, "source", check_source);
  result.priority = optional_table(profile, "priority", check_priority);
  result.assignee_column = optional_text_at(profile, "assignee", "assignee");
  if (profile.contains("users")) result.users = load_value_map(profile.at("users"), "users");
  if (!result.assignee_column.empty() && result.users.empty()) {
    profile_error("users", nullptr, "is required with assignee: it maps the sheet's names to Relais logins");
  }
  return result;
}

FollowUpReader::FollowUpReader(std::string_view bytes, const FollowUpProfile& profile)
    : table_(bytes), profile_(profile) {
  resolve_columns(table_, profile_);
}

bool FollowUpReader::next(FollowUpSheetRow& out) {
  TableRecord record;
  if (!table_.next(record)) return false;
  out = map_record(record);
  return true;
}

FollowUpSheetRow FollowUpReader::map_record(const TableRecord& record) const {
  if (record.problem) return RejectedRow{record.row, record.line, *record.problem};
  SheetCells cells{table_, record, {}};
  FollowUpRow row;
  row.row = record.row;
  row.line = record.line;
  row.key = row_key(profile_, cells);
  row.day = request_day(profile_, cells);
  row.customer.name = cells.joined(profile_.customer_name, " ");
  row.customer.phones = cells.items(profile_.customer_phones, "customer.phones", &normalize_phone);
  row.customer.emails = cells.items(profile_.customer_emails, "customer.emails", &normalize_email);
  if (row.customer.name.empty() && row.customer.phones.empty() && row.customer.emails.empty()) {
    cells.problems.reject(customer_columns(profile_), "customer", "", "no name, phone or email to find the customer");
  }
  row.ticket.subject = cells.joined(profile_.subject_columns, " ");
  if (row.ticket.subject.empty()) cells.problems.reject(profile_.subject_columns.front(), "subject", "");
  row.ticket.description = cells.joined(profile_.notes_columns, "\n");
  row.ticket.kind = cells.mapped(profile_.kind, "kind", TicketKind::information, parse_ticket_kind);
  row.status = cells.mapped(profile_.status, "status", TicketStatus::new_, parse_ticket_status);
  row.ticket.source = cells.mapped(profile_.source, "source", TicketSource::phone, parse_ticket_source);
  row.ticket.priority = cells.mapped(profile_.priority, "priority", TicketPriority::normal, parse_ticket_priority);
  row.ticket.assignee = assignee(profile_, cells);
  if (!cells.problems.empty()) return RejectedRow{record.row, record.line, cells.problems.reason(record.line)};
  return row;
}

}  // namespace relais::inline v1::detail
