#pragma once
// The inserts shared by the desk's calls (log_call, open_ticket, the web
// intake...), inside the caller's write transaction. Each checks the
// record's references against the base (NotFoundError, InvalidInputError
// for an inactive user), assigns id, number, times and version 1, and
// journals the new record.
#include <relais/desk/desk_service.h>

#include "workspace/workspace_core.h"

#include <string>

namespace relais::inline v1::detail {

// `interaction` as checked by desk_rules; an empty user becomes `actor`.
Interaction store_interaction(WriteScope& scope, Interaction interaction, const Clock& clock,
                              const std::string& actor);
// `ticket` as checked by desk_rules; numbered in the Paris year of the
// transaction.
Ticket store_ticket(WriteScope& scope, Ticket ticket, const Clock& clock);

}  // namespace relais::inline v1::detail
