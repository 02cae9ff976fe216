#include "reminders/reminder_rules.h"

#include <relais/errors.h>

#include "core/changes.h"
#include "core/field_checks.h"
#include "reminders/reminder_targets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

namespace relais {
inline namespace v1 {

// JSON forms of the rule's parts: what the rules table stores and what the
// journal records (found by ADL from ChangeList).
void to_json(nlohmann::json& json, const EventMatch& match) {
  json = {{"event", match.event}, {"field", match.field}, {"values", match.values},
          {"target_field", match.target_field}};
}
void from_json(const nlohmann::json& json, EventMatch& match) {
  match.event = json.at("event").get<std::string>();
  match.field = json.at("field").get<std::string>();
  match.values = json.at("values").get<std::vector<std::string>>();
  match.target_field = json.at("target_field").get<std::string>();
}
void to_json(nlohmann::json& json, const EscalationStep& step) {
  json = {{"offset", step.offset}, {"reason", step.reason}, {"assignee", step.assignee}};
}
void from_json(const nlohmann::json& json, EscalationStep& step) {
  step.offset = json.at("offset").get<int>();
  step.reason = json.at("reason").get<std::string>();
  step.assignee = json.at("assignee").get<std::string>();
}

}  // namespace v1
}  // namespace relais

namespace relais::inline v1::detail {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kMaxNameBytes = 64;
constexpr std::size_t kMaxTextBytes = 500;
constexpr std::size_t kMaxMatches = 20;
constexpr std::size_t kMaxSteps = 10;
// Ten years of days: far above any follow-up, far below an overflow.
constexpr int kMaxOffset = 3660;
constexpr Timestamp kEarliest = std::chrono::sys_days{std::chrono::year{2000} / 1 / 1};
constexpr auto kFarthest = 24h * 3660;

bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'; }

// A rule name, a login or a field name: `[a-z0-9._-]`, at most 64 bytes;
// empty only when allowed.
void check_name(FieldErrors& errors, std::string_view text, const std::string& field, bool required) {
  if (text.empty()) {
    if (required) errors.add(field, text, "must not be empty");
    return;
  }
  if (text.size() > kMaxNameBytes || !std::all_of(text.begin(), text.end(), is_name_char)) {
    errors.add(field, text, "expected 1 to 64 of a-z, 0-9, '.', '_' and '-'");
  }
}

std::string known_target_kinds() {
  std::string list;
  for (const auto& source : target_kind_sources()) list += (list.empty() ? "" : ", ") + std::string(source.kind);
  return list;
}

std::string known_events(const TargetKindSource& source) {
  std::string list;
  for (auto event : source.events) list += (list.empty() ? "" : ", ") + std::string(event);
  return list;
}

void check_matches(FieldErrors& errors, const std::vector<EventMatch>& matches, const std::string& field,
                   const TargetKindSource* kind) {
  if (matches.size() > kMaxMatches) errors.add(field, std::to_string(matches.size()), "at most 20 events");
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const auto& match = matches[i];
    const std::string at = field + "[" + std::to_string(i) + "]";
    const bool known = kind && std::find(kind->events.begin(), kind->events.end(), match.event) != kind->events.end();
    if (kind && !known) {
      errors.add(at + ".event", match.event,
                 "unknown event for a " + std::string(kind->kind) + ": expected one of " + known_events(*kind));
    }
    check_name(errors, match.field, at + ".field", !match.values.empty());
    check_name(errors, match.target_field, at + ".target_field", false);
    for (std::size_t v = 0; v < match.values.size(); ++v) {
      optional_text(errors, match.values[v], at + ".values[" + std::to_string(v) + "]", kMaxTextBytes);
    }
  }
}

void check_offset(FieldErrors& errors, int offset, const std::string& field) {
  if (offset < 0) errors.add(field, std::to_string(offset), "a delay must not be negative");
  if (offset > kMaxOffset) errors.add(field, std::to_string(offset), "at most 3660 days");
}

void check_steps(FieldErrors& errors, FollowUpRule& rule) {
  if (rule.steps.empty()) errors.add("steps", "", "at least one step");
  if (rule.steps.size() > kMaxSteps) errors.add("steps", std::to_string(rule.steps.size()), "at most 10 steps");
  for (std::size_t i = 0; i < rule.steps.size(); ++i) {
    auto& step = rule.steps[i];
    const std::string at = "steps[" + std::to_string(i) + "]";
    check_offset(errors, step.offset, at + ".offset");
    if (i > 0 && step.offset <= rule.steps[i - 1].offset) {
      errors.add(at + ".offset", std::to_string(step.offset),
                 "steps must come in increasing order: after " + std::to_string(rule.steps[i - 1].offset));
    }
    step.reason = required_text(errors, step.reason, at + ".reason", kMaxTextBytes);
    check_name(errors, step.assignee, at + ".assignee", false);
  }
  if (!rule.expire_after) return;
  check_offset(errors, *rule.expire_after, "expire_after");
  if (!rule.steps.empty() && *rule.expire_after <= rule.steps.back().offset) {
    errors.add("expire_after", std::to_string(*rule.expire_after),
               "must come after the last step (" + std::to_string(rule.steps.back().offset) + ")");
  }
}

