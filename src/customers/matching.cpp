#include <relais/customers/matching.h>
#include <relais/customers/validation.h>
#include <relais/errors.h>

#include <utf8proc.h>

#include "core/text.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>
#include <unordered_map>

namespace relais {
inline namespace v1 {
namespace {

// ---------------------------------------------------------------- text

// utf8proc rejects a whole string on the first bad byte; customer files
// exported from old Windows tools are often Latin-1, so a byte that does
// not start a valid sequence is read as the Latin-1 character it would be.
std::string repair_utf8(std::string_view text) {
  std::string valid;
  valid.reserve(text.size());
  auto bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  for (std::size_t i = 0; i < text.size();) {
    utf8proc_int32_t code_point = 0;
    auto length = utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(text.size() - i), &code_point);
    if (length <= 0) {
      code_point = bytes[i];
      length = 1;
    }
    utf8proc_uint8_t encoded[4];
    valid.append(reinterpret_cast<char*>(encoded), static_cast<std::size_t>(utf8proc_encode_char(code_point, encoded)));
    i += static_cast<std::size_t>(length);
  }
  return valid;
}

// Accents stripped, case folded (ß -> ss), compatibility forms flattened
// (ﬁ -> fi, ² -> 2) and look-alike punctuation lumped (’ -> ').
std::string strip_marks_and_case(const std::string& valid_utf8) {
  utf8proc_uint8_t* mapped = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                      UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_LUMP);
  auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid_utf8.data()),
                             static_cast<utf8proc_ssize_t>(valid_utf8.size()), &mapped, options);
  if (length < 0) return valid_utf8;  // cannot happen on repaired input; folding less beats throwing
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  return {reinterpret_cast<char*>(mapped), static_cast<std::size_t>(length)};
}

bool is_letter_or_digit(utf8proc_int32_t code_point) {
  auto category = utf8proc_category(code_point);
  return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
         (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
}

std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> points;
  points.reserve(text.size());
  auto bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  for (std::size_t i = 0; i < text.size();) {
    utf8proc_int32_t code_point = 0;
    auto length = utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(text.size() - i), &code_point);
    if (length <= 0) {  // a stray byte counts as one character, as in repair_utf8
      code_point = bytes[i];
      length = 1;
    }
    points.push_back(static_cast<char32_t>(code_point));
    i += static_cast<std::size_t>(length);
  }
  return points;
}

