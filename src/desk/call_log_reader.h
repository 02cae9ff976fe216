#pragma once
// Reading half of the call-log import: a phone system's CSV export and a
// call-log profile in, one CallRecord, one ignored row or one rejection per
// data row out. Pure: no database. The profile (docs/desk.md):
//
// {
//   "name": "oxo-connect",           required: for messages
//   "system": "oxo",                 required: PhoneSystem::system
//   "doc", "sources":                optional, any JSON
//   "call_id": "N° appel",           optional column: the phone system's call id
//   "number": "Correspondant",       required column: the other party's number
//   "start": {"column": ["Date", "Heure"], "format": "dd/mm/yyyy HH:MM:SS"},
//                                    required: Paris wall-clock time; several
//                                    columns are joined with a space
//   "duration": "Durée",             optional column: seconds or [h:]mm:ss
//   "direction": {"column": "Sens", "values": {"Entrant": "inbound",
//                 "Sortant": "outbound", "Interne": "ignore"}, "default": ...},
//                                    optional (default: every call inbound)
//   "answered": {"column": "Statut", "values": {"Répondu": "answered",
//                "Non répondu": "missed"}, "default": ...},
//                                    optional (default: answered when it lasted)
//   "extension": "Poste",            optional column
//   "users": {"201": "marie"}        optional: extension -> Relais login
// }
#include <relais/desk/desk_import.h>

#include "customers/import/csv_table.h"
#include "customers/import/profile_json.h"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace relais::inline v1::detail {

struct CallLogProfile {
  std::string name;
  PhoneSystem phone_system;           // system and users
  std::string call_id_column;         // "" when the export has none
  std::string number_column;
  std::vector<std::string> start_columns;
  std::string start_format;
  std::string duration_column;        // ""
  std::optional<ValueTable> direction;
  std::optional<ValueTable> answered;
  std::string extension_column;       // ""
};

// Parses and checks a call-log profile. Throws InvalidInputError whose field
// is the profile key at fault ("direction.values.Entrant", "start.format").
CallLogProfile load_call_log_profile(const std::string& json_text);

struct ReadCall {
  std::size_t row = 0;
  std::size_t line = 0;
  CallRecord call;                    // number checked, not yet normalised
};

// A row the profile says to skip (a direction mapped to "ignore").
struct IgnoredCall {
  std::size_t row = 0;
};

using CallLogRow = std::variant<ReadCall, IgnoredCall, RejectedRow>;

// Not thread-safe; independent readers are.
class CallLogReader {
 public:
  // Throws InvalidInputError when the file has no header, or listing every
  // profile key whose column the header lacks.
  CallLogReader(std::string_view bytes, const CallLogProfile& profile);

  const std::string& charset() const noexcept { return table_.charset(); }
  // Fills `out` with the next row; false at the end of the file.
  bool next(CallLogRow& out);

 private:
  CallLogRow map_record(const TableRecord& record) const;

  CsvTable table_;
  const CallLogProfile& profile_;
};

}  // namespace relais::inline v1::detail
