#include "synth/synthetic_mail.h"

#include "french_names.h"
#include "mail_noise.h"
#include "mail_phrases.h"
#include "mail_template.h"
#include "random.h"
#include "written_forms.h"

#include <chrono>
#include <cstdio>
#include <map>

namespace relais::synth {
namespace {

using data::MailFamily;
using data::Sender;

// Shares of a real inbox in percent (the audit's ~50 mails a day: customers,
// suppliers, colleagues, information requests, and what nobody asked for).
struct CategoryShare {
  MailCategory category;
  std::size_t percent;
};
constexpr CategoryShare kShares[] = {{MailCategory::quote_request, 15},
                                     {MailCategory::breakdown, 13},
                                     {MailCategory::after_sales, 7},
                                     {MailCategory::maintenance_appointment, 8},
                                     {MailCategory::information_request, 10},
                                     {MailCategory::administrative, 9},
                                     {MailCategory::supplier, 13},
                                     {MailCategory::internal, 9},
                                     {MailCategory::newsletter_spam, 11},
                                     {MailCategory::other, 5}};

// A firm and the domain it writes from.
struct Organisation {
  std::string_view name;
  std::string_view domain;
};
constexpr Organisation kSuppliers[] = {{"Rexel", "rexel.fr"},     {"Sonepar", "sonepar.fr"},
                                       {"CGED", "cged.fr"},       {"Yesss Électrique", "yesss.fr"},
                                       {"Legrand", "legrand.fr"}, {"Schneider Electric", "se.com"},
                                       {"Hager", "hager.fr"},     {"Atlantic", "atlantic.fr"},
                                       {"Würth", "wurth.fr"},     {"Comptoir Électrique Breton", "ceb-distribution.fr"},
                                       {"Somfy", "somfy.fr"}};
constexpr Organisation kAgencies[] = {{"Cabinet Le Bihan Immobilier", "lebihan-immobilier.fr"},
                                      {"Armor Syndic", "armor-syndic.fr"},
                                      {"Foncia Bretagne Ouest", "foncia.fr"},
                                      {"Immo Gestion Iroise", "immo-iroise.fr"},
                                      {"Nexity Brest", "nexity.fr"},
                                      {"Agence du Port", "agenceduport.fr"},
                                      {"Citya Quimper", "citya.com"}};
constexpr std::string_view kBulkDomains[] = {"news.rexel.fr",    "legrand.fr",     "batiweb.com",      "lemoniteur.fr",
                                             "filiere-3e.fr",    "manomano.fr",    "info.wurth.fr",    "e.sonepar.fr",
                                             "leadsartisans.fr", "webinar-pro.fr", "mail.batiactu.com"};
constexpr std::string_view kBulkLocals[] = {"newsletter", "info",    "no-reply", "marketing",
                                            "bonjour",    "webinar", "actu"};
constexpr std::string_view kScamDomains[] = {
    "colis-suivi-fr.com",   "laposte-avis.info", "secure-verif-compte.net", "ameli-remboursement.online",
    "mail-quota-alert.com", "dhl-livraison.top", "free-facture.xyz",        "shenzhen-led-tech.com"};
constexpr std::string_view kInsurerDomains[] = {"groupama-lb.fr", "maif.fr", "ca-assurances.fr", "macif.fr", "axa.fr"};
constexpr std::string_view kInstitutionDomains[] = {"cc-paysdemorlaix.fr", "ape-ecole-publique.fr", "fc-leonard.fr",
                                                    "brest-metropole.fr",  "comite-des-fetes.fr",   "finistere.fr"};
constexpr std::string_view kSupplierLocals[] = {"noreply",    "commandes",    "service.client", "adv",
                                                "logistique", "comptabilite", "no-reply",       "relances"};
constexpr std::string_view kTechnicians[] = {"Gaëtan",    "Kevin",  "Yannick", "Erwan", "Mathieu", "Loïc",
                                             "Sébastien", "Julien", "Nicolas", "Ronan", "Gwenaël"};
constexpr std::string_view kManagers[] = {"Pascal", "Stéphane", "Philippe"};
constexpr std::string_view kEnglishFirstNames[] = {"James", "Sarah", "David", "Emma",
                                                   "Peter", "Helen", "Mark",  "Susan"};
constexpr std::string_view kEnglishSurnames[] = {"Smith",  "Taylor", "Brown",  "Wilson",
                                                 "Clarke", "Evans",  "Hughes", "Walker"};
constexpr std::string_view kEnglishProviders[] = {"gmail.com", "hotmail.co.uk", "btinternet.com", "yahoo.co.uk",
                                                  "outlook.com"};
constexpr std::string_view kMonths[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                        "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
constexpr std::string_view kWeekdays[] = {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"};
constexpr std::string_view kDurations[] = {"1h30", "2h", "une demi-journée", "3 heures", "45 min", "une journée"};
// The body the host gives a classifier has its signature removed, when the
// stripper recognised it: this share of generated mails lose theirs.
constexpr double kSignatureStripped = 0.6;
// The day the mails are written around.
constexpr std::chrono::sys_days kToday = std::chrono::year{2026} / 11 / 24;

std::string text(std::string_view view) { return std::string(view); }

std::string family_id(const MailFamily& family) { return text(to_string(family.category)) + "/" + text(family.style); }

template <class T, std::size_t N>
const T& one_of(Rng& random, const T (&items)[N]) {
  return random.pick(std::span<const T>(items));
}

std::string two_digits(unsigned value) {
  char digits[3];
  std::snprintf(digits, sizeof digits, "%02u", value % 100);
  return digits;
}

std::string ascii_uppercase(std::string_view text) {
  std::string result = fold_accents(text);
  for (char& c : result) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return result;
}

// "helene.martin@orange.fr", "hmartin@free.fr", "helenemartin56@gmail.com".
std::string personal_address(Rng& random, std::string_view first, std::string_view last,
                             std::span<const std::string_view> providers) {
  const std::string domain(random.pick(providers));
  switch (random.below(5)) {
    case 0: return slug(first, "") + "." + slug(last, "") + "@" + domain;
    case 1: return slug(first, "").substr(0, 1) + slug(last, "") + "@" + domain;
    case 2: return slug(first, "") + slug(last, "") + std::to_string(10 + random.below(90)) + "@" + domain;
    case 3: return slug(last, "") + "." + slug(first, "") + "@" + domain;
    default: return slug(first, "-") + "-" + slug(last, "") + "@" + domain;
  }
}

// "12 mars", "mardi 12 mars", "12/03", "12/03/2026", "mardi 12".
std::string written_date(Rng& random, std::chrono::sys_days day) {
  const std::chrono::year_month_day date{day};
  const std::string number = std::to_string(static_cast<unsigned>(date.day()));
  const std::string month(kMonths[static_cast<unsigned>(date.month()) - 1]);
  const std::string weekday(kWeekdays[std::chrono::weekday{day}.c_encoding()]);
  const std::string numeric =
      two_digits(static_cast<unsigned>(date.day())) + "/" + two_digits(static_cast<unsigned>(date.month()));
  switch (random.below(5)) {
    case 0: return number + " " + month;
    case 1: return weekday + " " + number + " " + month;
    case 2: return numeric;
    case 3: return numeric + "/" + std::to_string(static_cast<int>(date.year()));
    default: return weekday + " " + number;
  }
}

// "1 250,00 €", "1250 €", "1 250 € TTC", "1250,00 euros", "350 € HT".
std::string written_amount(Rng& random) {
  const std::size_t euros = 50 + random.below(9000);
  const std::string plain = std::to_string(euros);
  const std::string grouped =
      euros >= 1000 ? std::to_string(euros / 1000) + " " + plain.substr(plain.size() - 3) : plain;
  const std::string cents = two_digits(static_cast<unsigned>(random.below(100)));
  switch (random.below(5)) {
    case 0: return grouped + "," + cents + " €";
    case 1: return plain + " €";
    case 2: return grouped + " € TTC";
    case 3: return plain + "," + cents + " euros";
    default: return grouped + " € HT";
  }
}

// The mail's people, places and numbers, drawn when a template first names
// them and the same all through the mail.
class MailWriter {
 public:
  MailWriter(Rng& random, const MailOptions& options, const MailFamily& family)
      : random_(random),
        options_(options),
        family_(family),
        town_(random.pick(data::breton_towns())),
        phone_style_(static_cast<int>(random.below(kPhoneStyles))) {
    female_ = random.chance(0.5);
    const bool english = family.sender == Sender::english_person;
    first_name_ = english ? text(one_of(random, kEnglishFirstNames))
                          : text(random.pick(female_ ? data::female_first_names() : data::male_first_names()));
    surname_ = english ? text(one_of(random, kEnglishSurnames)) : text(random.pick(data::surnames()));
  }

  SyntheticMail write() {
    TemplateExpander expander(random_, {family_.own_words, family_.shared_words, data::common_words()},
                              [this](std::string_view name) { return variable(name); });
    // The body first: a subject may repeat what the body chose ({@fault}).
    std::string body = tidy(without_signature(expander.expand(random_.pick(family_.bodies))));
    std::string subject = tidy(expander.expand(random_.pick(family_.subjects)));
    spi::LabelledMail mail{{std::move(subject), sender_address(), std::move(body)},
                           family_.category,
                           expander.urgency(family_.usual_urgency)};
    write_as(random_, family_.writing, mail.mail);
    return {std::move(mail), family_id(family_)};
  }

 private:
  std::optional<std::string> variable(std::string_view name) {
    if (const auto found = bound_.find(name); found != bound_.end()) return found->second;
    auto value = draw(name);
    if (value) bound_.emplace(std::string(name), *value);
    return value;
  }

  std::string phone_number(std::string national) { return written_phone(national, phone_style_); }
  std::string reference(std::string_view prefix, std::size_t digits) { return text(prefix) + random_.digits(digits); }
  const Organisation& supplier() {
    if (!supplier_) supplier_ = &one_of(random_, kSuppliers);
    return *supplier_;
  }
  const Organisation& agency() {
    if (!agency_) agency_ = &one_of(random_, kAgencies);
    return *agency_;
  }
  std::string colleague() { return *variable("colleague"); }
  std::string company() { return *variable("company"); }

  // The value of variable `name`, drawn now; nothing when it is no variable.
  std::optional<std::string> draw(std::string_view name) {
    using std::chrono::days;
    static const std::map<std::string_view, std::string (*)(MailWriter&), std::less<>> kDraws = {
        {"first_name", [](MailWriter& w) { return w.first_name_; }},
        {"surname", [](MailWriter& w) { return w.surname_; }},
        {"full_name", [](MailWriter& w) { return w.first_name_ + " " + w.surname_; }},
        {"surname_caps", [](MailWriter& w) { return ascii_uppercase(w.surname_); }},
        {"civility", [](MailWriter& w) { return text(w.female_ ? "Madame" : "Monsieur"); }},
        {"civility_short", [](MailWriter& w) { return text(w.female_ ? "Mme" : "M."); }},
        {"first_name2",
         [](MailWriter& w) {
           return text(w.random_.pick(w.female_ ? data::male_first_names() : data::female_first_names()));
         }},
        {"surname2", [](MailWriter& w) { return text(w.random_.pick(data::surnames())); }},
        {"town", [](MailWriter& w) { return text(w.town_.name); }},
        {"postcode", [](MailWriter& w) { return text(w.town_.postcode); }},
        {"street", [](MailWriter& w) { return street_line(w.random_, w.random_.pick(data::street_types())); }},
        {"street_name", [](MailWriter& w) { return text(w.random_.pick(data::street_names())); }},
        {"mobile", [](MailWriter& w) { return w.phone_number(mobile_number(w.random_)); }},
        {"mobile2", [](MailWriter& w) { return w.phone_number(mobile_number(w.random_)); }},
        {"phone",
         [](MailWriter& w) {
           return w.phone_number(w.random_.chance(0.5) ? landline_number(w.random_, w.town_)
                                                       : mobile_number(w.random_));
         }},
        {"person_email",
         [](MailWriter& w) { return personal_address(w.random_, w.first_name_, w.surname_, data::email_providers()); }},
        {"date", [](MailWriter& w) { return written_date(w.random_, kToday + days(1 + w.random_.below(40))); }},
        {"date2", [](MailWriter& w) { return written_date(w.random_, kToday + days(41 + w.random_.below(20))); }},
        {"past_date", [](MailWriter& w) { return written_date(w.random_, kToday - days(1 + w.random_.below(60))); }},
        {"hour",
         [](MailWriter& w) { return std::to_string(8 + w.random_.below(10)) + (w.random_.chance(0.3) ? "h30" : "h"); }},
        {"hour2", [](MailWriter& w) { return std::to_string(13 + w.random_.below(6)) + "h"; }},
        {"month", [](MailWriter& w) { return text(one_of(w.random_, kMonths)); }},
        {"year_now", [](MailWriter&) { return text("2026"); }},
        {"count", [](MailWriter& w) { return std::to_string(2 + w.random_.below(8)); }},
        {"size", [](MailWriter& w) { return std::to_string(60 + 5 * w.random_.below(33)); }},
        {"kva", [](MailWriter& w) { return std::to_string(6 + 3 * w.random_.below(4)); }},
        {"percent", [](MailWriter& w) { return std::to_string(2 + w.random_.below(8)); }},
        {"duration", [](MailWriter& w) { return text(one_of(w.random_, kDurations)); }},
        {"amount", [](MailWriter& w) { return written_amount(w.random_); }},
        {"invoice_number",
         [](MailWriter& w) { return w.random_.chance(0.5) ? w.reference("FA2026-", 4) : w.reference("F", 7); }},
        {"quote_number",
         [](MailWriter& w) { return w.random_.chance(0.5) ? w.reference("D-2026-", 4) : w.reference("DEV", 5); }},
        {"order_number",
         [](MailWriter& w) { return w.random_.chance(0.5) ? w.reference("CDE", 6) : w.reference("4500", 6); }},
        {"delivery_number", [](MailWriter& w) { return w.reference("BL", 7); }},
        {"claim_number", [](MailWriter& w) { return w.reference("SIN-", 8); }},
        {"contract_number", [](MailWriter& w) { return w.reference("CT-", 4); }},
        {"customer_number", [](MailWriter& w) { return w.reference("C", 6); }},
        {"ticket_number", [](MailWriter& w) { return w.reference("T-2026-", 6); }},
        {"tracking", [](MailWriter& w) { return w.reference("LA", 9) + "FR"; }},
        {"company",
         [](MailWriter& w) { return *w.variable("trade_name") + " " + text(w.random_.pick(data::place_names())); }},
        {"trade_name", [](MailWriter& w) { return text(w.random_.pick(data::trades())); }},
        {"trade", [](MailWriter& w) { return ascii_lower_first(*w.variable("trade_name")); }},
        {"residence", [](MailWriter& w) { return text(w.random_.pick(data::residence_names())); }},
        {"agency", [](MailWriter& w) { return text(w.agency().name); }},
        {"supplier", [](MailWriter& w) { return text(w.supplier().name); }},
        {"colleague", [](MailWriter& w) { return text(one_of(w.random_, kTechnicians)); }},
        {"colleague2", [](MailWriter& w) { return text(one_of(w.random_, kTechnicians)); }},
        {"boss", [](MailWriter& w) { return text(one_of(w.random_, kManagers)); }},
        {"our_site", [](MailWriter& w) { return "www." + w.options_.company_domain; }},
        {"link", [](MailWriter& w) { return "https://" + slug(w.town_.name, "-") + ".fr/" + w.random_.digits(6); }},
    };
    const auto found = kDraws.find(name);
    if (found == kDraws.end()) return std::nullopt;
    return found->second(*this);
  }

  static std::string ascii_lower_first(std::string word) {
    if (!word.empty()) word[0] = ascii_lower(word[0]);
    return word;
  }

  std::string sender_address() {
    const std::string& ours = options_.company_domain;
    switch (family_.sender) {
      case Sender::person: return personal_address(random_, first_name_, surname_, data::email_providers());
      case Sender::english_person: return personal_address(random_, first_name_, surname_, kEnglishProviders);
      case Sender::business:
        if (random_.chance(0.3)) return slug(company(), ".") + "@" + text(random_.pick(data::email_providers()));
        return (random_.chance(0.5) ? text("contact") : slug(first_name_, "") + "." + slug(surname_, "")) + "@" +
               slug(company(), "-") + ".fr";
      case Sender::property_manager:
        return (random_.chance(0.5) ? slug(first_name_, "") + "." + slug(surname_, "") : text("gestion")) + "@" +
               text(agency().domain);
      case Sender::web_form: {
        static constexpr std::string_view kFormSenders[] = {"noreply@", "wordpress@", "formulaire@"};
        return random_.chance(0.3) ? text("no-reply@wix.com") : text(one_of(random_, kFormSenders)) + ours;
      }
      case Sender::supplier:
        return (random_.chance(0.3) ? slug(first_name_, "") + "." + slug(surname_, "")
                                    : text(one_of(random_, kSupplierLocals))) +
               "@" + text(supplier().domain);
      case Sender::colleague: return slug(colleague(), "") + "@" + ours;
      case Sender::colleague_phone:
        if (random_.chance(0.5)) return slug(colleague(), "") + "@" + ours;
        return slug(colleague(), "") + std::to_string(20 + random_.below(80)) + "@" +
               text(random_.pick(data::email_providers()));
      case Sender::bulk: return text(one_of(random_, kBulkLocals)) + "@" + text(one_of(random_, kBulkDomains));
      case Sender::scam:
        return text(random_.chance(0.5) ? "service-client" : "no-reply") + "@" + text(one_of(random_, kScamDomains));
      case Sender::insurer: return "sinistres@" + text(one_of(random_, kInsurerDomains));
      case Sender::institution:
        return random_.chance(0.4) ? "mairie@" + slug(town_.name, "-") + ".fr"
                                   : "contact@" + text(one_of(random_, kInstitutionDomains));
    }
    return "";
  }

  // Cuts at the first closing formula or signature, as the inbox's
  // signature stripper does when it recognises them; drops the marks.
  std::string without_signature(std::string body) {
    const std::size_t mark = body.find(kSignatureMark);
    if (mark != std::string::npos && random_.chance(kSignatureStripped)) body.erase(mark);
    std::erase(body, kSignatureMark);
    return body;
  }

  // Empty alternatives leave doubled spaces, spaces before a comma or at a
  // line's ends, and runs of blank lines.
  static std::string tidy(const std::string& raw) {
    std::string result;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      const char c = raw[i];
      const char next = i + 1 < raw.size() ? raw[i + 1] : '\n';
      if (c == ' ' && (result.empty() || result.back() == ' ' || result.back() == '\n' || next == ' ' || next == '\n' ||
                       next == ',' || next == '.')) {
        continue;
      }
      if (c == '\n' && result.size() >= 2 && result.ends_with("\n\n")) continue;
      result += c;
    }
    while (!result.empty() && (result.back() == '\n' || result.back() == ' ')) result.pop_back();
    while (!result.empty() && result.front() == '\n') result.erase(0, 1);
    return with_elisions(std::move(result));
  }

  // A phrase starting with a vowel after "que" wants the elision:
  // "m'informe que une prise" -> "qu'une prise".
  static std::string with_elisions(std::string text) {
    for (std::string_view word : {"un", "une", "il", "ils", "elle", "on"}) {
      const std::string from = " que " + std::string(word) + " ";
      const std::string to = " qu'" + std::string(word) + " ";
      for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
        text.replace(at, from.size(), to);
      }
    }
    return text;
  }

  Rng& random_;
  const MailOptions& options_;
  const MailFamily& family_;
  const data::Town& town_;
  int phone_style_;
  bool female_ = false;
  std::string first_name_;
  std::string surname_;
  const Organisation* supplier_ = nullptr;
  const Organisation* agency_ = nullptr;
  std::map<std::string, std::string, std::less<>> bound_;
};

std::vector<const MailFamily*> families_in_order() {
  std::vector<const MailFamily*> families;
  for (const auto group :
       {data::customer_request_families(), data::office_families(), data::bulk_and_other_families()}) {
    for (const auto& family : group) families.push_back(&family);
  }
  return families;
}

std::map<MailCategory, std::vector<const MailFamily*>> families_by_category() {
  std::map<MailCategory, std::vector<const MailFamily*>> by_category;
  for (const MailFamily* family : families_in_order()) by_category[family->category].push_back(family);
  return by_category;
}

const MailFamily& weighted_pick(Rng& random, const std::vector<const MailFamily*>& families) {
  std::size_t total = 0;
  for (const MailFamily* family : families) total += family->weight;
  std::size_t roll = random.below(total);
  for (const MailFamily* family : families) {
    if (roll < family->weight) return *family;
    roll -= family->weight;
  }
  return *families.back();
}

MailCategory category_for(std::size_t roll) {
  for (const auto& share : kShares) {
    if (roll < share.percent) return share.category;
    roll -= share.percent;
  }
  return MailCategory::other;
}

}  // namespace

std::vector<MailFamilyId> mail_families() {
  std::vector<MailFamilyId> ids;
  for (const auto& [category, families] : families_by_category()) {
    for (const MailFamily* family : families) ids.push_back({family_id(*family), category});
  }
  return ids;
}

std::vector<SyntheticMail> generate_mails(const MailOptions& options) {
  const auto by_category = families_by_category();
  Rng random(options.seed);
  std::vector<SyntheticMail> mails;
  mails.reserve(options.count);
  for (std::size_t i = 0; i < options.count; ++i) {
    const MailFamily& family = weighted_pick(random, by_category.at(category_for(random.below(100))));
    mails.push_back(MailWriter(random, options, family).write());
  }
  return mails;
}

}  // namespace relais::synth
