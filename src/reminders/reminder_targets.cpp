#include "reminders/reminder_targets.h"

#include <relais/errors.h>

#include "customers/customer_store.h"
#include "desk/desk_store.h"
#include "surveys/survey_parts.h"

#include <algorithm>
#include <array>

namespace relais::inline v1::detail {
namespace {

// An id typed by a person or read from a payload: not a UUID is "no such
// record", never an error of the caller's own call.
std::optional<Uuid> uuid_of(std::string_view id) {
  try {
    return Uuid::parse(id);
  } catch (const InvalidInputError&) {
    return std::nullopt;
  }
}

std::optional<TargetFacts> read_ticket(spi::Connection& connection, std::string_view id) {
  auto uuid = uuid_of(id);
  if (!uuid) return std::nullopt;
  auto ticket = find_ticket(connection, *uuid);
  if (!ticket) return std::nullopt;
  return TargetFacts{ticket->assignee};
}

std::optional<TargetFacts> read_customer(spi::Connection& connection, std::string_view id) {
  auto uuid = uuid_of(id);
  if (!uuid || !find_customer(connection, *uuid)) return std::nullopt;
  return TargetFacts{};
}

// Interactions name their ticket and customer in their changes, so rules on
// either can react to a call or a mail (EventMatch::target_field).
constexpr std::array<std::string_view, 12> kTicketEvents = {
    "TicketOpened",  "TicketUpdated", "TicketAssigned", "TicketStatusChanged", "TicketStageChanged",
    "TicketCommented", "CallLogged",  "EmailLogged",    "VisitLogged",         "NoteLogged",
    "SmsLogged",     "WebRequestReceived"};
constexpr std::array<std::string_view, 8> kCustomerEvents = {
    "CustomerCreated", "CustomerUpdated", "CustomerArchived", "CallLogged",
    "EmailLogged",     "VisitLogged",     "NoteLogged",       "SmsLogged"};

// A survey's own events (docs/surveys.md): "SurveyAnswered" with field
// "detractor" = "true" starts a callback of an unhappy customer.
constexpr std::array<std::string_view, 8> kSurveyEvents = {
    "SurveyCreated",  "SurveySent",     "SurveyRelaunched", "SurveySendFailed",
    "SurveySkipped",  "SurveyAnswered", "SurveyExpired",    "SurveyCancelled"};

const TargetKindSource kSources[] = {
    {"customer", kCustomerEvents, read_customer},
    {"ticket", kTicketEvents, read_ticket},
    {"survey", kSurveyEvents, read_survey_target},
};

}  // namespace

std::span<const TargetKindSource> target_kind_sources() { return kSources; }

const TargetKindSource* find_target_kind(std::string_view kind) {
  auto found = std::find_if(std::begin(kSources), std::end(kSources),
                            [&](const TargetKindSource& source) { return source.kind == kind; });
  return found == std::end(kSources) ? nullptr : &*found;
}

}  // namespace relais::inline v1::detail