std::vector<std::string> split_words(std::string_view folded) {
  std::vector<std::string> words;
  for (std::size_t start = 0; start < folded.size();) {
    auto end = std::min(folded.find(' ', start), folded.size());
    if (end > start) words.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string joined;
  for (const auto& word : words) {
    if (!joined.empty()) joined += ' ';
    joined += word;
  }
  return joined;
}

// True when the words are equal or one insertion, deletion, substitution
// or swap of neighbours apart: the typos of hand-typed text, which
// Jaro-Winkler misses in short words ("le" / "rle" scores 0).
bool within_one_edit(std::string_view a, std::string_view b) {
  auto shorter = code_points(a);
  auto longer = code_points(b);
  if (shorter.size() > longer.size()) std::swap(shorter, longer);
  if (longer.size() - shorter.size() > 1) return false;
  auto [first_s, first_l] = std::mismatch(shorter.begin(), shorter.end(), longer.begin());
  if (first_s == shorter.end()) return true;
  auto same_after = [&](std::ptrdiff_t skip_shorter, std::ptrdiff_t skip_longer) {
    return std::equal(first_s + skip_shorter, shorter.end(), first_l + skip_longer);
  };
  if (shorter.size() < longer.size()) return same_after(0, 1);  // one inserted
  bool swapped = first_s + 1 != shorter.end() && first_s[0] == first_l[1] && first_s[1] == first_l[0];
  return same_after(1, 1) || (swapped && same_after(2, 2));
}

// ---------------------------------------------------------------- names

// Folded, as they appear among a name's words ("S.A.R.L." gets here through
// merge_acronyms).
const std::set<std::string, std::less<>> kLegalForms = {
    "cie", "earl", "ei", "eirl", "eurl", "gaec", "gie", "sa", "sarl", "sas", "sasu", "sca",
    "scea", "sci", "scm", "scop", "scp", "selarl", "selas", "snc"};
const std::set<std::string, std::less<>> kCivilities = {
    "m", "madame", "mademoiselle", "mle", "mlle", "mm", "mme", "mmes", "monsieur", "mr", "mrs", "ms"};

// "M. et Mme Durand" as typed by hand: the first three words are the
// couple's civilities even with a typo in them ("M. et Mmq", "M. te Mme").
void drop_couple_civilities(std::vector<std::string>& words) {
  if (words.size() > 3 && words[0].size() <= 2 && within_one_edit(words[1], "et") && within_one_edit(words[2], "mme"))
    words.erase(words.begin(), words.begin() + 3);
}

// "s a r l" (from "S.A.R.L.") -> "sarl": runs of single letters are acronyms.
std::vector<std::string> merge_acronyms(const std::vector<std::string>& words) {
  std::vector<std::string> merged;
  bool in_run = false;
  for (const auto& word : words) {
    bool single = word.size() == 1;
    if (single && in_run) {
      merged.back() += word;
    } else {
      merged.push_back(word);
    }
    in_run = single;
  }
  return merged;
}

// Drops `stop` words and the "et" that links two of them ("M. et Mme",
// "et Cie"); returns what was dropped, in order.
std::vector<std::string> take_out(std::vector<std::string>& words, const std::set<std::string, std::less<>>& stop) {
  std::vector<std::string> kept;
  std::vector<std::string> taken;
  for (std::size_t i = 0; i < words.size(); ++i) {
    bool linking_et = words[i] == "et" && i + 1 < words.size() && stop.contains(words[i + 1]);
    if (stop.contains(words[i]) && !linking_et) {
      taken.push_back(words[i]);
    } else if (!linking_et) {
      kept.push_back(words[i]);
    }
  }
  words = std::move(kept);
  return taken;
}

void set_name(IdentityKeys& keys, std::string_view name) {
  auto words = split_words(fold_text(name));
  if (keys.company) {
    words = merge_acronyms(words);
    auto forms = take_out(words, kLegalForms);
    if (!words.empty()) keys.legal_form = join_words(forms);  // a company named "SCI" keeps its name
    else words = std::move(forms);
  } else {
    drop_couple_civilities(words);
    auto civilities = take_out(words, kCivilities);
    if (words.empty()) words = std::move(civilities);
  }
  std::sort(words.begin(), words.end());
  keys.name = join_words(words);
}

// ---------------------------------------------------------------- addresses

const std::unordered_map<std::string_view, std::string_view> kStreetAbbreviations = {
    {"all", "allee"},     {"av", "avenue"},   {"ave", "avenue"},   {"bd", "boulevard"},
    {"bld", "boulevard"}, {"blvd", "boulevard"}, {"ch", "chemin"}, {"che", "chemin"},
    {"chem", "chemin"},   {"fbg", "faubourg"}, {"fg", "faubourg"}, {"gal", "general"},
    {"imp", "impasse"},   {"pl", "place"},    {"r", "rue"},        {"rte", "route"},
    {"st", "saint"},      {"ste", "sainte"}};

std::string digits_of(std::string_view text) {
  std::string digits;
  for (char c : text)
    if (c >= '0' && c <= '9') digits += c;
  return digits;
}

void add_unique(std::vector<std::string>& into, std::string value) {
  if (!value.empty() && std::find(into.begin(), into.end(), value) == into.end()) into.push_back(std::move(value));
}

void set_addresses(IdentityKeys& keys, const std::vector<Site>& sites) {
  for (const auto& site : sites) {
    auto postcode = digits_of(site.postcode);
    add_unique(keys.postcodes, postcode);
    add_unique(keys.addresses, normalize_address(site.street + " " + postcode));
  }
}

// ---------------------------------------------------------------- ids

void set_company_ids(IdentityKeys& keys, const std::string& siret, const std::string& vat_number) {
  keys.siret = digits_of(siret);
  if (keys.siret.size() != 14) keys.siret.clear();
  if (!keys.siret.empty()) {
    keys.siren = keys.siret.substr(0, 9);
  } else if (vat_number.size() >= 13) {  // "FR" + 2-character key + SIREN
    keys.siren = digits_of(vat_number.substr(4, 9));
    if (keys.siren.size() != 9) keys.siren.clear();
  }
}

// A draft holds what the user typed: whatever does not normalise cannot
// match a stored value anyway, so it is left out rather than refused.
template <typename Normalize>
std::string normalized_or_empty(const std::string& value, Normalize normalize) {
  try {
    return value.empty() ? value : normalize(value, "matching");
  } catch (const InvalidInputError&) {
    return {};
  }
}

template <typename Normalize>
std::vector<std::string> normalized(const std::vector<std::string>& values, Normalize normalize) {
  std::vector<std::string> result;
  for (const auto& value : values) add_unique(result, normalized_or_empty(value, normalize));
  return result;
}

// ---------------------------------------------------------------- blocking

// The first `count` code points of a folded word (which may hold letters
// outside ASCII, so bytes would cut a character in two).
std::string word_prefix(const std::string& word, std::size_t count) {
  auto bytes = reinterpret_cast<const utf8proc_uint8_t*>(word.data());
  std::size_t end = 0;
  for (utf8proc_int32_t code_point = 0; count > 0 && end < word.size(); --count) {
    auto length = utf8proc_iterate(bytes + end, static_cast<utf8proc_ssize_t>(word.size() - end), &code_point);
    end += static_cast<std::size_t>(std::max<utf8proc_ssize_t>(length, 1));
  }
  return word.substr(0, end);
}

// The department: two digits, three overseas (971 Guadeloupe... 988).
std::string department(const std::string& postcode) {
  return postcode.substr(0, postcode.starts_with("97") || postcode.starts_with("98") ? 3 : 2);
}

bool is_number(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ---------------------------------------------------------------- comparison

// Symmetric best-word average (Monge-Elkan taken both ways, the lower one):
// unlike the whole-key Jaro-Winkler it survives a typo on a first letter,
// which changes where the word sorts.
double word_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  auto one_way = [](const std::vector<std::string>& from, const std::vector<std::string>& to) {
    double total = 0;
    for (const auto& word : from) {
      double best = 0;
      for (const auto& other : to) best = std::max(best, jaro_winkler(word, other));
      total += best;
    }
    return total / static_cast<double>(from.size());
  };
  return std::min(one_way(a, b), one_way(b, a));
}

double name_similarity(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return 0;
  return std::max(jaro_winkler(a, b), word_similarity(split_words(a), split_words(b)));
}

// Particles ("le" of "Le Goff", "de", "du") say little about who it is.
std::size_t significant_words(const std::string& name) {
  auto words = split_words(name);
  return static_cast<std::size_t>(
      std::count_if(words.begin(), words.end(), [](const std::string& word) { return word.size() >= 3; }));
}

// Relatives sharing a home (Jean and Marie Durand) have the same surname,
// phone and address: the tell is a word on each side with no counterpart
// on the other. An initial ("j durand") or a typo is a counterpart.
bool has_counterpart(const std::string& word, const std::vector<std::string>& others) {
  return std::any_of(others.begin(), others.end(), [&word](const std::string& other) {
    bool initial = (word.size() == 1 || other.size() == 1) && word[0] == other[0];
    return initial || within_one_edit(word, other) || jaro_winkler(word, other) >= 0.8;
  });
}

std::string unmatched_word(const std::vector<std::string>& words, const std::vector<std::string>& others) {
  for (const auto& word : words)
    if (!has_counterpart(word, others)) return word;
  return {};
}

std::string format_similarity(const char* label, double similarity, const std::string& a, const std::string& b) {
  char number[16];
  std::snprintf(number, sizeof number, "%.2f", similarity);
  return std::string(label) + " (" + number + "): " + a + " / " + b;
}

std::string shared_value(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& value : a)
    if (std::find(b.begin(), b.end(), value) != b.end()) return value;
  return {};
}

