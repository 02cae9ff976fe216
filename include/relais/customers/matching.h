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
// Ligatures are spelled out (œ -> oe, æ -> ae, ﬁ -> fi). Never throws on bad
// input: a byte that is not valid UTF-8 is read as Latin-1 ("Caf\xe9" -> "cafe").
RELAIS_API std::string fold_text(std::string_view text);
// fold_text + French abbreviations expanded (bd -> boulevard, av -> avenue,
// st -> saint, ste -> sainte, r -> rue, pl -> place, che -> chemin, imp ->
// impasse, all -> allee, rte -> route, fg -> faubourg; also bld/blvd ->
// boulevard, ch/chem -> chemin, fbg -> faubourg, gal -> general), word by
// word: "av." works since the dot became a space. Numbers are kept.
RELAIS_API std::string normalize_address(std::string_view text);
// Jaro-Winkler similarity of two UTF-8 strings (by code point), in [0, 1]:
// prefix scale 0.1, prefix up to 4. Two empty strings are identical (1);
// an empty string against another scores 0.
RELAIS_API double jaro_winkler(std::string_view a, std::string_view b);

// Keys of a stored customer, whose phones and emails are already in their
// canonical form. Person names lose their civilities ("M. et Mme", "Mme"),
// company names their legal form (into legal_form); the words are then
// sorted so that "DURAND Jean" and "Jean Durand" get the same key.
RELAIS_API IdentityKeys identity_keys(const Customer& customer);
// The same for what a user typed: phones, emails, SIRET and VAT number are
// normalised first, and a value that does not normalise is left out.
RELAIS_API IdentityKeys identity_keys(const CustomerDraft& draft);

// The blocks a customer falls in; two customers are compared only if they
// share one:
//   "p:<phone>", "e:<email>", "s:<siren>"  exact identifiers;
//   "n:<prefix>:<initial>:<department>" for each of the first two name
//     words of 3+ letters: its first four letters and the other word's
//     initial, by department of each postcode ("-" without one):
//     "n:dura:j:35" and "n:jean:d:35".
// A duplicate with a typo in one name word still shares the other word's
// name block, and a phone or email block. Name words never form a block
// alone: that would put every "martin" of a department together and make
// the batch finder quadratic.
RELAIS_API std::vector<std::string> blocking_keys(const IdentityKeys& keys);

struct MatchScore {
  double score = 0;
  MatchOutcome outcome = MatchOutcome::none;
  // Why, in English, one line each: "same phone +33612345678",
  // "names similar (0.94): durand electricite / durand electricte".
  std::vector<std::string> reasons;
};

// Weighs the evidence: same SIRET (strong), same SIREN, same email, same
// phone, name similarity (Jaro-Winkler on the key and word by word),
// address similarity (house numbers and postcode must agree), same
// postcode. Some findings hold the score down whatever else agrees:
// - different SIRENs: two companies;
// - same SIREN, different SIRETs: two establishments of one company, kept
//   below `probable` unless their names and addresses also agree;
// - two persons sharing a surname but not a first name: relatives, who
//   share a home phone, address and often an email;
// - a phone or email shared by persons whose names differ is only a hint;
// - a company against a person costs points.
// The outcome is `sure` from thresholds.sure, `probable` from
// thresholds.probable.
RELAIS_API MatchScore compare_identities(const IdentityKeys& a, const IdentityKeys& b,
                                         const MatchThresholds& thresholds = {});

}  // namespace v1
}  // namespace relais
