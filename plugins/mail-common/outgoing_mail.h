#pragma once
// The checks every mail plugin makes before sending, so that a bad address
// is refused the same way whatever the transport. Pure, thread-safe.
#include <relais/spi/mail.h>

#include <string>
#include <vector>

namespace relais::mail_plugin {

// The envelope of a mail that may be sent: addresses trimmed, domains
// lowercased (relais::normalize_email).
struct Envelope {
  std::string from;
  std::vector<std::string> recipients;
};

// Throws InvalidInputError naming "mail.from", "mail.recipients" (none
// given), "mail.recipients[i]" or "mail.raw" (empty), every bad field at
// once.
Envelope checked_envelope(const spi::OutgoingMail& mail);

}  // namespace relais::mail_plugin
