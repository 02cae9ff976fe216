#pragma once
// Identity matching: is this customer already in the base? Pure functions
// over value types (no database), thread-safe, used both when a customer is
// created (CustomerService::check_duplicates) and by the batch finder.
//
// A customer is reduced to comparison keys (accents and case folded, phones
// in E.164, canonical emails, SIRET/SIREN, French street abbreviations
// expanded, legal forms set aside), grouped into blocks so that only
// customers sharing a block are compared, and each compared pair gets a
// score in [0, 1] with human-readable reasons.
#include <relais/customers/customer.h>
#include <relais/export.h>

#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

// Score limits of the three outcomes. sure >= probable, both in [0, 1].
struct MatchThresholds {
  double sure = 0.90;
  double probable = 0.70;
};

enum class MatchOutcome { none, probable, sure };
RELAIS_API std::string_view to_string(MatchOutcome outcome) noexcept;

// What the comparison looks at, derived once per customer.
struct IdentityKeys {
  bool company = false;
  std::string name;                  // folded, legal form removed, tokens sorted: "durand electricite"
  std::string legal_form;            // "sarl", "sas"... ("" when none)
  std::vector<std::string> phones;   // E.164, the customer's and its contacts'
  std::vector<std::string> emails;   // lowercased
  std::string siren;                 // 9 digits, from the SIRET or VAT number
  std::string siret;                 // 14 digits
  std::vector<std::string> addresses;  // folded, abbreviations expanded: "12 boulevard de la liberte 35000"
  std::vector<std::string> postcodes;
};

// Lowercases, strips accents (through utf8proc), turns punctuation into
// spaces and collapses spaces: "  Hélène-Marie  DURAND " -> "helene marie durand".
RELAIS_API std::string fold_text(std::string_view text);
// fold_text + French abbreviations expanded (bd -> boulevard, av -> avenue,
// st -> saint, ste -> sainte, r -> rue, pl -> place, che -> chemin, imp ->
// impasse, all -> allee, rte -> route, fg -> faubourg).
RELAIS_API std::string normalize_address(std::string_view text);
// Jaro-Winkler similarity of two UTF-8 strings (by code point), in [0, 1].
RELAIS_API double jaro_winkler(std::string_view a, std::string_view b);

RELAIS_API IdentityKeys identity_keys(const Customer& customer);
RELAIS_API IdentityKeys identity_keys(const CustomerDraft& draft);

// The blocks a customer falls in: every phone, email, SIREN, and a few
// name/postcode keys. Two customers are compared only if they share one.
RELAIS_API std::vector<std::string> blocking_keys(const IdentityKeys& keys);

struct MatchScore {
  double score = 0;
  MatchOutcome outcome = MatchOutcome::none;
  // Why, in English, one line each: "same phone +33612345678",
  // "names similar (0.94): durand electricite / durand electricte".
  std::vector<std::string> reasons;
};

RELAIS_API MatchScore compare_identities(const IdentityKeys& a, const IdentityKeys& b,
                                         const MatchThresholds& thresholds = {});

}  // namespace v1
}  // namespace relais
