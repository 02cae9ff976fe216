#include "surveys/survey_rules.h"

#include <relais/customers/validation.h>
#include <relais/errors.h>

#include "core/changes.h"
#include "core/civil_time.h"
#include "core/enum_names.h"
#include "storage/timestamps.h"

#include <nlohmann/json.hpp>
#include <openssl/rand.h>

#include <array>

namespace relais {
inline namespace v1 {
namespace {

constexpr detail::EnumNames kSurveyStates{std::array<std::pair<SurveyState, std::string_view>, 6>{{
    {SurveyState::pending, "pending"},
    {SurveyState::sent, "sent"},
    {SurveyState::answered, "answered"},
    {SurveyState::expired, "expired"},
    {SurveyState::cancelled, "cancelled"},
    {SurveyState::skipped, "skipped"},
}}};

constexpr std::size_t kMaxTemplateBytes = 8000;
constexpr std::size_t kMaxSubjectBytes = 300;

}  // namespace

std::string_view to_string(SurveyState state) noexcept { return kSurveyStates.name(state); }
SurveyState parse_survey_state(std::string_view text, std::string_view field) { return kSurveyStates.parse(text, field); }

ScoreClass classify_score(int score) noexcept {
  if (score >= 9) return ScoreClass::promoter;
  if (score >= 7) return ScoreClass::passive;
  return ScoreClass::detractor;
}

namespace detail {

std::string settings_definition(const SurveySettings& settings) {
  nlohmann::json json{{"url_template", settings.url_template},
                      {"mailbox", settings.mailbox},
                      {"from_address", settings.from_address},
                      {"from_name", settings.from_name},
                      {"subject_template", settings.subject_template},
                      {"body_template", settings.body_template},
                      {"relaunch_subject_template", settings.relaunch_subject_template},
                      {"relaunch_delay_days", settings.relaunch_delay_days},
                      {"max_relaunches", settings.max_relaunches},
                      {"automatic", settings.automatic}};
  json["resolved_since"] = settings.resolved_since ? nlohmann::json(micros(*settings.resolved_since)) : nlohmann::json();
  return json.dump();
}

SurveySettings settings_from_definition(std::string_view definition, std::int64_t version) {
  SurveySettings settings;
  const auto json = nlohmann::json::parse(definition);
  auto read = [&](const char* key, auto& member) {
    if (json.contains(key) && !json[key].is_null()) json[key].get_to(member);
  };
  read("url_template", settings.url_template);
  read("mailbox", settings.mailbox);
  read("from_address", settings.from_address);
  read("from_name", settings.from_name);
  read("subject_template", settings.subject_template);
  read("body_template", settings.body_template);
  read("relaunch_subject_template", settings.relaunch_subject_template);
  read("relaunch_delay_days", settings.relaunch_delay_days);
  read("max_relaunches", settings.max_relaunches);
  read("automatic", settings.automatic);
  if (json.contains("resolved_since") && json["resolved_since"].is_number_integer()) {
    settings.resolved_since = timestamp_of(json["resolved_since"].get<std::int64_t>());
  }
  settings.version = version;
  return settings;
}

SurveySettings checked_survey_settings(const SurveySettings& settings) {
  FieldErrors errors;
  SurveySettings checked = settings;
  const std::string& url = settings.url_template;
  if (!url.empty()) {
    if (url.find("{token}") == std::string::npos) errors.add("url_template", url, "must hold {token}");
    if (!url.starts_with("https://") && !url.starts_with("http://")) {
      errors.add("url_template", url, "must start with https:// or http://");
    }
    if (url.find_first_of(" \t\r\n") != std::string::npos) errors.add("url_template", url, "must not hold spaces");
    if (url.size() > 500) errors.add("url_template", url, "longer than 500 bytes");
  }
  if (!settings.from_address.empty()) {
    try {
      checked.from_address = normalize_email(settings.from_address, "from_address");
    } catch (const InvalidInputError& error) {
      for (const auto& each : error.field_errors()) errors.add("from_address", settings.from_address, each.message);
    }
  }
  if (settings.from_name.find_first_of("\r\n") != std::string::npos) {
    errors.add("from_name", settings.from_name, "must not hold a line break");
  }
  auto check_subject = [&](const std::string& text, const char* field, bool required) {
    if (required && text.empty()) errors.add(field, text, "must not be empty");
    if (text.find_first_of("\r\n") != std::string::npos) errors.add(field, text, "must not hold a line break");
    if (text.size() > kMaxSubjectBytes) errors.add(field, text, "longer than 300 bytes");
  };
  check_subject(settings.subject_template, "subject_template", true);
  check_subject(settings.relaunch_subject_template, "relaunch_subject_template", false);
  if (settings.body_template.find("{url}") == std::string::npos) {
    errors.add("body_template", settings.body_template, "must hold {url}");
  }
  if (settings.body_template.size() > kMaxTemplateBytes) errors.add("body_template", settings.body_template, "longer than 8000 bytes");
  if (settings.relaunch_delay_days < 1 || settings.relaunch_delay_days > 365) {
    errors.add("relaunch_delay_days", std::to_string(settings.relaunch_delay_days), "expected 1 to 365");
  }
  if (settings.max_relaunches < 0 || settings.max_relaunches > 10) {
    errors.add("max_relaunches", std::to_string(settings.max_relaunches), "expected 0 to 10");
  }
  errors.throw_if_any();
  return checked;
}

std::vector<FieldChange> survey_settings_changes(const SurveySettings& before, const SurveySettings& after) {
  ChangeList changes;
  changes.compare("url_template", before.url_template, after.url_template);
  changes.compare("mailbox", before.mailbox, after.mailbox);
  changes.compare("from_address", before.from_address, after.from_address);
  changes.compare("from_name", before.from_name, after.from_name);
  changes.compare("subject_template", before.subject_template, after.subject_template);
  changes.compare("body_template", before.body_template, after.body_template);
  changes.compare("relaunch_subject_template", before.relaunch_subject_template, after.relaunch_subject_template);
  changes.compare("relaunch_delay_days", before.relaunch_delay_days, after.relaunch_delay_days);
  changes.compare("max_relaunches", before.max_relaunches, after.max_relaunches);
  changes.compare("automatic", before.automatic, after.automatic);
  auto since = [](const SurveySettings& settings) {
    return settings.resolved_since ? format_timestamp(*settings.resolved_since) : std::string();
  };
  changes.compare("resolved_since", since(before), since(after));
  return changes.take();
}

std::string render_template(std::string_view text, const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string result;
  for (std::size_t at = 0; at < text.size();) {
    bool replaced = false;
    if (text[at] == '{') {
      for (const auto& [placeholder, value] : fields) {
        if (text.substr(at).starts_with(placeholder)) {
          result += value;
          at += placeholder.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) result += text[at++];
  }
  return result;
}

std::string new_survey_token() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw StorageError("no random bytes for a survey token", {{"operation", "survey token"}});
  static constexpr char kHex[] = "0123456789abcdef";
  std::string token;
  for (unsigned char byte : bytes) {
    token += kHex[byte >> 4];
    token += kHex[byte & 0xF];
  }
  return token;
}

int checked_score(long long score) {
  if (score < 0 || score > 10) throw InvalidInputError("score", std::to_string(score), "expected 0 to 10");
  return static_cast<int>(score);
}

std::vector<FieldChange> survey_changes(const Survey* before, const Survey& after) {
  ChangeList changes;
  changes.field("target_kind", before, after, [](const Survey& s) { return s.target_kind; });
  changes.field("target_id", before, after, [](const Survey& s) { return s.target_id; });
  changes.field("ticket", before, after, [](const Survey& s) { return s.target_label; });
  changes.field("customer", before, after, [](const Survey& s) { return s.customer.to_string(); });
  changes.field("recipient", before, after, [](const Survey& s) { return s.recipient; });
  changes.field("state", before, after, [](const Survey& s) { return std::string(to_string(s.state)); });
  changes.field("relaunches", before, after, [](const Survey& s) { return s.relaunches; });
  changes.field("score", before, after, [](const Survey& s) { return s.score ? nlohmann::json(*s.score) : nlohmann::json(); });
  // A boolean of the answer, so that a follow-up rule can watch for
  // detractors (EventMatch values compare text).
  changes.field("detractor", before, after, [](const Survey& s) {
    return s.score ? nlohmann::json(classify_score(*s.score) == ScoreClass::detractor) : nlohmann::json();
  });
  changes.field("comment", before, after, [](const Survey& s) { return s.comment; });
  changes.field("last_error", before, after, [](const Survey& s) { return s.last_error; });
  auto time = [](const std::optional<Timestamp>& t) { return t ? format_timestamp(*t) : std::string(); };
  changes.field("sent_at", before, after, [&](const Survey& s) { return time(s.sent_at); });
  changes.field("last_sent_at", before, after, [&](const Survey& s) { return time(s.last_sent_at); });
  changes.field("answered_at", before, after, [&](const Survey& s) { return time(s.answered_at); });
  return changes.take();
}

SurveyFigures figures_of(Timestamp from, Timestamp to, std::int64_t sent, std::int64_t answered,
                         std::int64_t score_sum, std::int64_t promoters, std::int64_t passives,
                         std::int64_t detractors) {
  SurveyFigures figures;
  figures.from = from;
  figures.to = to;
  figures.sent = sent;
  figures.answered = answered;
  figures.response_rate = sent > 0 ? static_cast<double>(answered) / static_cast<double>(sent) : 0.0;
  figures.promoters = promoters;
  figures.passives = passives;
  figures.detractors = detractors;
  if (answered > 0) {
    figures.average_score = static_cast<double>(score_sum) / static_cast<double>(answered);
    figures.nps = 100.0 * static_cast<double>(promoters - detractors) / static_cast<double>(answered);
  }
  return figures;
}

Timestamp relaunch_cutoff(const SurveySettings& settings, Timestamp now) {
  return paris_add_days(now, -settings.relaunch_delay_days);
}

}  // namespace detail
}  // namespace v1
}  // namespace relais