// House numbers and postcodes must agree exactly (the 12 and the 14 of a
// street are neighbours, not the same customer); the words may differ a little.
double address_similarity(const std::string& a, const std::string& b) {
  auto numbers = [](const std::string& address) {
    auto words = split_words(address);
    std::erase_if(words, [](const std::string& word) { return !is_number(word); });
    return words;
  };
  return numbers(a) == numbers(b) ? jaro_winkler(a, b) : 0.0;
}

// Evidence adds up; some findings also cap the total, whatever else agrees.
struct Evidence {
  double score = 0;
  double cap = 1;
  std::vector<std::string> reasons;

  void add(double weight, std::string reason) {
    score += weight;
    reasons.push_back(std::move(reason));
  }
  void limit(double ceiling, std::string reason) {
    cap = std::min(cap, ceiling);
    reasons.push_back(std::move(reason));
  }
};

// Weights of the evidence, tuned on the synthetic customers (tools/synth)
// for precision of "sure" >= 0.98 and recall of "probable" >= 0.95.
constexpr double kSameSiret = 0.6;
constexpr double kSameSiren = 0.4;
constexpr double kSameEmail = 0.45;
constexpr double kSamePhone = 0.35;
constexpr double kSharedLine = 0.1;     // a phone or email shared by persons with different names
constexpr double kSimilarNames = 0.5;   // at similarity 1, down to 0 at kNameFloor
constexpr double kSurnameOnly = 0.35;   // a surname alone ("M. et Mme Le Goff"): many households share it
constexpr double kNameFloor = 0.7;
constexpr double kDifferentNames = -0.2;
constexpr double kSimilarAddress = 0.3; // at similarity 1, down to 0 at kAddressFloor
constexpr double kAddressFloor = 0.8;
constexpr double kSamePostcode = 0.05;
constexpr double kKindMismatch = -0.3;
constexpr double kDifferentCompanies = 0.3;  // cap when the SIRENs differ
constexpr double kRelatives = 0.4;           // cap for relatives sharing a home
constexpr double kSameEstablishment = 0.9;   // name and address similarity making two SIRETs one place

