#pragma once
// Writes outgoing mail (replies, acknowledgements) as RFC 5322 bytes that a
// mail connector sends as they are. Built on GMime 3.
#include <relais/clock.h>

#include "inbox/mime/mail_parser.h"  // MailAddress

#include <string>
#include <utility>
#include <vector>

namespace relais::inline v1::detail {

struct MailDraft {
  MailAddress from;
  std::vector<MailAddress> to, cc;
  std::string subject;            // UTF-8; the caller has already put the ticket tag "[T-2026-000123]" in it
  std::string text;               // UTF-8 plain text body; "\n" or "\r\n" line ends
  std::string in_reply_to;        // message id without <>, "" for a new thread
  std::vector<std::string> references;  // the parent's References, without <>, oldest first
  std::string message_id_domain;  // the right-hand side of generated Message-IDs ("elec-bretagne.fr")
  std::vector<std::pair<std::string, std::string>> extra_headers;  // e.g. {"Auto-Submitted", "auto-replied"}
};

struct ComposedMail {
  std::string message_id;  // the generated id, without <>
  std::string raw;         // RFC 5322 bytes, CRLF line ends
};

// Composes one text/plain mail: Date (`now`, UTC), a new Message-ID
// "<UUIDv7>@<message_id_domain>" (unique, and sorting by time), From, To,
// Cc, Subject (RFC 2047 encoded when not ASCII, as are the names),
// In-Reply-To and References (the parent's references, then in_reply_to)
// when replying, MIME-Version, Content-Type text/plain; charset=utf-8 in
// quoted-printable, then the extra headers in their order.
// Throws InvalidInputError listing every bad field at once: "from",
// "from.name", "to" (no recipient), "to[0]", "cc[1]", "subject" (empty,
// line breaks), "text" (not UTF-8, NUL), "in_reply_to", "references[2]",
// "message_id_domain", "extra_headers[0]" (not a header name, a header this
// function writes itself, line breaks in the value). Addresses are checked
// and written as normalize_email writes them (lower-cased domain).
// Thread-safe (see ensure_gmime_initialised); throws std::bad_alloc too.
ComposedMail compose_mail(const MailDraft& draft, Timestamp now);

}  // namespace relais::inline v1::detail
