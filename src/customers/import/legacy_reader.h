#pragma once
// Reading half of the legacy customer import: the bytes of a CSV export and
// a mapping profile in, one validated CustomerDraft or one rejection per
// data row out. Pure: no database, no files; see docs/importing.md.
#include "customers/import/csv_table.h"
#include "customers/import/mapping_profile.h"

#include <relais/customers/customer.h>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace relais {
inline namespace v1 {
namespace detail {

// A row is numbered twice: `row` counts data records from 1 (header
// excluded, a record spanning lines counts once: the row number a
// spreadsheet shows, minus one), `line` is the physical line where the
// record starts (what a text editor shows, and the only meaningful number
// for a record with broken quoting). Reasons quote the line.
struct ImportedRow {
  std::size_t row = 0;
  std::size_t line = 0;
  CustomerDraft draft;       // raw text from the columns; external_ids[system] set
  std::string external_id;
  std::map<std::string, std::string> extras;  // dates (yyyy-mm-dd), numbers ("1500.50"), raw extras
};

using ReadRow = std::variant<ImportedRow, RejectedRow>;

struct ReadOptions {
  // Runs normalize_phone/email/siret/vat_number/postcode on the mapped
  // values and rejects the row on failure. The draft keeps the raw text
  // either way: normalize_customer does the storing form later.
  bool run_validators = true;
};

// Decodes the whole input up front (charset detection needs it), then hands
// out rows one by one. Not thread-safe; independent readers are.
class LegacyReader {
 public:
  // Throws InvalidInputError when the file has no header, or listing every
  // profile key whose column the header lacks (before any row is read).
  LegacyReader(std::string_view bytes, const MappingProfile& profile, ReadOptions options = {});

  const std::string& charset() const noexcept { return table_.charset(); }
  char delimiter() const noexcept { return table_.delimiter(); }
  // Data rows handed out so far; once next() returned false, all of them:
  // row_count() == imported + rejected.
  std::size_t row_count() const noexcept { return table_.row_count(); }
  // Fills `out` with the next row; false at the end of the file.
  bool next(ReadRow& out);

 private:
  void resolve_columns();
  ReadRow map_record(const TableRecord& record);

  CsvTable table_;
  MappingProfile profile_;
  ReadOptions options_;
};

}  // namespace detail
}  // namespace v1
}  // namespace relais
