#include "surveys/survey_parts.h"

#include "desk/desk_store.h"
#include "surveys/survey_store.h"

#include <relais/errors.h>

#include <nlohmann/json.hpp>

namespace relais::inline v1::detail {
namespace {

constexpr std::size_t kViewItems = 5;

}  // namespace

CustomerViewPart surveys_view_part(spi::Connection& connection, const Uuid& customer) {
  CustomerViewPart part;
  const auto surveys = customer_surveys(connection, customer, kViewItems);
  part.counts["surveys"] = customer_survey_count(connection, customer);
  for (const auto& survey : surveys) {
    nlohmann::json item{{"id", survey.id.to_string()},
                        {"ticket", survey.target_label},
                        {"state", std::string(to_string(survey.state))},
                        {"score", survey.score ? nlohmann::json(*survey.score) : nlohmann::json()},
                        {"comment", survey.comment},
                        {"sent_at", survey.sent_at ? nlohmann::json(format_timestamp(*survey.sent_at)) : nlohmann::json()},
                        {"answered_at",
                         survey.answered_at ? nlohmann::json(format_timestamp(*survey.answered_at)) : nlohmann::json()}};
    part.items.push_back(item.dump());
  }
  return part;
}

std::optional<TargetFacts> read_survey_target(spi::Connection& connection, std::string_view id) {
  std::optional<Survey> survey;
  try {
    survey = find_survey(connection, Uuid::parse(id));
  } catch (const InvalidInputError&) {
    return std::nullopt;  // not an id: no such survey
  }
  if (!survey) return std::nullopt;
  TargetFacts facts;
  if (survey->target_kind == "ticket") {
    if (auto ticket = find_ticket(connection, Uuid::parse(survey->target_id))) facts.assignee = ticket->assignee;
  }
  return facts;
}

}  // namespace relais::inline v1::detail
