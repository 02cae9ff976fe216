#pragma once
// Dispatch rules without a database: checking a rule, the rules a new
// workspace starts with (DOMAIN.md's table), which rule a mail matches and
// what it then becomes. Pure functions, thread-safe.
#include <relais/customers/customer.h>
#include <relais/inbox/mail.h>
#include <relais/journal.h>

#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace relais::inline v1::detail {

// The draft trimmed and checked (keywords and domain folded). Throws
// InvalidInputError listing every bad field ("name", "queue", "assignee",
// "when.keywords[1]", "when.sender_domain", "when.customer_tag").
DispatchRuleDraft checked_rule(const DispatchRuleDraft& draft);

// One rule per category of DOMAIN.md's table, positions 10, 20...
std::vector<DispatchRuleDraft> default_rules();

// What the rules see of a mail.
struct DispatchFacts {
  MailCategory category = MailCategory::other;
  std::optional<Customer> customer;
  std::string subject;
  std::string text;                 // the new text
  std::string sender_address;
};

// The first enabled rule, by position then name, whose every condition
// holds; nullptr when none does. `rules` need not be sorted.
const DispatchRule* matching_rule(std::span<const DispatchRule> rules, const DispatchFacts& facts);

// The journal fields of a rule.
std::vector<FieldChange> rule_changes(const DispatchRule* before, const DispatchRule& after);

}  // namespace relais::inline v1::detail

namespace relais::inline v1 {

// The stored and journaled form of a condition (found by nlohmann::json
// through argument-dependent lookup, hence in the type's namespace).
void to_json(nlohmann::json& json, const DispatchCondition& condition);
void from_json(const nlohmann::json& json, DispatchCondition& condition);

}  // namespace relais::inline v1
