#include "outgoing_mail.h"

#include <relais/customers/validation.h>
#include <relais/errors.h>

namespace relais::mail_plugin {
namespace {

// The normalised address, or "" after recording why it is refused.
std::string address(FieldErrors& errors, const std::string& text, const std::string& field) {
  try {
    return normalize_email(text, field);
  } catch (const InvalidInputError& error) {
    for (const auto& refused : error.field_errors()) errors.add(refused.field, refused.value, refused.message);
    return "";
  }
}

}  // namespace

Envelope checked_envelope(const spi::OutgoingMail& mail) {
  FieldErrors errors;
  Envelope envelope{address(errors, mail.from, "mail.from"), {}};
  if (mail.recipients.empty()) errors.add("mail.recipients", "", "must name at least one address");
  for (std::size_t i = 0; i < mail.recipients.size(); ++i) {
    envelope.recipients.push_back(address(errors, mail.recipients[i], "mail.recipients[" + std::to_string(i) + "]"));
  }
  if (mail.raw.empty()) errors.add("mail.raw", "", "must hold the message");
  errors.throw_if_any();
  return envelope;
}

}  // namespace relais::mail_plugin