// Two establishments of one company (same SIREN, different SIRETs) are
// separate customers: different sites, contacts and invoices. Unless their
// names and addresses agree too, they stay below "probable".
void weigh_company_ids(const IdentityKeys& a, const IdentityKeys& b, double names, double addresses,
                       double probable, Evidence& evidence) {
  if (!a.siret.empty() && a.siret == b.siret) return evidence.add(kSameSiret, "same SIRET " + a.siret);
  if (a.siren.empty() || b.siren.empty()) return;
  if (a.siren != b.siren) return evidence.limit(kDifferentCompanies, "different SIREN " + a.siren + " / " + b.siren);
  if (a.siret.empty() || b.siret.empty()) return evidence.add(kSameSiren, "same SIREN " + a.siren);
  if (names >= kSameEstablishment && addresses >= kSameEstablishment)
    return evidence.add(kSameSiren, "same SIREN " + a.siren + " and address, SIRET " + a.siret + " / " + b.siret);
  evidence.limit(std::max(probable - 0.1, 0.0),
                 "same SIREN " + a.siren + " but SIRET " + a.siret + " / " + b.siret + ": two establishments");
}

// Relatives share a home phone and often an email: between persons whose
// names differ, a shared one is only a hint.
void weigh_contact_means(const IdentityKeys& a, const IdentityKeys& b, double names, Evidence& evidence) {
  const bool household_risk = !a.company && !b.company && names < kNameFloor;
  if (auto email = shared_value(a.emails, b.emails); !email.empty())
    evidence.add(household_risk ? kSharedLine : kSameEmail, "same email " + email);
  if (auto phone = shared_value(a.phones, b.phones); !phone.empty())
    evidence.add(household_risk ? kSharedLine : kSamePhone, "same phone " + phone);
}

void weigh_names(const IdentityKeys& a, const IdentityKeys& b, double names, Evidence& evidence) {
  if (names >= kNameFloor) {
    const bool surname_only = significant_words(a.name) < 2 || significant_words(b.name) < 2;
    evidence.add((surname_only ? kSurnameOnly : kSimilarNames) * (names - kNameFloor) / (1 - kNameFloor),
                 format_similarity("names similar", names, a.name, b.name));
  } else {
    evidence.add(kDifferentNames, format_similarity("names differ", names, a.name, b.name));
  }
}

