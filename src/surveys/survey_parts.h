#pragma once
// What the surveys contribute to other areas' registries: the "surveys"
// part of the customer 360° view (desk/view_parts.cpp) and the "survey"
// target kind of follow-up rules (reminders/reminder_targets.cpp).
#include <relais/desk/desk_service.h>
#include <relais/spi/storage.h>

#include "reminders/reminder_targets.h"

#include <optional>
#include <string_view>

namespace relais::inline v1::detail {

// Counts {"surveys"} and the latest five surveys as JSON
// objects (id, ticket, state, score, comment, sent_at, answered_at).
CustomerViewPart surveys_view_part(spi::Connection& connection, const Uuid& customer);

// A survey as a follow-up target: its facts are its ticket's (the ticket's
// assignee calls the customer back).
std::optional<TargetFacts> read_survey_target(spi::Connection& connection, std::string_view id);

}  // namespace relais::inline v1::detail
