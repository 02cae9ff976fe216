#pragma once
// A mapping profile says how the columns of one legacy export become a
// CustomerDraft, and, read the other way, how to write a file that system
// imports (profile_writer.h): the same columns, the same formats. It is
// declarative JSON, one file per source system; every key is listed below
// and in docs/importing.md. Columns are named by their header text, matched
// without regard to case, accents or repeated spaces.
//
// {
//   "name": "sage100",              required: the profile's name, for messages
//   "system": "sage",               required: key of CustomerDraft::external_ids
//   "doc": ...,                     optional, any JSON: provenance, assumptions
//   "sources": ...,                 optional, any JSON: where each column comes from
//   "charset": "WINDOWS-1252",      optional: "UTF-8" or "WINDOWS-1252", what the
//                                   system writes and reads. The reader uses it
//                                   instead of guessing for bytes that are not
//                                   UTF-8; the writer encodes in it (UTF-8 when absent)
//   "external_id": "Code client",   required column: the source's customer id;
//                                   a row without one is rejected
//   "kind": {                       optional (default: every row is a person)
//     "column": "Type",             optional column
//     "company_values": ["SOC"],    values meaning company (the first is written)
//     "person_values": ["PART"],    values meaning person (the first is written);
//                                   with a column, the kind that is not the
//                                   default needs at least one value
//     "default": "company"          "person" or "company": for empty/other values
//   },
//   "fields": {                     "<target>": "Column" or ["Column", ...]
//     "name" (required), "phones", "emails", "siret", "vat_number", "notes",
//     "tags", "site.label", "site.street", "site.postcode", "site.city",
//     "site.country", "contact.name", "contact.role", "contact.phones",
//     "contact.emails"
//   },
//   "dates":   {"<extra>": {"column": "Date création", "format": "dd/mm/yyyy"}},
//   "numbers": {"<extra>": {"column": "Encours", "decimal": ","}},
//   "extras":  {"<extra>": "Column"},    raw text, passed through
//   "export": {                     optional: the file layout the writer produces
//     "delimiter": ";",             ";" (default) or ","
//     "quote": "when_needed",       "when_needed" (RFC 4180, default) or "always"
//     "bom": false,                 a UTF-8 byte order mark; needs charset UTF-8
//     "line_end": "CRLF",           "CRLF" (default) or "LF"
//     "phone_format": "national",   "national" ("02 99 40 12 85", default) or "e164"
//     "columns": ["Code", ...]      the header, in order; default: every column
//                                   the profile names, in the order it names
//                                   them. Must hold every column the profile
//                                   reads, so the file can be read back; may
//                                   add columns Relais leaves empty
//   }
// }
//
// Text targets join their non-empty columns (site.street with ", ", notes
// with a newline, the others with a space); list targets take one item per
// non-empty column, a cell holding several items split on ';' or ','.
// site.* fill one billing address (sites[0]) and contact.* one contact
// (contacts[0]), created only when one of their columns has a value.
// A date format is made of dd, mm, yyyy and literal characters; parsed dates
// are stored in extras as yyyy-mm-dd. Numbers accept spaces as thousands
// separators and are stored in extras with a '.' decimal point.
#include "customers/import/profile_json.h"

#include <relais/customers/customer.h>

#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {
namespace detail {

// One target of "fields": how its columns combine and which public
// validator (if any) its values must pass.
struct FieldTarget {
  std::string_view key;                   // "site.street"
  bool is_list;
  std::string_view separator;             // join for text targets
  std::string (*validate)(std::string_view text, std::string_view field);  // or nullptr
  void (*assign)(CustomerDraft& draft, std::string value);  // called once per item
  // The customer's values for this target, as the writer exports them: the
  // list's items, or the text alone (nothing when empty).
  std::vector<std::string> (*read)(const Customer& customer);
};

struct FieldMapping {
  const FieldTarget* target;
  std::vector<std::string> columns;
};

struct KindMapping {
  std::string column;                     // "" = no column, always fallback
  std::vector<std::string> company_values;
  std::vector<std::string> person_values;
  CustomerKind fallback = CustomerKind::person;
};

struct DateMapping {
  std::string key;
  std::string column;
  std::string format;                     // "dd/mm/yyyy"
};

struct NumberMapping {
  std::string key;
  std::string column;
  char decimal = ',';
};

struct ExtraMapping {
  std::string key;
  std::string column;
};

// The "export" section, defaults filled in.
struct ExportLayout {
  char delimiter = ';';
  bool quote_always = false;
  bool bom = false;
  std::string line_end = "\r\n";
  bool national_phones = true;
  std::vector<std::string> columns;       // the header, in order; never empty
  std::string company_value;              // what the kind column says, as the
  std::string person_value;               // profile spells it ("" = the default kind)
};

struct MappingProfile {
  std::string name;
  std::string system;
  std::string charset;                    // "UTF-8", "WINDOWS-1252" or "" (undeclared)
  std::string external_id_column;
  KindMapping kind;
  std::vector<FieldMapping> fields;
  std::vector<DateMapping> dates;
  std::vector<NumberMapping> numbers;
  std::vector<ExtraMapping> extras;
  ExportLayout export_layout;
};

// Parses and checks a profile (types, known keys, "fields.name" present, an
// export layout that can be read back). Throws InvalidInputError whose field
// is the profile key at fault ("fields.phones[1]", "dates.created.format",
// "export.columns"). Columns are checked later,
// against the file's header, by LegacyReader.
MappingProfile load_profile(const std::string& json_text);

}  // namespace detail
}  // namespace v1
}  // namespace relais