template <typename Record>
void journal_fields(ChangeList& list, const Record* before, const Record& after, auto... fields) {
  (list.field(fields.first, before, after, fields.second), ...);
}

std::string time_text(const std::optional<Timestamp>& time) { return time ? format_timestamp(*time) : std::string(); }

}  // namespace

FollowUpRule checked_rule(const FollowUpRule& input) {
  FieldErrors errors;
  FollowUpRule rule = input;
  rule.name = std::string(trim(rule.name));
  check_name(errors, rule.name, "name", true);
  rule.description = optional_text(errors, rule.description, "description", kMaxTextBytes);
  const TargetKindSource* kind = find_target_kind(rule.target_kind);
  if (!kind) errors.add("target_kind", rule.target_kind, "expected one of " + known_target_kinds());
  if (rule.triggers.empty()) errors.add("triggers", "", "at least one trigger");
  check_matches(errors, rule.triggers, "triggers", kind);
  check_matches(errors, rule.stop_when, "stop_when", kind);
  check_name(errors, rule.anchor_field, "anchor_field", false);
  check_steps(errors, rule);
  check_name(errors, rule.fallback_assignee, "fallback_assignee", false);
  errors.throw_if_any();
  return rule;
}

std::string rule_definition(const FollowUpRule& rule) {
  nlohmann::json json = {{"description", rule.description},
                         {"enabled", rule.enabled},
                         {"target_kind", rule.target_kind},
                         {"triggers", rule.triggers},
                         {"anchor_field", rule.anchor_field},
                         {"unit", to_string(rule.unit)},
                         {"steps", rule.steps},
                         {"expire_after", rule.expire_after ? nlohmann::json(*rule.expire_after) : nlohmann::json()},
                         {"stop_when", rule.stop_when},
                         {"assignee", to_string(rule.assignee)},
                         {"fallback_assignee", rule.fallback_assignee}};
  return json.dump();
}

FollowUpRule rule_from_definition(const std::string& name, std::string_view definition, std::int64_t version) {
  try {
    const auto json = nlohmann::json::parse(definition);
    FollowUpRule rule;
    rule.name = name;
    rule.description = json.at("description").get<std::string>();
    rule.enabled = json.at("enabled").get<bool>();
    rule.target_kind = json.at("target_kind").get<std::string>();
    rule.triggers = json.at("triggers").get<std::vector<EventMatch>>();
    rule.anchor_field = json.at("anchor_field").get<std::string>();
    rule.unit = parse_delay_unit(json.at("unit").get<std::string>());
    rule.steps = json.at("steps").get<std::vector<EscalationStep>>();
    if (!json.at("expire_after").is_null()) rule.expire_after = json.at("expire_after").get<int>();
    rule.stop_when = json.at("stop_when").get<std::vector<EventMatch>>();
    rule.assignee = parse_assignee_rule(json.at("assignee").get<std::string>());
    rule.fallback_assignee = json.at("fallback_assignee").get<std::string>();
    rule.version = version;
    return rule;
  } catch (const std::exception& error) {
    throw StorageError("the stored follow-up rule '" + name + "' cannot be read: " + error.what(),
                       {{"operation", "read follow-up rule"}, {"rule", name}});
  }
}

std::vector<FieldChange> rule_changes(const FollowUpRule* before, const FollowUpRule& after) {
  ChangeList list;
  using Rule = FollowUpRule;
  journal_fields(list, before, after,
                 std::pair{"description", [](const Rule& r) { return r.description; }},
                 std::pair{"enabled", [](const Rule& r) { return r.enabled; }},
                 std::pair{"target_kind", [](const Rule& r) { return r.target_kind; }},
                 std::pair{"triggers", [](const Rule& r) { return nlohmann::json(r.triggers); }},
                 std::pair{"anchor_field", [](const Rule& r) { return r.anchor_field; }},
                 std::pair{"unit", [](const Rule& r) { return std::string(to_string(r.unit)); }},
                 std::pair{"steps", [](const Rule& r) { return nlohmann::json(r.steps); }},
                 std::pair{"expire_after",
                           [](const Rule& r) { return r.expire_after ? nlohmann::json(*r.expire_after) : nlohmann::json(); }},
                 std::pair{"stop_when", [](const Rule& r) { return nlohmann::json(r.stop_when); }},
                 std::pair{"assignee", [](const Rule& r) { return std::string(to_string(r.assignee)); }},
                 std::pair{"fallback_assignee", [](const Rule& r) { return r.fallback_assignee; }});
  return list.take();
}

