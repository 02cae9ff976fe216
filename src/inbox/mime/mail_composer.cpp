#include "inbox/mime/mail_composer.h"

#include <relais/customers/validation.h>
#include <relais/errors.h>
#include <relais/ids.h>

#include "core/charset.h"
#include "core/field_checks.h"
#include "core/text.h"
#include "inbox/mime/gmime_support.h"

#include <algorithm>
#include <chrono>

namespace relais::inline v1::detail {
namespace {

// Headers compose_mail writes itself (lowercase): an extra header may not
// replace or repeat them. Bcc would show the hidden recipients.
constexpr std::string_view kComposedHeaders[] = {
    "date", "message-id", "from", "to", "cc", "bcc", "subject", "in-reply-to", "references",
    "mime-version", "content-type", "content-transfer-encoding",
};

constexpr std::size_t kMaxHeaderLineBytes = 998;  // RFC 5322 §2.1.1
constexpr std::size_t kMaxMessageIdBytes = 250;

bool has_line_break(std::string_view text) { return text.find_first_of("\r\n") != std::string_view::npos; }

bool is_one_line_of_text(std::string_view text) { return is_valid_utf8(text) && !has_line_break(text); }

// Printable ASCII without space (and without <> for a message id).
bool is_visible_ascii(std::string_view text, std::string_view excluded) {
  return std::all_of(text.begin(), text.end(),
                     [&](char c) { return c > ' ' && c < 127 && excluded.find(c) == std::string_view::npos; });
}

bool is_message_id(std::string_view id) {
  return !id.empty() && id.size() <= kMaxMessageIdBytes && is_visible_ascii(id, "<>");
}

bool is_header_name(std::string_view name) {
  return !name.empty() && name.size() <= 76 && is_visible_ascii(name, ":");
}

bool is_domain(std::string_view domain) {
  if (domain.empty() || domain.size() > 253) return false;
  for (std::size_t start = 0; start <= domain.size();) {
    const std::size_t end = std::min(domain.find('.', start), domain.size());
    const std::string_view label = domain.substr(start, end - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-' ||
        !std::all_of(label.begin(), label.end(), [](char c) { return is_ascii_alphanumeric(c) || c == '-'; })) {
      return false;
    }
    start = end + 1;
  }
  return true;
}

MailAddress checked_address(FieldErrors& errors, const MailAddress& address, const std::string& field) {
  MailAddress out;
  out.address = checked(errors, address.address, field, normalize_email);
  if (!is_one_line_of_text(address.name)) errors.add(field + ".name", address.name, "must be one line of UTF-8 text");
  out.name = std::string(trim(address.name));
  return out;
}

std::vector<MailAddress> checked_addresses(FieldErrors& errors, const std::vector<MailAddress>& addresses,
                                           const std::string& field) {
  std::vector<MailAddress> out;
  for (std::size_t i = 0; i < addresses.size(); ++i) {
    out.push_back(checked_address(errors, addresses[i], field + "[" + std::to_string(i) + "]"));
  }
  return out;
}

void check_message_ids(FieldErrors& errors, const MailDraft& draft) {
  if (!draft.in_reply_to.empty() && !is_message_id(draft.in_reply_to)) {
    errors.add("in_reply_to", draft.in_reply_to, "must be a message id without <> nor spaces");
  }
  for (std::size_t i = 0; i < draft.references.size(); ++i) {
    if (!is_message_id(draft.references[i])) {
      errors.add("references[" + std::to_string(i) + "]", draft.references[i],
                 "must be a message id without <> nor spaces");
    }
  }
  if (!is_domain(draft.message_id_domain)) {
    errors.add("message_id_domain", draft.message_id_domain, "must be a domain name such as elec-bretagne.fr");
  }
}

void check_extra_headers(FieldErrors& errors, const MailDraft& draft) {
  for (std::size_t i = 0; i < draft.extra_headers.size(); ++i) {
    const auto& [name, value] = draft.extra_headers[i];
    const std::string field = "extra_headers[" + std::to_string(i) + "]";
    if (!is_header_name(name)) {
      errors.add(field, name, "must be a header name: printable ASCII without space nor colon");
    } else if (std::find(std::begin(kComposedHeaders), std::end(kComposedHeaders), lowercase_ascii(name)) !=
               std::end(kComposedHeaders)) {
      errors.add(field, name, "is written by compose_mail itself");
    }
    if (!is_one_line_of_text(value)) errors.add(field, value, "value must be one line of UTF-8 text");
  }
}

// The draft with its addresses normalized; throws InvalidInputError with
// every bad field.
MailDraft checked_draft(const MailDraft& draft) {
  FieldErrors errors;
  MailDraft out = draft;
  out.from = checked_address(errors, draft.from, "from");
  if (draft.to.empty()) errors.add("to", "", "needs at least one recipient");
  out.to = checked_addresses(errors, draft.to, "to");
  out.cc = checked_addresses(errors, draft.cc, "cc");
  out.subject = required_text(errors, draft.subject, "subject", kMaxHeaderLineBytes);
  if (!is_one_line_of_text(draft.subject)) errors.add("subject", draft.subject, "must be one line of UTF-8 text");
  if (!is_valid_utf8(draft.text) || draft.text.find('\0') != std::string::npos) {
    errors.add("text", draft.text, "must be UTF-8 text without NUL");
  }
  check_message_ids(errors, draft);
  check_extra_headers(errors, draft);
  errors.throw_if_any();
  out.message_id_domain = lowercase_ascii(draft.message_id_domain);
  return out;
}

// RFC 5322: the parent's References, then the parent itself, each once.
std::string references_value(const MailDraft& draft) {
  std::vector<std::string> ids;
  for (const auto& id : draft.references) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  if (!draft.in_reply_to.empty() && std::find(ids.begin(), ids.end(), draft.in_reply_to) == ids.end()) {
    ids.push_back(draft.in_reply_to);
  }
  std::string value;
  for (const auto& id : ids) value += (value.empty() ? "<" : " <") + id + ">";
  return value;
}

// Names in UTF-8 encoded words, as the subject: GMime would otherwise pick
// the smallest charset that fits each name.
void add_mailboxes(GMimeMessage* message, GMimeAddressType type, const std::vector<MailAddress>& addresses) {
  InternetAddressList* list = g_mime_message_get_addresses(message, type);
  for (const auto& address : addresses) {
    const GObjectPtr<InternetAddress> mailbox(internet_address_mailbox_new(address.name.c_str(), address.address.c_str()));
    internet_address_set_charset(mailbox.get(), "utf-8");
    internet_address_list_add(list, mailbox.get());
  }
}

void set_date(GMimeMessage* message, Timestamp now) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(now).time_since_epoch().count();
  GDateTime* date = g_date_time_new_from_unix_utc(seconds);
  g_mime_message_set_date(message, date);
  g_date_time_unref(date);
}

// text/plain; charset=utf-8 in quoted-printable: readable in any client
// and safe through any relay, whatever the accents.
void set_body(GMimeMessage* message, const std::string& text) {
  const std::string body = with_unix_line_ends(text);  // the DOS format options write CRLF
  const GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(body.data(), body.size()));
  const GObjectPtr<GMimeDataWrapper> content(
      g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  const GObjectPtr<GMimeTextPart> part(g_mime_text_part_new_with_subtype("plain"));
  g_mime_part_set_content(GMIME_PART(part.get()), content.get());
  g_mime_text_part_set_charset(part.get(), "utf-8");
  g_mime_part_set_content_encoding(GMIME_PART(part.get()), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  g_mime_message_set_mime_part(message, GMIME_OBJECT(part.get()));
}

}  // namespace

ComposedMail compose_mail(const MailDraft& unchecked, Timestamp now) {
  const MailDraft draft = checked_draft(unchecked);
  ensure_gmime_initialised();
  ComposedMail composed;
  composed.message_id = Uuid::generate(ManualClock(now)).to_string() + "@" + draft.message_id_domain;

  const GObjectPtr<GMimeMessage> message(g_mime_message_new(TRUE));
  GMimeObject* object = GMIME_OBJECT(message.get());
  add_mailboxes(message.get(), GMIME_ADDRESS_TYPE_FROM, {draft.from});
  add_mailboxes(message.get(), GMIME_ADDRESS_TYPE_TO, draft.to);
  add_mailboxes(message.get(), GMIME_ADDRESS_TYPE_CC, draft.cc);
  g_mime_message_set_subject(message.get(), draft.subject.c_str(), "utf-8");
  set_date(message.get(), now);
  g_mime_message_set_message_id(message.get(), composed.message_id.c_str());
  if (!draft.in_reply_to.empty()) {
    g_mime_object_set_header(object, "In-Reply-To", ("<" + draft.in_reply_to + ">").c_str(), nullptr);
  }
  if (const std::string references = references_value(draft); !references.empty()) {
    g_mime_object_set_header(object, "References", references.c_str(), nullptr);
  }
  for (const auto& [name, value] : draft.extra_headers) {
    g_mime_object_append_header(object, name.c_str(), value.c_str(), "utf-8");
  }
  set_body(message.get(), draft.text);

  const FormatOptionsPtr format(g_mime_format_options_new());
  g_mime_format_options_set_newline_format(format.get(), GMIME_NEWLINE_FORMAT_DOS);
  composed.raw = object_bytes(object, format.get());
  return composed;
}

}  // namespace relais::inline v1::detail
