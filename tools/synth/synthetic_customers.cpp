#include "synth/synthetic_customers.h"

#include "french_names.h"
#include "random.h"
#include "written_forms.h"

#include <relais/customers/validation.h>

#include <algorithm>
#include <cctype>
#include <array>
#include <random>
#include <unordered_set>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace relais::synth {
namespace {

using data::Town;

// ---- randomness -----------------------------------------------------------

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

class Random : public Rng {
 public:
  using Rng::Rng;

  // A mailbox belongs to one person: a namesake gets "helene.martin2@..."
  // as the provider would make them choose. Kept here, with the rest of the
  // generation state, so the same seed still gives the same addresses.
  // Compared without case, as mail servers (and the matcher) do.
  std::string unique_email(const std::string& local, const std::string& domain) {
    std::string email = local + "@" + domain;
    for (int suffix = 2; !taken_emails_.insert(lowercase(email)).second; ++suffix) {
      email = local + std::to_string(suffix) + "@" + domain;
    }
    return email;
  }

  // A company's own domain, "<name>-<town>.fr", numbered when another
  // company of the same name in the same town already registered it.
  std::string unique_domain(const std::string& name) {
    std::string domain = name + ".fr";
    for (int suffix = 2; !taken_emails_.insert("@" + domain).second; ++suffix) {
      domain = name + std::to_string(suffix) + ".fr";
    }
    return domain;
  }

