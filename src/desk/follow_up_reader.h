#pragma once
// Reading half of the follow-up sheet import: the office's Excel sheet of
// requests (saved as CSV) and a follow-up profile in, one FollowUpRow or one
// rejection per data row out. Pure: no database. The profile (docs/desk.md):
//
// {
//   "name": "suivi-demandes",        required: for messages
//   "system": "suivi",               required: row keys are unique within it
//   "doc", "sources":                optional, any JSON
//   "row_key": "N°",                 required column(s): what identifies a row
//                                    from one import to the next
//   "date": {"column": "Date", "format": "dd/mm/yyyy"},   required
//   "customer": {"name": "Client", "phones": "Téléphone", "emails": "E-mail"},
//                                    required, at least one of the three
//   "subject": "Demande",            required column(s): the ticket's subject
//   "notes": "Remarques",            optional column(s): description and note
//   "kind":     {"column", "values", "default"}  optional, default information
//   "status":   {"column", "values", "default"}  optional, default new
//   "source":   {"column", "values", "default"}  optional, default phone
//   "priority": {"column", "values", "default"}  optional, default normal
//   "assignee": "Suivi par",         optional column, through "users"
//   "users": {"Marie": "marie"}      cell value -> Relais login
// }
// Table targets are the library's words (quote_request, waiting_customer,
// email, urgent...), checked when the profile is loaded.
#include <relais/customers/customer.h>
#include <relais/desk/ticket.h>

#include "customers/import/csv_table.h"
#include "customers/import/profile_json.h"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace relais::inline v1::detail {

struct FollowUpProfile {
  std::string name;
  std::string system;
  std::vector<std::string> key_columns;
  std::string date_column;
  std::string date_format;
  std::vector<std::string> customer_name, customer_phones, customer_emails;
  std::vector<std::string> subject_columns;
  std::vector<std::string> notes_columns;
  std::optional<ValueTable> kind, status, source, priority;
  std::string assignee_column;        // ""
  std::map<std::string, std::string> users;  // folded cell -> login
};

// Throws InvalidInputError whose field is the profile key at fault
// ("status.values.En cours", "customer").
FollowUpProfile load_follow_up_profile(const std::string& json_text);

struct FollowUpRow {
  std::size_t row = 0;
  std::size_t line = 0;
  std::string key;                    // the row_key cells, joined with " | "
  std::chrono::sys_days day;          // the date of the request (Paris)
  CustomerDraft customer;             // name, phones, emails as written: who to attach it to
  TicketDraft ticket;                 // kind, source, priority, subject, description, assignee
  TicketStatus status = TicketStatus::new_;
};

using FollowUpSheetRow = std::variant<FollowUpRow, RejectedRow>;

// Not thread-safe; independent readers are.
class FollowUpReader {
 public:
  // Throws InvalidInputError when the file has no header, or listing every
  // profile key whose column the header lacks.
  FollowUpReader(std::string_view bytes, const FollowUpProfile& profile);

  const std::string& charset() const noexcept { return table_.charset(); }
  bool next(FollowUpSheetRow& out);

 private:
  FollowUpSheetRow map_record(const TableRecord& record) const;

  CsvTable table_;
  const FollowUpProfile& profile_;
};

}  // namespace relais::inline v1::detail