void weigh_relatives(const IdentityKeys& a, const IdentityKeys& b, Evidence& evidence) {
  if (a.company || b.company) return;
  auto words_a = split_words(a.name);
  auto words_b = split_words(b.name);
  auto only_a = unmatched_word(words_a, words_b);
  auto only_b = unmatched_word(words_b, words_a);
  bool shared = std::any_of(words_a.begin(), words_a.end(),
                            [&words_b](const std::string& word) { return has_counterpart(word, words_b); });
  if (shared && !only_a.empty() && !only_b.empty())
    evidence.limit(kRelatives, "different first names " + only_a + " / " + only_b + ": relatives");
}

struct AddressMatch {
  double similarity = 0;
  std::string a;
  std::string b;
};

AddressMatch best_address(const IdentityKeys& a, const IdentityKeys& b) {
  AddressMatch best;
  for (const auto& address_a : a.addresses)
    for (const auto& address_b : b.addresses)
      if (double similarity = address_similarity(address_a, address_b); similarity > best.similarity)
        best = {similarity, address_a, address_b};
  return best;
}

void weigh_addresses(const IdentityKeys& a, const IdentityKeys& b, const AddressMatch& address, Evidence& evidence) {
  if (address.similarity >= kAddressFloor) {
    evidence.add(kSimilarAddress * (address.similarity - kAddressFloor) / (1 - kAddressFloor),
                 format_similarity("addresses similar", address.similarity, address.a, address.b));
  } else if (auto postcode = shared_value(a.postcodes, b.postcodes); !postcode.empty()) {
    evidence.add(kSamePostcode, "same postcode " + postcode);
  }
}

}  // namespace

// ---------------------------------------------------------------- public

std::string_view to_string(MatchOutcome outcome) noexcept {
  switch (outcome) {
    case MatchOutcome::sure: return "sure";
    case MatchOutcome::probable: return "probable";
    case MatchOutcome::none: break;
  }
  return "none";
}

std::string fold_text(std::string_view text) {
  std::string folded;
  bool pending_space = false;
  for (char32_t code_point : code_points(strip_marks_and_case(repair_utf8(text)))) {
    if (!is_letter_or_digit(static_cast<utf8proc_int32_t>(code_point))) {
      pending_space = !folded.empty();
      continue;
    }
    if (pending_space) folded += ' ';
    pending_space = false;
    if (code_point == U'œ') {  // ligatures that are letters of their own for Unicode, not for French
      folded += "oe";
    } else if (code_point == U'æ') {
      folded += "ae";
    } else {
      utf8proc_uint8_t encoded[4];
      folded.append(reinterpret_cast<char*>(encoded),
                    static_cast<std::size_t>(utf8proc_encode_char(static_cast<utf8proc_int32_t>(code_point), encoded)));
    }
  }
  return folded;
}

std::string normalize_address(std::string_view text) {
  auto words = split_words(fold_text(text));
  for (auto& word : words) {
    auto found = kStreetAbbreviations.find(word);
    if (found != kStreetAbbreviations.end()) word = found->second;
  }
  return join_words(words);
}