 private:
  std::unordered_set<std::string> taken_emails_;
};

// ---- text -----------------------------------------------------------------

bool has_non_ascii(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Replaces whole words listed in the abbreviation table; words end at a
// space, hyphen or apostrophe, so "Saint-Malo" becomes "St-Malo".
std::string abbreviate(std::string_view text) {
  std::string result;
  for (std::size_t start = 0;;) {
    const std::size_t end = std::min(text.find_first_of(" -'", start), text.size());
    const std::string_view word = text.substr(start, end - start);
    const auto entry = std::find_if(data::abbreviations().begin(), data::abbreviations().end(),
                                    [&](const data::Abbreviation& a) { return a.word == word; });
    result += entry == data::abbreviations().end() ? word : entry->short_form;
    if (end == text.size()) return result;
    result += text[end];
    start = end + 1;
  }
}

// ---- identifiers and phones ----------------------------------------------

// The key digit that makes `payload` + key a valid SIREN or SIRET, asked of
// the library's own validator so the rule lives in one place.
char key_digit(std::string_view payload, bool (*is_valid)(std::string_view) noexcept) {
  for (char key = '0'; key <= '9'; ++key) {
    if (is_valid(std::string(payload) + key)) return key;
  }
  throw std::logic_error("no key digit makes " + std::string(payload) + " valid");
}

std::string new_siren(Random& random) {
  // Real SIRENs start with 3 to 9 (the first digit was never 0, 1 or 2 for
  // companies); 35600000 is skipped because La Poste's SIREN follows
  // another rule.
  std::string payload;
  do {
    payload = std::to_string(3 + random.below(7)) + random.digits(7);
  } while (payload == "35600000");
  return payload + key_digit(payload, is_valid_siren);
}

// The SIRET of establishment number `establishment` (1 = head office).
std::string siret_of(std::string_view siren, std::size_t establishment) {
  std::string number = std::to_string(establishment);
  std::string payload = std::string(siren) + std::string(4 - number.size(), '0') + number;
  return payload + key_digit(payload, is_valid_siret);
}

std::string vat_number_of(std::string_view siren) {
  const std::uint64_t key = (std::stoull(std::string(siren)) * 100 + 12) % 97;
  return "FR" + std::string(key < 10 ? "0" : "") + std::to_string(key) + std::string(siren);
}

// ---- entities -------------------------------------------------------------

// An entity as first written, with the parts its duplicates rewrite.
struct Entity {
  CustomerDraft draft;
  const Town* town = nullptr;         // of the first site
  std::string_view street_type;       // of the first site, kept when moving
  std::string first_name;             // single persons only
  std::string surname;
  std::string company_core;           // "Boulangerie du Port"; companies only
  std::string legal_form;             // "SARL", "SCI" or empty
  std::string siren;
  std::vector<std::string> phone_numbers;  // national digits
  int phone_style = 0;

  bool single_person() const { return draft.kind == CustomerKind::person && !first_name.empty(); }
};

std::vector<std::string> written_phones(const std::vector<std::string>& numbers, int style) {
  std::vector<std::string> phones;
  phones.reserve(numbers.size());
  for (const auto& number : numbers) phones.push_back(written_phone(number, style));
  return phones;
}

Site make_site(std::string label, std::string street, const Town& town, bool work_site) {
  Site site;
  site.label = std::move(label);
  site.street = std::move(street);
  site.postcode = town.postcode;
  site.city = town.name;
  site.work_site = work_site;
  return site;
}

const Town& other_town(Random& random, const Town& town) {
  const Town* other = &random.pick(data::towns());
  while (other->name == town.name) other = &random.pick(data::towns());
  return *other;
}

// "helene.martin@orange.fr", "hmartin56@free.fr", "Helene.Martin@gmail.com".
std::string personal_email(Random& random, std::string_view first, std::string_view last) {
  const std::string provider(random.pick(data::email_providers()));
  switch (random.below(4)) {
    case 0: return random.unique_email(slug(first, "") + slug(last, "") + std::to_string(10 + random.below(90)), provider);
    case 1: return random.unique_email(slug(first, "").substr(0, 1) + slug(last, ""), provider);
    case 2: {
      // Some people keep the capitals they were given at the shop.
      std::string local = fold_accents(first) + "." + slug(last, "");
      local.erase(std::remove_if(local.begin(), local.end(), [](char c) { return c == ' ' || c == '\''; }),
                  local.end());
      return random.unique_email(local, provider);
    }
    default: return random.unique_email(slug(first, "-") + "." + slug(last, ""), provider);
  }
}

Contact make_contact(Random& random, std::string name, std::string role, int phone_style) {
  Contact contact;
  contact.name = std::move(name);
  contact.role = std::move(role);
  contact.phones.push_back(written_phone(mobile_number(random), phone_style));
  return contact;
}

void start_household(Random& random, Entity& entity, std::string surname, const Town& town) {
  entity.draft.kind = CustomerKind::person;
  entity.surname = std::move(surname);
  entity.town = &town;
  entity.street_type = random.pick(data::street_types());
  entity.phone_style = static_cast<int>(random.below(kPhoneStyles));
  entity.draft.sites.push_back(make_site("Domicile", street_line(random, entity.street_type), town, false));
}

Entity single_person(Random& random, std::string surname, const Town& town, std::string_view avoid_first_name) {
  Entity entity;
  start_household(random, entity, std::move(surname), town);
  do {
    entity.first_name = first_name(random);
  } while (entity.first_name == avoid_first_name);
  entity.draft.name = entity.first_name + " " + entity.surname;
  entity.phone_numbers.push_back(mobile_number(random));
  if (random.chance(0.4)) entity.phone_numbers.push_back(landline_number(random, town));
  if (random.chance(0.8)) entity.draft.emails.push_back(personal_email(random, entity.first_name, entity.surname));
  return entity;
}

// "M. et Mme Le Goff": the home landline, and each spouse as a contact with
// a mobile.
Entity couple(Random& random, std::string surname, const Town& town) {
  Entity entity;
  start_household(random, entity, std::move(surname), town);
  entity.draft.name = "M. et Mme " + entity.surname;
  entity.phone_numbers.push_back(landline_number(random, town));
  if (random.chance(0.6)) {
    entity.draft.emails.push_back(
        random.unique_email("famille." + slug(entity.surname, ""), std::string(random.pick(data::email_providers()))));
  }
  for (const auto names : {data::female_first_names(), data::male_first_names()}) {
    entity.draft.contacts.push_back(
        make_contact(random, std::string(random.pick(names)) + " " + entity.surname, "", entity.phone_style));
  }
  return entity;
}

Entity household(Random& random) {
  std::string surname(random.pick(data::surnames()));
  const Town& town = random.pick(data::towns());
  Entity entity = random.chance(0.25) ? couple(random, std::move(surname), town)
                                      : single_person(random, std::move(surname), town, "");
  if (random.chance(0.4)) {
    // A second home or a house being renovated: where the technicians go.
    const Town& away = other_town(random, town);
    entity.draft.sites.push_back(make_site("Maison de " + std::string(away.name),
                                           street_line(random, random.pick(data::street_types())), away, true));
  }
  entity.draft.phones = written_phones(entity.phone_numbers, entity.phone_style);
  return entity;
}

std::string company_name(std::string_view core, std::string_view legal_form) {
  if (legal_form.empty()) return std::string(core);
  // Property companies put their form first: "SCI Les Mouettes".
  if (legal_form == "SCI") return "SCI " + std::string(core);
  return std::string(core) + " " + std::string(legal_form);
}

// A company's head office (establishment 1) in `town`, with its
// identifiers, phones, email and one or two contacts.
Entity company(Random& random, std::string core, std::string legal_form, std::string surname, const Town& town) {
  Entity entity;
  entity.draft.kind = CustomerKind::company;
  entity.company_core = std::move(core);
  entity.legal_form = std::move(legal_form);
  entity.surname = std::move(surname);
  entity.town = &town;
  entity.street_type = random.pick(data::street_types());
  entity.phone_style = static_cast<int>(random.below(kPhoneStyles));
  entity.draft.name = company_name(entity.company_core, entity.legal_form);
  entity.siren = new_siren(random);
  entity.draft.siret = siret_of(entity.siren, 1);
  if (random.chance(0.7)) entity.draft.vat_number = vat_number_of(entity.siren);
  entity.draft.sites.push_back(make_site("Siège", street_line(random, entity.street_type), town, false));
  entity.phone_numbers.push_back(landline_number(random, town));
  if (random.chance(0.4)) entity.phone_numbers.push_back(mobile_number(random));
  entity.draft.phones = written_phones(entity.phone_numbers, entity.phone_style);

  // The town is part of the address so two companies of the same name in
  // two towns never share an email.
  const bool own_domain = random.chance(0.5);
  const std::string domain = own_domain ? random.unique_domain(slug(entity.company_core, "-") + "-" + slug(town.name, "-"))
                                        : std::string(random.pick(data::email_providers()));
  entity.draft.emails.push_back(own_domain ? "contact@" + domain
                                           : random.unique_email(slug(entity.company_core, ".") + "." +
                                                                     slug(town.name, ""), domain));
  for (std::size_t i = 0, count = 1 + random.below(2); i < count; ++i) {
    const std::string first = first_name(random);
    const std::string last = i == 0 && !entity.surname.empty() ? entity.surname : std::string(random.pick(data::surnames()));
    Contact contact = make_contact(random, first + " " + last, std::string(random.pick(data::contact_roles())),
                                   entity.phone_style);
    if (own_domain) contact.emails.push_back(slug(first, "-") + "." + slug(last, "") + "@" + domain);
    entity.draft.contacts.push_back(std::move(contact));
  }
  return entity;
}

Entity any_company(Random& random) {
  const Town& town = random.pick(data::towns());
  const std::size_t pattern = random.below(10);
  if (pattern < 5) {  // "Menuiserie Durand SARL"
    std::string surname(random.pick(data::surnames()));
    std::string core = std::string(random.pick(data::trades())) + " " + surname;
    std::string form = random.chance(0.8) ? std::string(random.pick(data::legal_forms())) : "";
    return company(random, std::move(core), std::move(form), std::move(surname), town);
  }
  if (pattern < 8) {  // "Boulangerie du Port"
    std::string core = std::string(random.pick(data::trades())) + " " + std::string(random.pick(data::place_names()));
    std::string form = random.chance(0.5) ? std::string(random.pick(data::legal_forms())) : "";
    return company(random, std::move(core), std::move(form), "", town);
  }
  return company(random, std::string(random.pick(data::residence_names())), "SCI", "", town);
}

// ---- duplicates -----------------------------------------------------------

// Variations are applied in this order so none undoes another: the address
// moves before accents are dropped from it, names are rebuilt before the
// typo, phones are rewritten before one may be dropped.
constexpr std::array kApplicationOrder = {Variation::moved_address, Variation::swapped_names,  Variation::legal_form,
                                          Variation::abbreviation,  Variation::missing_accents, Variation::typo,
                                          Variation::phone_format,  Variation::dropped_field};

// The variations that change this entity's record. dropped_field needs a
// SIRET to drop, or both a phone and an email so one contact way remains.
std::vector<Variation> applicable_variations(const Entity& entity) {
  std::vector<Variation> variations = {Variation::typo, Variation::phone_format, Variation::moved_address};
  if (entity.single_person()) variations.push_back(Variation::swapped_names);
  if (entity.draft.kind == CustomerKind::company) variations.push_back(Variation::legal_form);
  if (has_non_ascii(entity.draft.name)) variations.push_back(Variation::missing_accents);
  if (abbreviate(entity.draft.name) != entity.draft.name || abbreviate(entity.street_type) != entity.street_type) {
    variations.push_back(Variation::abbreviation);
  }
  if (!entity.draft.siret.empty() || (!entity.draft.emails.empty() && !entity.draft.phones.empty())) {
    variations.push_back(Variation::dropped_field);
  }
  return variations;
}

std::vector<Variation> choose_variations(Random& random, const Entity& entity) {
  std::vector<Variation> variations = applicable_variations(entity);
  random.shuffle(variations);
  // Half the duplicates differ in one way, the others in two or three:
  // records typed twice by different people rarely differ in one way only.
  const std::size_t count = random.chance(0.5) ? 1 : random.chance(0.65) ? 2 : 3;
  variations.resize(std::min(count, variations.size()));
  const auto rank = [](Variation v) { return std::find(kApplicationOrder.begin(), kApplicationOrder.end(), v); };
  std::sort(variations.begin(), variations.end(), [&](Variation a, Variation b) { return rank(a) < rank(b); });
  return variations;
}

// A new street, in the same town most of the time; the street type is kept
// so an abbreviation chosen with the move still has a word to shorten.
void move_address(Random& random, const Entity& entity, Site& site) {
  const Town& town = random.chance(0.6) ? *entity.town : other_town(random, *entity.town);
  std::string street;
  do {
    street = street_line(random, entity.street_type);
  } while (street == site.street);
  site = make_site(site.label, std::move(street), town, site.work_site);
}

std::string other_legal_form(Random& random, const Entity& entity) {
  if (entity.legal_form.empty()) return std::string(random.pick(data::legal_forms()));
  if (entity.legal_form == "SCI" || random.chance(0.5)) return "";
  std::string form;
  do {
    form = random.pick(data::legal_forms());
  } while (form == entity.legal_form);
  return form;
}

void rewrite_text(CustomerDraft& draft, std::string (*rewrite)(std::string_view)) {
  draft.name = rewrite(draft.name);
  for (auto& site : draft.sites) {
    site.street = rewrite(site.street);
    site.city = rewrite(site.city);
  }
  for (auto& contact : draft.contacts) contact.name = rewrite(contact.name);
}

// Drops the SIRET (and the VAT number that goes with it), the emails or the
// phones, always leaving a phone or an email to recognise the customer by.
void drop_field(Random& random, CustomerDraft& draft, bool keep_phones) {
  std::vector<int> choices;
  if (!draft.siret.empty()) choices.push_back(0);
  if (!draft.emails.empty() && !draft.phones.empty()) {
    choices.push_back(1);
    if (!keep_phones) choices.push_back(2);
  }
  switch (choices[random.below(choices.size())]) {
    case 0: draft.siret.clear(); draft.vat_number.clear(); break;
    case 1: draft.emails.clear(); break;
    default: draft.phones.clear(); break;
  }
}

void apply(Random& random, const Entity& entity, const std::vector<Variation>& chosen, Variation variation,
           CustomerDraft& draft) {
  switch (variation) {
    case Variation::moved_address: move_address(random, entity, draft.sites.front()); break;
    case Variation::swapped_names: draft.name = entity.surname + " " + entity.first_name; break;
    case Variation::legal_form: draft.name = company_name(entity.company_core, other_legal_form(random, entity)); break;
    case Variation::abbreviation: rewrite_text(draft, abbreviate); break;
    case Variation::missing_accents: rewrite_text(draft, fold_accents); break;
    case Variation::typo: draft.name = with_typo(random, std::move(draft.name)); break;
    case Variation::phone_format: {
      const int style = static_cast<int>((entity.phone_style + 1 + random.below(kPhoneStyles - 1)) % kPhoneStyles);
      draft.phones = written_phones(entity.phone_numbers, style);
      break;
    }
    case Variation::dropped_field: {
      const bool keep_phones = std::find(chosen.begin(), chosen.end(), Variation::phone_format) != chosen.end();
      drop_field(random, draft, keep_phones);
      break;
    }
  }
}

SyntheticCustomer duplicate(Random& random, const Entity& entity, std::size_t id) {
  SyntheticCustomer record{entity.draft, id, choose_variations(random, entity)};
  for (Variation variation : record.variations) apply(random, entity, record.variations, variation, record.draft);
  return record;
}

// ---- hard negatives -------------------------------------------------------

// A relative: same surname, another first name, sharing the home address or
// a phone number.
Entity relative(Random& random, const Entity& entity) {
  const bool same_address = random.chance(0.5);
  const Town& town = same_address ? *entity.town : random.pick(data::towns());
  Entity other = single_person(random, entity.surname, town, entity.first_name);
  if (same_address) {
    other.draft.sites.front() = entity.draft.sites.front();
    other.street_type = entity.street_type;
  } else {
    other.phone_numbers.push_back(entity.phone_numbers.back());
  }
  other.draft.phones = written_phones(other.phone_numbers, other.phone_style);
  return other;
}

// Another establishment of the same company: same SIREN and VAT number,
// its own SIRET, address, phone and contact.
Entity branch(Random& random, const Entity& entity) {
  Entity other = entity;
  const Town& town = other_town(random, *entity.town);
  other.town = &town;
  other.draft.siret = siret_of(entity.siren, 2 + random.below(30));
  other.draft.sites = {make_site("Établissement de " + std::string(town.name),
                                 street_line(random, entity.street_type), town, false)};
  other.phone_numbers = {landline_number(random, town)};
  other.draft.phones = written_phones(other.phone_numbers, other.phone_style);
  other.draft.emails.clear();
  other.draft.contacts = {make_contact(random, first_name(random) + " " + std::string(random.pick(data::surnames())),
                                       "responsable d'agence", other.phone_style)};
  return other;
}

// A look-alike that is another customer. Branches count as distinct
// customers: the contractor invoices and visits each establishment.
Entity look_alike(Random& random, const Entity& entity) {
  if (entity.draft.kind == CustomerKind::person) return relative(random, entity);
  if (random.chance(0.5)) return branch(random, entity);
  return company(random, entity.company_core, entity.legal_form, entity.surname, other_town(random, *entity.town));
}

}  // namespace

void for_each_customer(const GeneratorOptions& options, const std::function<void(const SyntheticCustomer&)>& sink) {
  Random random(options.seed);
  std::size_t next_look_alike = options.entities;
  for (std::size_t id = 0; id < options.entities; ++id) {
    const Entity entity = random.chance(options.company_share) ? any_company(random) : household(random);
    sink(SyntheticCustomer{entity.draft, id, {}});
    if (random.chance(options.duplicate_share)) {
      for (std::size_t i = 0, count = 1 + random.below(3); i < count; ++i) sink(duplicate(random, entity, id));
    }
    if (random.chance(options.hard_negative_share)) {
      sink(SyntheticCustomer{look_alike(random, entity).draft, next_look_alike++, {}, true});
    }
  }
}

std::vector<SyntheticCustomer> generate_customers(const GeneratorOptions& options) {
  std::vector<SyntheticCustomer> records;
  records.reserve(options.entities + static_cast<std::size_t>(static_cast<double>(options.entities) *
                                                              (2 * options.duplicate_share + options.hard_negative_share)));
  for_each_customer(options, [&](const SyntheticCustomer& record) { records.push_back(record); });
  // A stream of its own, so the generation order does not depend on how the
  // records are shuffled.
  Random(options.seed ^ 0x5eed5eed5eed5eedULL).shuffle(records);
  return records;
}

std::vector<std::pair<std::size_t, std::size_t>> true_duplicate_pairs(const std::vector<SyntheticCustomer>& records) {
  std::vector<std::pair<std::size_t, std::size_t>> by_entity;  // (entity, index)
  by_entity.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) by_entity.emplace_back(records[i].entity, i);
  std::sort(by_entity.begin(), by_entity.end());
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t start = 0; start < by_entity.size();) {
    std::size_t end = start;
    while (end < by_entity.size() && by_entity[end].first == by_entity[start].first) ++end;
    for (std::size_t i = start; i < end; ++i) {
      for (std::size_t j = i + 1; j < end; ++j) pairs.emplace_back(by_entity[i].second, by_entity[j].second);
    }
    start = end;
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

}  // namespace relais::synth
