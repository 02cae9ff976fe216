// The desk's words (kinds, sources, statuses, stages, outcomes, search
// kinds) and the ticket lifecycle: pure functions, no database.
#include <relais/desk/interaction.h>
#include <relais/desk/search.h>
#include <relais/desk/ticket.h>

#include "core/enum_names.h"

#include <algorithm>
#include <initializer_list>

namespace relais {
inline namespace v1 {
namespace {

using std::pair;
using std::string_view;

constexpr detail::EnumNames kInteractionKinds{std::array<pair<InteractionKind, string_view>, 5>{{
    {InteractionKind::call, "call"}, {InteractionKind::email, "email"}, {InteractionKind::visit, "visit"},
    {InteractionKind::note, "note"}, {InteractionKind::sms, "sms"}}}};

constexpr detail::EnumNames kDirections{std::array<pair<Direction, string_view>, 2>{{
    {Direction::inbound, "inbound"}, {Direction::outbound, "outbound"}}}};

constexpr detail::EnumNames kCallOutcomes{std::array<pair<CallOutcome, string_view>, 7>{{
    {CallOutcome::answered, "answered"}, {CallOutcome::missed, "missed"}, {CallOutcome::voicemail, "voicemail"},
    {CallOutcome::callback_promised, "callback_promised"}, {CallOutcome::transferred, "transferred"},
    {CallOutcome::to_qualify, "to_qualify"}, {CallOutcome::no_follow_up, "no_follow_up"}}}};

constexpr detail::EnumNames kTicketKinds{std::array<pair<TicketKind, string_view>, 7>{{
    {TicketKind::quote_request, "quote_request"}, {TicketKind::breakdown, "breakdown"},
    {TicketKind::after_sales, "after_sales"}, {TicketKind::maintenance_appointment, "maintenance_appointment"},
    {TicketKind::information, "information"}, {TicketKind::administrative, "administrative"},
    {TicketKind::technician_request, "technician_request"}}}};

constexpr detail::EnumNames kTicketSources{std::array<pair<TicketSource, string_view>, 5>{{
    {TicketSource::phone, "phone"}, {TicketSource::email, "email"}, {TicketSource::web_form, "web_form"},
    {TicketSource::technician, "technician"}, {TicketSource::portal, "portal"}}}};

constexpr detail::EnumNames kTicketStatuses{std::array<pair<TicketStatus, string_view>, 7>{{
    {TicketStatus::new_, "new"}, {TicketStatus::open, "open"}, {TicketStatus::waiting_customer, "waiting_customer"},
    {TicketStatus::waiting_internal, "waiting_internal"}, {TicketStatus::scheduled, "scheduled"},
    {TicketStatus::resolved, "resolved"}, {TicketStatus::closed, "closed"}}}};

constexpr detail::EnumNames kTicketPriorities{std::array<pair<TicketPriority, string_view>, 4>{{
    {TicketPriority::low, "low"}, {TicketPriority::normal, "normal"}, {TicketPriority::high, "high"},
    {TicketPriority::urgent, "urgent"}}}};

constexpr detail::EnumNames kTechnicianStages{std::array<pair<TechnicianStage, string_view>, 6>{{
    {TechnicianStage::none, "none"}, {TechnicianStage::quote_to_prepare, "quote_to_prepare"},
    {TechnicianStage::quote_sent, "quote_sent"}, {TechnicianStage::follow_up, "follow_up"},
    {TechnicianStage::accepted, "accepted"}, {TechnicianStage::refused, "refused"}}}};

constexpr detail::EnumNames kSearchKinds{std::array<pair<SearchKind, string_view>, 3>{{
    {SearchKind::customer, "customer"}, {SearchKind::interaction, "interaction"}, {SearchKind::ticket, "ticket"}}}};

template <typename Enum>
bool among(Enum value, std::initializer_list<Enum> allowed) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

}  // namespace

std::string_view to_string(InteractionKind kind) noexcept { return kInteractionKinds.name(kind); }
std::string_view to_string(Direction direction) noexcept { return kDirections.name(direction); }
std::string_view to_string(CallOutcome outcome) noexcept { return kCallOutcomes.name(outcome); }
std::string_view to_string(TicketKind kind) noexcept { return kTicketKinds.name(kind); }
std::string_view to_string(TicketSource source) noexcept { return kTicketSources.name(source); }
std::string_view to_string(TicketStatus status) noexcept { return kTicketStatuses.name(status); }
std::string_view to_string(TicketPriority priority) noexcept { return kTicketPriorities.name(priority); }
std::string_view to_string(TechnicianStage stage) noexcept { return kTechnicianStages.name(stage); }
std::string_view to_string(SearchKind kind) noexcept { return kSearchKinds.name(kind); }

InteractionKind parse_interaction_kind(std::string_view text, std::string_view field) {
  return kInteractionKinds.parse(text, field);
}
Direction parse_direction(std::string_view text, std::string_view field) { return kDirections.parse(text, field); }
CallOutcome parse_call_outcome(std::string_view text, std::string_view field) {
  return kCallOutcomes.parse(text, field);
}
TicketKind parse_ticket_kind(std::string_view text, std::string_view field) { return kTicketKinds.parse(text, field); }
TicketSource parse_ticket_source(std::string_view text, std::string_view field) {
  return kTicketSources.parse(text, field);
}
TicketStatus parse_ticket_status(std::string_view text, std::string_view field) {
  return kTicketStatuses.parse(text, field);
}
TicketPriority parse_ticket_priority(std::string_view text, std::string_view field) {
  return kTicketPriorities.parse(text, field);
}
TechnicianStage parse_technician_stage(std::string_view text, std::string_view field) {
  return kTechnicianStages.parse(text, field);
}
SearchKind parse_search_kind(std::string_view text, std::string_view field) { return kSearchKinds.parse(text, field); }

bool can_transition(TicketStatus from, TicketStatus to) noexcept {
  using enum TicketStatus;
  switch (from) {
    case new_: return among(to, {open, resolved});
    case open: return among(to, {waiting_customer, waiting_internal, scheduled, resolved});
    case waiting_customer:
    case waiting_internal:
    case scheduled: return among(to, {open, resolved});
    case resolved: return among(to, {closed, open});
    case closed: return to == open;
  }
  return false;
}

bool can_advance(TechnicianStage from, TechnicianStage to) noexcept {
  using enum TechnicianStage;
  switch (from) {
    case none: return to == quote_to_prepare;
    case quote_to_prepare: return to == quote_sent;
    case quote_sent: return among(to, {follow_up, accepted, refused});
    case follow_up: return among(to, {accepted, refused});
    case accepted:
    case refused: return false;
  }
  return false;
}

}  // namespace v1
}  // namespace relais
