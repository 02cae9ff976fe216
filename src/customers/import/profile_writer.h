#pragma once
// Writing half of the exchange with a legacy system: customers out, as the
// file that system imports, laid out by the same mapping profile the reader
// uses (mapping_profile.h), so that reading the file back with that profile
// gives the same drafts. Pure: no database, no files.
//
// What goes in each column of export.columns:
//   external_id        customer.external_ids[profile.system] ("" when none)
//   kind.column        the first of company_values or person_values
//   fields.<target>    the customer's value. A text target goes whole into
//                      its first column, the others stay empty (the reader
//                      joins them back). A list target puts one item per
//                      column, the last column holding the rest joined with
//                      "; ". Phones in national form ("02 99 40 12 85")
//                      unless export.phone_format is "e164". site.* come from
//                      the billing address (the first site that is not a
//                      work site), contact.* from contacts[0].
//   dates.created      created_at, the date in Europe/Paris, in its format
//   anything else      empty: numbers, extras, other dates, and the columns
//                      only export.columns names hold nothing Relais knows
// Cells are quoted per RFC 4180 (always, with export.quote "always"), lines
// end with export.line_end.
#include "customers/import/mapping_profile.h"

#include <relais/customers/customer.h>

#include <span>
#include <string>

namespace relais {
inline namespace v1 {
namespace detail {

// The header and one record per customer, in order, encoded in the
// profile's charset (UTF-8 when it declares none). Throws InvalidInputError
// listing every value that cannot be written, before anything is returned: a
// character the charset lacks, a list item holding ';' or ',' (the reader
// would split it in two). Each FieldError names the profile's target
// ("notes", "contact.name", "tags", "external_id", or "export.columns" for a
// header) and the value; its message names the customer by id and name.
// Thread-safe (no shared state).
std::string write_customers(std::span<const Customer> customers, const MappingProfile& profile);

}  // namespace detail
}  // namespace v1
}  // namespace relais
