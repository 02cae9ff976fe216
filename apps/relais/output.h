#pragma once
// How the tool shows records, journal checks and errors to the staff, in
// the language chosen by setup_language().
#include <relais/customers/customer.h>
#include <relais/customers/import.h>
#include <relais/errors.h>
#include <relais/journal.h>

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace relais::cli {

// The width of `text` in characters, not bytes: "Hélène" is 6 wide. Columns
// are aligned with it.
std::size_t display_width(std::string_view text);

// "particulier" / "entreprise".
const char* kind_label(CustomerKind kind);

// Rows of cells in aligned columns (by display width), two spaces apart,
// each line starting with `indent`; the first row is usually the header.
void print_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows, std::string_view indent = {});

// "    rejected data row 5: <the library's reason>", one line each.
void print_rejections(std::ostream& out, const std::vector<ImportRejection>& rejections);

// One line per customer: name, kind, first phone, city, tags; aligned.
void print_customer_table(std::ostream& out, const std::vector<Customer>& customers);
// Everything the person answering the phone needs about one customer.
void print_customer_card(std::ostream& out, const Customer& customer);

// "SEQUENCE:HASH", the form `journal verify --head` reads back.
std::string head_text(const JournalHead& head);
// The verdict, then one line per problem found.
void print_verification(std::ostream& out, const JournalVerification& verification);

// Writes `error` to standard error as a translated sentence followed by its
// details (field errors, or context and the English message), and returns
// the exit code, 1.
int report_error(const Error& error);

}  // namespace relais::cli