std::optional<std::string> changed_value(const Event& event, std::string_view field) {
  auto found = std::find_if(event.changes.begin(), event.changes.end(),
                            [&](const FieldChange& change) { return change.field == field; });
  if (found == event.changes.end()) return std::nullopt;
  const auto value = nlohmann::json::parse(found->after, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded() || value.is_null()) return std::string();
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

bool matches(const EventMatch& match, const Event& event) {
  if (match.event != event.type) return false;
  if (match.field.empty()) return true;
  const auto value = changed_value(event, match.field);
  if (match.values.empty()) return value.has_value();
  return std::find(match.values.begin(), match.values.end(), value.value_or("")) != match.values.end();
}

std::string matched_target_id(const EventMatch& match, const Event& event) {
  if (match.target_field.empty()) return event.entity_id;
  return changed_value(event, match.target_field).value_or("");
}

Timestamp step_due(const BusinessCalendar& calendar, DelayUnit unit, Timestamp anchor, int offset) {
  return unit == DelayUnit::working_days ? calendar.add_working_days(anchor, offset)
                                         : calendar.add_calendar_days(anchor, offset);
}

Reminder reminder_from_draft(const ReminderDraft& draft, Timestamp now) {
  FieldErrors errors;
  Reminder reminder;
  reminder.reason = required_text(errors, draft.reason, "reason", kMaxTextBytes);
  reminder.note = optional_text(errors, draft.note, "note", kMaxTextBytes);
  if (draft.due_at < kEarliest || draft.due_at > now + kFarthest) {
    errors.add("due_at", format_timestamp(draft.due_at), "expected a time between 2000 and ten years from now");
  }
  reminder.due_at = draft.due_at;
  reminder.assignee = std::string(trim(draft.assignee));
  check_name(errors, reminder.assignee, "assignee", false);
  reminder.target = {std::string(trim(draft.target.kind)), std::string(trim(draft.target.id))};
  if (!reminder.target.kind.empty() && !find_target_kind(reminder.target.kind)) {
    errors.add("target.kind", reminder.target.kind, "expected one of " + known_target_kinds());
  }
  if (reminder.target.kind.empty() != reminder.target.id.empty()) {
    errors.add(reminder.target.kind.empty() ? "target.kind" : "target.id", "", "a target needs both its kind and id");
  }
  errors.throw_if_any();
  return reminder;
}

void check_snooze(Timestamp until, Timestamp now) {
  if (until <= now || until > now + kFarthest) {
    throw InvalidInputError("until", format_timestamp(until), "expected a time after now (" + format_timestamp(now) +
                                                                 ") and at most ten years ahead");
  }
}

CalendarDay checked_calendar_day(const CalendarDay& input) {
  FieldErrors errors;
  CalendarDay day = input;
  const int year = static_cast<int>(day.day.year());
  if (!day.day.ok() || year < 2000 || year > 2100) errors.add("day", day_text(day.day), "expected a date of 2000 to 2100");
  day.note = optional_text(errors, day.note, "note", kMaxTextBytes);
  errors.throw_if_any();
  return day;
}

void check_open(const Reminder& reminder) {
  if (!reminder.open()) {
    throw InvalidInputError("state", to_string(reminder.state), "the reminder is no longer open (pending or snoozed)");
  }
}

std::vector<FieldChange> reminder_changes(const Reminder* before, const Reminder& after) {
  ChangeList list;
  journal_fields(list, before, after, std::pair{"rule", [](const Reminder& r) { return r.rule; }},
                 std::pair{"step", [](const Reminder& r) { return r.step; }},
                 std::pair{"target_kind", [](const Reminder& r) { return r.target.kind; }},
                 std::pair{"target_id", [](const Reminder& r) { return r.target.id; }},
                 std::pair{"reason", [](const Reminder& r) { return r.reason; }},
                 std::pair{"assignee", [](const Reminder& r) { return r.assignee; }},
                 std::pair{"state", [](const Reminder& r) { return std::string(to_string(r.state)); }},
                 std::pair{"due_at", [](const Reminder& r) { return format_timestamp(r.due_at); }},
                 std::pair{"expires_at", [](const Reminder& r) { return time_text(r.expires_at); }},
                 std::pair{"note", [](const Reminder& r) { return r.note; }});
  return list.take();
}

std::string day_text(std::chrono::year_month_day day) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                static_cast<unsigned>(day.day()));
  return text;
}

}  // namespace relais::inline v1::detail
