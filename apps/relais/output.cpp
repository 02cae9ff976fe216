#include "output.h"

#include "i18n.h"

#include <relais/customers/validation.h>

#include <algorithm>
#include <map>
#include <iostream>
#include <string_view>

namespace relais::cli {
namespace {

std::string join(const std::vector<std::string>& parts, std::string_view separator = ", ") {
  std::string text;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!text.empty()) text += separator;
    text += part;
  }
  return text;
}

std::vector<std::string> national_phones(const std::vector<std::string>& phones) {
  std::vector<std::string> shown;
  for (const auto& phone : phones) shown.push_back(format_phone_national(phone));
  return shown;
}

// The billing address's city: the first site that is not a work site.
std::string home_city(const Customer& customer) {
  auto site = std::find_if(customer.sites.begin(), customer.sites.end(),
                           [](const Site& s) { return !s.work_site; });
  return site == customer.sites.end() ? std::string() : site->city;
}

std::vector<std::string> table_row(const Customer& customer) {
  return {customer.name, kind_label(customer.kind),
          customer.phones.empty() ? std::string() : format_phone_national(customer.phones.front()),
          home_city(customer), join(customer.tags)};
}

std::string describe(const Site& site) {
  return join({site.label, site.street, join({site.postcode, site.city}, " ")});
}

std::string describe(const Contact& contact) {
  return join({contact.name, contact.role, join(national_phones(contact.phones)), join(contact.emails)});
}

std::string describe(const std::map<std::string, std::string>& external_ids) {
  std::vector<std::string> parts;
  for (const auto& [system, id] : external_ids) parts.push_back(system + " " + id);
  return join(parts);
}

void print_field(std::ostream& out, const char* pattern, const std::string& value) {
  if (!value.empty()) out << format(pattern, value) << '\n';
}

const char* problem_label(JournalProblemKind kind) {
  switch (kind) {
    case JournalProblemKind::payload_mismatch: return _("the payload was modified");
    case JournalProblemKind::chain_broken: return _("chain broken: an entry was modified, removed or reordered");
    case JournalProblemKind::sequence_gap: return _("sequence numbers are not contiguous");
    case JournalProblemKind::head_mismatch:
      return _("the journal does not end at the expected head (entries cut off the end?)");
  }
  return _("unknown problem");
}

const char* error_headline(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input: return _("Invalid input.");
    case ErrorCode::not_found: return _("Not found.");
    case ErrorCode::conflict: return _("Conflict: the record changed in the meantime, or the value is already taken.");
    case ErrorCode::permission_denied: return _("Permission denied.");
    case ErrorCode::storage: return _("The database failed or refused the operation.");
    case ErrorCode::plugin: return _("A plugin could not be loaded.");
  }
  return _("Error.");
}

}  // namespace

// Counting UTF-8 lead bytes is exact for the Latin scripts of customer
// names and of the messages.
std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

const char* kind_label(CustomerKind kind) {
  return kind == CustomerKind::company ? _("company") : _("private customer");
}

void print_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows, std::string_view indent) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
  }
  for (const auto& row : rows) {
    out << indent;
    for (std::size_t i = 0; i + 1 < row.size(); ++i) {
      out << row[i] << std::string(widths[i] - display_width(row[i]) + 2, ' ');
    }
    if (!row.empty()) out << row.back();
    out << '\n';
  }
}

void print_rejections(std::ostream& out, const std::vector<ImportRejection>& rejections) {
  for (const auto& rejection : rejections) {
    // TRANSLATORS: the reason comes from the library, in English.
    out << format(_("    rejected data row %lld: %s"), rejection.row, rejection.reason) << '\n';
  }
}

void print_customer_table(std::ostream& out, const std::vector<Customer>& customers) {
  std::vector<std::vector<std::string>> rows{{_("Name"), _("Kind"), _("Phone"), _("City"), _("Tags")}};
  for (const auto& customer : customers) rows.push_back(table_row(customer));
  print_table(out, rows);
}

void print_customer_card(std::ostream& out, const Customer& customer) {
  out << customer.name << " (" << kind_label(customer.kind) << ")\n";
  // What merge and unmerge take.
  print_field(out, _("  id: %s"), customer.id.to_string());
  if (customer.archived_at) print_field(out, _("  archived on %s"), format_timestamp(*customer.archived_at));
  print_field(out, _("  phones: %s"), join(national_phones(customer.phones)));
  print_field(out, _("  emails: %s"), join(customer.emails));
  print_field(out, _("  SIRET: %s"), customer.siret);
  print_field(out, _("  VAT number: %s"), customer.vat_number);
  for (const auto& site : customer.sites) {
    print_field(out, site.work_site ? _("  work site: %s") : _("  site: %s"), describe(site));
  }
  for (const auto& contact : customer.contacts) print_field(out, _("  contact: %s"), describe(contact));
  print_field(out, _("  tags: %s"), join(customer.tags));
  print_field(out, _("  external ids: %s"), describe(customer.external_ids));
  print_field(out, _("  notes: %s"), customer.notes);
}

std::string head_text(const JournalHead& head) { return std::to_string(head.sequence) + ":" + head.hash; }

void print_verification(std::ostream& out, const JournalVerification& verification) {
  if (verification.ok) {
    auto checked = verification.entries_checked;
    out << format(P_("Journal intact: %lld entry checked.", "Journal intact: %lld entries checked.", checked),
                  checked)
        << '\n';
    return;
  }
  auto found = verification.problems.size();
  out << format(P_("Journal ALTERED: %lld problem found.", "Journal ALTERED: %lld problems found.", found), found)
      << '\n';
  for (const auto& problem : verification.problems) {
    // Sequence 0 is not an entry: the problem is with the head as a whole.
    std::string line = problem.sequence == 0
                           ? format(_("  head: %s (%s)"), problem_label(problem.kind), problem.detail)
                           : format(_("  entry %lld: %s (%s)"), problem.sequence, problem_label(problem.kind),
                                    problem.detail);
    out << line << '\n';
  }
}

int report_error(const Error& error) {
  std::cerr << "relais: " << error_headline(error.code()) << '\n';
  if (const auto* invalid = dynamic_cast<const InvalidInputError*>(&error)) {
    // The field and value are what the user typed; the reason stays in
    // English, as the library words it (see docs/cli.md).
    for (const auto& field : invalid->field_errors()) {
      std::cerr << format(_("  field \"%s\", value \"%s\": %s"), field.field, field.value, field.message) << '\n';
    }
    return 1;
  }
  for (const auto& [key, value] : error.context()) std::cerr << "  " << key << ": " << value << '\n';
  std::cerr << format(_("  detail: %s"), error.what()) << '\n';
  return 1;
}

}  // namespace relais::cli
