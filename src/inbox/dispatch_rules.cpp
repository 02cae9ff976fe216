#include "inbox/dispatch_rules.h"

#include <relais/customers/matching.h>
#include <relais/errors.h>

#include "core/changes.h"
#include "core/field_checks.h"
#include "inbox/mail_clues.h"

#include <algorithm>

namespace relais::inline v1::detail {
namespace {

constexpr std::size_t kMaxNameBytes = 100;
constexpr std::size_t kMaxQueueBytes = 64;
constexpr std::size_t kMaxKeywordBytes = 100;
constexpr std::size_t kMaxKeywords = 50;

bool holds_word(const std::string& folded_text, const std::string& keyword) {
  // Whole words: "devis" must not match "devisser"... but "panne" matches
  // "panne electrique", and a keyword of several words matches them in a row.
  const std::string padded = " " + folded_text + " ";
  return padded.find(" " + keyword + " ") != std::string::npos;
}

bool domain_matches(const std::string& domain, const std::string& wanted) {
  if (domain == wanted) return true;
  return domain.size() > wanted.size() && domain.ends_with("." + wanted);
}

bool holds(const DispatchCondition& when, const DispatchFacts& facts) {
  if (!when.categories.empty() &&
      std::find(when.categories.begin(), when.categories.end(), facts.category) == when.categories.end()) {
    return false;
  }
  if (when.customer && (!facts.customer || facts.customer->id != *when.customer)) return false;
  if (!when.customer_tag.empty()) {
    if (!facts.customer) return false;
    const auto& tags = facts.customer->tags;
    if (std::find(tags.begin(), tags.end(), when.customer_tag) == tags.end()) return false;
  }
  if (!when.keywords.empty()) {
    const std::string text = fold_text(facts.subject) + " " + fold_text(facts.text);
    if (std::none_of(when.keywords.begin(), when.keywords.end(),
                     [&](const std::string& keyword) { return holds_word(text, keyword); })) {
      return false;
    }
  }
  return when.sender_domain.empty() || domain_matches(address_domain(facts.sender_address), when.sender_domain);
}

DispatchRuleDraft rule(std::string name, int position, MailCategory category, DispatchAction action,
                       std::string queue, bool acknowledge) {
  DispatchRuleDraft draft;
  draft.name = std::move(name);
  draft.position = position;
  draft.when.categories = {category};
  draft.action = action;
  draft.queue = std::move(queue);
  draft.acknowledge = acknowledge;
  return draft;
}

}  // namespace

DispatchRuleDraft checked_rule(const DispatchRuleDraft& draft) {
  FieldErrors errors;
  DispatchRuleDraft rule = draft;
  rule.name = required_text(errors, draft.name, "name", kMaxNameBytes);
  rule.queue = optional_text(errors, draft.queue, "queue", kMaxQueueBytes);
  rule.assignee = optional_text(errors, draft.assignee, "assignee", kMaxQueueBytes);
  rule.when.customer_tag = optional_text(errors, draft.when.customer_tag, "when.customer_tag", kMaxQueueBytes);
  if (draft.when.keywords.size() > kMaxKeywords) {
    errors.add("when.keywords", std::to_string(draft.when.keywords.size()), "more than 50 keywords");
  }
  rule.when.keywords.clear();
  for (std::size_t i = 0; i < draft.when.keywords.size(); ++i) {
    const std::string field = "when.keywords[" + std::to_string(i) + "]";
    const std::string folded = fold_text(required_text(errors, draft.when.keywords[i], field, kMaxKeywordBytes));
    if (folded.empty() && !trim(draft.when.keywords[i]).empty()) errors.add(field, draft.when.keywords[i], "has no letter or digit");
    if (!folded.empty()) rule.when.keywords.push_back(folded);
  }
  std::string domain = address_domain("@" + std::string(trim(draft.when.sender_domain)));
  const bool valid_domain = domain.empty() || (domain.find('.') != std::string::npos &&
                                               std::all_of(domain.begin(), domain.end(), [](char c) {
                                                 return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                                        c == '-' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
                                               }));
  if (!valid_domain) errors.add("when.sender_domain", draft.when.sender_domain, "not a mail domain (\"rexel.fr\")");
  rule.when.sender_domain = std::move(domain);
  errors.throw_if_any();
  return rule;
}

std::vector<DispatchRuleDraft> default_rules() {
  using enum MailCategory;
  using enum DispatchAction;
  return {
      rule("Demandes de devis", 10, quote_request, open_or_join, "devis", true),
      rule("Pannes et dépannages", 20, breakdown, open_or_join, "depannage", true),
      rule("SAV et réclamations", 30, after_sales, open_or_join, "sav", true),
      rule("Rendez-vous d'entretien", 40, maintenance_appointment, open_or_join, "entretien", true),
      rule("Demandes d'information", 50, information_request, open_or_join, "accueil", true),
      rule("Factures et administratif", 60, administrative, open_or_join, "administratif", false),
      rule("Fournisseurs", 70, supplier, file, "achats", false),
      rule("Messages internes", 80, internal, join_only, "interne", false),
      rule("Lettres d'information et spam", 90, newsletter_spam, file, "", false),
  };
}

const DispatchRule* matching_rule(std::span<const DispatchRule> rules, const DispatchFacts& facts) {
  const DispatchRule* best = nullptr;
  for (const auto& each : rules) {
    if (!each.enabled || !holds(each.when, facts)) continue;
    if (!best || std::tie(each.position, each.name) < std::tie(best->position, best->name)) best = &each;
  }
  return best;
}

std::vector<FieldChange> rule_changes(const DispatchRule* before, const DispatchRule& after) {
  ChangeList changes;
  changes.field("name", before, after, [](const DispatchRule& r) { return r.name; });
  changes.field("position", before, after, [](const DispatchRule& r) { return r.position; });
  changes.field("enabled", before, after, [](const DispatchRule& r) { return r.enabled; });
  changes.field("when", before, after, [](const DispatchRule& r) { return nlohmann::json(r.when); });
  changes.field("action", before, after, [](const DispatchRule& r) { return std::string(to_string(r.action)); });
  changes.field("queue", before, after, [](const DispatchRule& r) { return r.queue; });
  changes.field("assignee", before, after, [](const DispatchRule& r) { return r.assignee; });
  changes.field("priority", before, after, [](const DispatchRule& r) {
    return r.priority ? nlohmann::json(std::string(to_string(*r.priority))) : nlohmann::json();
  });
  changes.field("acknowledge", before, after, [](const DispatchRule& r) { return r.acknowledge; });
  return changes.take();
}

}  // namespace relais::inline v1::detail

namespace relais::inline v1 {

void to_json(nlohmann::json& json, const DispatchCondition& condition) {
  json = nlohmann::json::object();
  nlohmann::json categories = nlohmann::json::array();
  for (auto category : condition.categories) categories.push_back(std::string(to_string(category)));
  json["categories"] = std::move(categories);
  json["customer"] = condition.customer ? nlohmann::json(condition.customer->to_string()) : nlohmann::json();
  json["customer_tag"] = condition.customer_tag;
  json["keywords"] = condition.keywords;
  json["sender_domain"] = condition.sender_domain;
}

void from_json(const nlohmann::json& json, DispatchCondition& condition) {
  condition = {};
  for (const auto& category : json.at("categories")) {
    condition.categories.push_back(parse_mail_category(category.get<std::string>()));
  }
  if (!json.at("customer").is_null()) condition.customer = Uuid::parse(json.at("customer").get<std::string>());
  json.at("customer_tag").get_to(condition.customer_tag);
  json.at("keywords").get_to(condition.keywords);
  json.at("sender_domain").get_to(condition.sender_domain);
}

}  // namespace relais::inline v1
