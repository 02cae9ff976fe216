// The inbox's words (mail categories, urgencies) and the ticket each
// category opens: pure functions, no database.
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

}  // namespace

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
