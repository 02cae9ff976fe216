// The inbox's words (mail categories, urgencies, states, match and thread
// reasons, dispatch actions) and the ticket each
// category opens: pure functions, no database.
#include <relais/inbox/mail.h>
#include <relais/inbox/mail_category.h>

#include "core/enum_names.h"

namespace relais::inline v1 {
namespace {

using std::pair;
using std::string_view;

constexpr detail::EnumNames kCategories{std::array<pair<MailCategory, string_view>, 10>{{
    {MailCategory::quote_request, "quote_request"},
    {MailCategory::breakdown, "breakdown"},
    {MailCategory::after_sales, "after_sales"},
    {MailCategory::maintenance_appointment, "maintenance_appointment"},
    {MailCategory::information_request, "information_request"},
    {MailCategory::administrative, "administrative"},
    {MailCategory::supplier, "supplier"},
    {MailCategory::internal, "internal"},
    {MailCategory::newsletter_spam, "newsletter_spam"},
    {MailCategory::other, "other"},
}}};

constexpr detail::EnumNames kUrgencies{std::array<pair<MailUrgency, string_view>, 3>{{
    {MailUrgency::low, "low"}, {MailUrgency::normal, "normal"}, {MailUrgency::urgent, "urgent"}}}};

constexpr detail::EnumNames kStates{std::array<pair<MailState, string_view>, 5>{{
    {MailState::triage, "triage"},
    {MailState::ticket_opened, "ticket_opened"},
    {MailState::joined_ticket, "joined_ticket"},
    {MailState::filed, "filed"},
    {MailState::sent, "sent"}}}};

constexpr detail::EnumNames kMatches{std::array<pair<MailMatch, string_view>, 5>{{
    {MailMatch::none, "none"},
    {MailMatch::sender_address, "sender_address"},
    {MailMatch::phone, "phone"},
    {MailMatch::siret, "siret"},
    {MailMatch::name, "name"}}}};

constexpr detail::EnumNames kThreads{std::array<pair<MailThread, string_view>, 4>{{
    {MailThread::none, "none"},
    {MailThread::references, "references"},
    {MailThread::subject_tag, "subject_tag"},
    {MailThread::sender_subject, "sender_subject"}}}};

constexpr detail::EnumNames kActions{std::array<pair<DispatchAction, string_view>, 3>{{
    {DispatchAction::open_or_join, "open_or_join"},
    {DispatchAction::join_only, "join_only"},
    {DispatchAction::file, "file"}}}};

}  // namespace

std::string_view to_string(MailState state) noexcept { return kStates.name(state); }
std::string_view to_string(MailMatch match) noexcept { return kMatches.name(match); }
std::string_view to_string(MailThread thread) noexcept { return kThreads.name(thread); }
std::string_view to_string(DispatchAction action) noexcept { return kActions.name(action); }
MailState parse_mail_state(std::string_view text, std::string_view field) { return kStates.parse(text, field); }
MailMatch parse_mail_match(std::string_view text, std::string_view field) { return kMatches.parse(text, field); }
MailThread parse_mail_thread(std::string_view text, std::string_view field) { return kThreads.parse(text, field); }
DispatchAction parse_dispatch_action(std::string_view text, std::string_view field) {
  return kActions.parse(text, field);
}

std::string_view to_string(MailCategory category) noexcept { return kCategories.name(category); }
std::string_view to_string(MailUrgency urgency) noexcept { return kUrgencies.name(urgency); }

MailCategory parse_mail_category(std::string_view text, std::string_view field) {
  return kCategories.parse(text, field);
}
MailUrgency parse_mail_urgency(std::string_view text, std::string_view field) { return kUrgencies.parse(text, field); }

std::optional<TicketKind> ticket_kind_for(MailCategory category, bool technician_quote) noexcept {
  switch (category) {
    case MailCategory::quote_request: return TicketKind::quote_request;
    case MailCategory::breakdown: return TicketKind::breakdown;
    case MailCategory::after_sales: return TicketKind::after_sales;
    case MailCategory::maintenance_appointment: return TicketKind::maintenance_appointment;
    case MailCategory::information_request: return TicketKind::information;
    case MailCategory::administrative: return TicketKind::administrative;
    case MailCategory::internal:
      if (technician_quote) return TicketKind::technician_request;
      return std::nullopt;
    case MailCategory::supplier:
    case MailCategory::newsletter_spam:
    case MailCategory::other: return std::nullopt;
  }
  return std::nullopt;
}

TicketPriority ticket_priority_for(MailUrgency urgency) noexcept {
  switch (urgency) {
    case MailUrgency::low: return TicketPriority::low;
    case MailUrgency::normal: return TicketPriority::normal;
    case MailUrgency::urgent: return TicketPriority::urgent;
  }
  return TicketPriority::normal;
}

}  // namespace relais::inline v1
