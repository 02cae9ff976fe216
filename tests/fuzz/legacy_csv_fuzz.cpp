// Feeds arbitrary bytes to the legacy CSV reader with a fixed profile whose
// columns are the seed files' header. Checks the reader's promise: every
// data record yields exactly one row, rows are numbered 1, 2, 3... with
// non-decreasing lines, and nothing but InvalidInputError (no header, a
// header without the profile's columns) escapes.
#include "customers/import/legacy_reader.h"

#include <relais/errors.h>

#include "validator_invariants.h"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <variant>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace relais::detail;
  using relais::fuzz::require;
  static const MappingProfile profile = load_profile(R"({
    "name": "fuzz", "system": "fuzz", "external_id": "Code",
    "kind": {"column": "Type", "company_values": ["Société"]},
    "fields": {"name": "Nom", "phones": ["Tél", "Mobile"], "emails": "Mail", "site.street": ["Adr1", "Adr2"],
               "site.postcode": "CP", "notes": "Note"},
    "dates": {"created": {"column": "Date", "format": "dd/mm/yyyy"}},
    "numbers": {"amount": {"column": "Montant", "decimal": ","}}})");
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    LegacyReader reader(bytes, profile);
    ReadRow row;
    std::size_t rows = 0, last_line = 0;
    while (reader.next(row)) {
      const auto [number, line] = std::visit([](const auto& r) { return std::pair(r.row, r.line); }, row);
      require(number == ++rows, "rows are numbered 1, 2, 3...");
      require(line > last_line, "each row starts on a later line");
      last_line = line;
      if (const auto* rejected = std::get_if<RejectedRow>(&row)) require(!rejected->reason.empty(), "a reason");
    }
    require(reader.row_count() == rows, "row_count counts every row handed out");
  } catch (const relais::InvalidInputError&) {
  }
  return 0;
}
