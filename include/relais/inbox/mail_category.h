#pragma once
// The categories a mail is sorted into, and the ticket each one opens: the
// one vocabulary of DOMAIN.md, shared by the classifier plugins, the
// dispatch rules and the desk's ticket kinds. Plain values and pure
// functions; thread-safe.
#include <relais/desk/ticket.h>
#include <relais/export.h>

#include <optional>
#include <string_view>

namespace relais {
inline namespace v1 {

enum class MailCategory {
  quote_request,
  breakdown,                // breakdown or urgent repair
  after_sales,              // after-sales or complaint
  maintenance_appointment,
  information_request,      // FAQ suggestions apply
  administrative,           // invoice or administrative
  supplier,                 // filed to the purchasing queue, no customer ticket
  internal,                 // a colleague; a technician's quote request opens one
  newsletter_spam,          // filed, no ticket
  other,                    // triage
};

// How soon a mail asks to be handled (a breakdown with no power is urgent).
enum class MailUrgency { low, normal, urgent };

RELAIS_API std::string_view to_string(MailCategory category) noexcept;
RELAIS_API std::string_view to_string(MailUrgency urgency) noexcept;
// Each throws InvalidInputError naming `field` and the value.
RELAIS_API MailCategory parse_mail_category(std::string_view text, std::string_view field = "category");
RELAIS_API MailUrgency parse_mail_urgency(std::string_view text, std::string_view field = "urgency");

// The ticket kind a mail of `category` opens, or nothing (supplier,
// newsletter or spam, other; internal unless it is a technician's quote
// request, which the caller knows and passes as `technician_quote`).
RELAIS_API std::optional<TicketKind> ticket_kind_for(MailCategory category, bool technician_quote = false) noexcept;

// The priority a ticket opened from a mail of this urgency starts with.
RELAIS_API TicketPriority ticket_priority_for(MailUrgency urgency) noexcept;

}  // namespace v1
}  // namespace relais