double jaro_winkler(std::string_view a, std::string_view b) {
  auto shorter = code_points(a);
  auto longer = code_points(b);
  if (shorter.empty() && longer.empty()) return 1.0;
  if (shorter.empty() || longer.empty()) return 0.0;
  if (shorter.size() > longer.size()) std::swap(shorter, longer);

  // Characters match when equal and no further apart than half the longer
  // length minus one; each character matches at most once. Code points stop
  // at 0x10FFFF, so a high bit marks "matched" in place: the two decoded
  // strings are the only allocations.
  constexpr char32_t kMatched = 0x80000000;
  const std::size_t window = std::max<std::size_t>(longer.size() / 2, 1) - 1;
  std::size_t matches = 0;
  for (std::size_t i = 0; i < shorter.size(); ++i) {
    const std::size_t to = std::min(i + window + 1, longer.size());
    for (std::size_t j = i > window ? i - window : 0; j < to; ++j) {
      if (longer[j] == shorter[i]) {  // a matched longer[j] carries the bit, so never compares equal
        longer[j] |= kMatched;
        shorter[i] |= kMatched;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;

  // Transpositions: read both strings' matched characters in order; half of
  // the positions where they differ.
  std::size_t out_of_order = 0;
  for (std::size_t i = 0, j = 0; i < shorter.size(); ++i) {
    if (!(shorter[i] & kMatched)) continue;
    while (!(longer[j] & kMatched)) ++j;
    if (shorter[i] != longer[j++]) ++out_of_order;
  }
  const double m = static_cast<double>(matches);
  const double jaro = (m / static_cast<double>(shorter.size()) + m / static_cast<double>(longer.size()) +
                       (m - static_cast<double>(out_of_order / 2)) / m) / 3;

  // Winkler: a common prefix (up to 4) earns a bonus, typos being rarer at
  // the start of a word.
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < shorter.size() && (shorter[prefix] & ~kMatched) == (longer[prefix] & ~kMatched))
    ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1 - jaro);
}

IdentityKeys identity_keys(const Customer& customer) {
  IdentityKeys keys;
  keys.company = customer.kind == CustomerKind::company;
  set_name(keys, customer.name);
  auto add_contact_means = [&keys](const std::vector<std::string>& phones, const std::vector<std::string>& emails) {
    for (const auto& phone : phones) add_unique(keys.phones, phone);
    for (const auto& email : emails) add_unique(keys.emails, detail::lowercase_ascii(email));
  };
  add_contact_means(customer.phones, customer.emails);
  for (const auto& contact : customer.contacts) add_contact_means(contact.phones, contact.emails);
  set_company_ids(keys, customer.siret, customer.vat_number);
  set_addresses(keys, customer.sites);
  return keys;
}

IdentityKeys identity_keys(const CustomerDraft& draft) {
  Customer customer;
  customer.kind = draft.kind;
  customer.name = draft.name;
  customer.phones = normalized(draft.phones, normalize_phone);
  customer.emails = normalized(draft.emails, normalize_email);
  customer.siret = normalized_or_empty(draft.siret, normalize_siret);
  customer.vat_number = normalized_or_empty(draft.vat_number, normalize_vat_number);
  customer.sites = draft.sites;
  customer.contacts = draft.contacts;
  for (auto& contact : customer.contacts) {
    contact.phones = normalized(contact.phones, normalize_phone);
    contact.emails = normalized(contact.emails, normalize_email);
  }
  return identity_keys(customer);
}

std::vector<std::string> blocking_keys(const IdentityKeys& keys) {
  std::vector<std::string> blocks;
  for (const auto& phone : keys.phones) add_unique(blocks, "p:" + phone);
  for (const auto& email : keys.emails) add_unique(blocks, "e:" + email);
  if (!keys.siren.empty()) add_unique(blocks, "s:" + keys.siren);

  std::vector<std::string> areas;
  for (const auto& postcode : keys.postcodes) add_unique(areas, department(postcode));
  if (areas.empty()) areas.push_back("-");
  auto words = split_words(keys.name);
  std::erase_if(words, [](const std::string& word) { return word.size() < 3 || is_number(word); });
  words.resize(std::min<std::size_t>(words.size(), 2));
  // Each word's prefix with the other word's initial: one word alone made
  // blocks of every "martin" of a department (hundreds at 100k customers,
  // and a quadratic finder), while a typo in one word still leaves the
  // other word's key intact.
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string other = words.size() > 1 ? word_prefix(words[1 - i], 1) : "";  // a character, not a byte
    for (const auto& area : areas) add_unique(blocks, "n:" + word_prefix(words[i], 4) + ":" + other + ":" + area);
  }
  return blocks;
}

MatchScore compare_identities(const IdentityKeys& a, const IdentityKeys& b, const MatchThresholds& thresholds) {
  const double names = name_similarity(a.name, b.name);
  const auto address = best_address(a, b);
  Evidence evidence;
  weigh_company_ids(a, b, names, address.similarity, thresholds.probable, evidence);
  weigh_contact_means(a, b, names, evidence);
  weigh_names(a, b, names, evidence);
  weigh_relatives(a, b, evidence);
  weigh_addresses(a, b, address, evidence);
  if (a.company != b.company) evidence.add(kKindMismatch, "one is a company, the other a person");

  MatchScore result;
  result.score = std::clamp(std::min(evidence.score, evidence.cap), 0.0, 1.0);
  result.outcome = result.score >= thresholds.sure       ? MatchOutcome::sure
                   : result.score >= thresholds.probable ? MatchOutcome::probable
                                                         : MatchOutcome::none;
  result.reasons = std::move(evidence.reasons);
  return result;
}

}  // namespace v1
}  // namespace relais
