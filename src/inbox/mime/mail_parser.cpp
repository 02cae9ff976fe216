#include "inbox/mime/mail_parser.h"

#include <relais/errors.h>

#include "core/charset.h"
#include "core/sha256.h"
#include "core/text.h"
#include "inbox/mime/gmime_support.h"
#include "inbox/mime/html_to_text.h"
#include "inbox/mime/mail_charset.h"
#include "inbox/mime/reply_split.h"

#include <algorithm>
#include <chrono>
#include <memory>

namespace relais::inline v1::detail {
namespace {

constexpr std::size_t kMaxProblems = 50;

// The notes of one parse, from GMime's warnings and from the reading below.
// Repeats are dropped and the count is capped: a crafted mail can repeat a
// fault a million times.
class ProblemLog {
 public:
  void add(std::string problem) {
    if (std::find(problems_.begin(), problems_.end(), problem) != problems_.end()) return;
    if (problems_.size() + 1 < kMaxProblems) {
      problems_.push_back(std::move(problem));
    } else if (problems_.size() + 1 == kMaxProblems) {
      problems_.push_back("more problems not listed");
    }
  }

  std::vector<std::string> take() && { return std::move(problems_); }

 private:
  std::vector<std::string> problems_;
};

// GMime hands out UTF-8, except raw bytes it could not convert (an 8-bit
// header in an unexpected charset): those are guessed like any legacy text.
std::string as_utf8(const char* text) {
  if (text == nullptr) return {};
  const std::string_view bytes(text);
  return is_valid_utf8(bytes) ? std::string(bytes) : decode_to_utf8(bytes).text;
}

// A header value on one line, trimmed.
std::string one_line(std::string text) {
  std::replace_if(text.begin(), text.end(), [](char c) { return c == '\r' || c == '\n' || c == '\t'; }, ' ');
  return std::string(trim(text));
}

std::string quoted(std::string_view value) { return "'" + quote_value(value) + "'"; }

// "25 MB", "512 KB", "1000 bytes".
std::string size_text(std::size_t bytes) {
  constexpr std::size_t kKilo = 1024, kMega = 1024 * 1024;
  if (bytes >= kMega && bytes % kMega == 0) return std::to_string(bytes / kMega) + " MB";
  if (bytes >= kKilo && bytes % kKilo == 0) return std::to_string(bytes / kKilo) + " KB";
  return std::to_string(bytes) + " bytes";
}

// GMime's parser warnings as readable notes; "{}" is the item it names.
struct WarningText {
  GMimeParserWarning code;
  std::string_view text;
};

constexpr WarningText kWarningTexts[] = {
    {GMIME_WARN_DUPLICATED_HEADER, "header {} repeated"},
    {GMIME_WARN_DUPLICATED_PARAMETER, "parameter {} repeated"},
    {GMIME_WARN_UNENCODED_8BIT_HEADER, "header {} holds raw 8-bit characters"},
    {GMIME_WARN_INVALID_CONTENT_TYPE, "invalid content type {}: read as application/octet-stream"},
    {GMIME_WARN_INVALID_RFC2047_HEADER_VALUE, "invalid encoded words (RFC 2047) in {}"},
    {GMIME_WARN_MALFORMED_MULTIPART, "multipart without parts"},
    {GMIME_WARN_TRUNCATED_MESSAGE, "message truncated"},
    {GMIME_WARN_MALFORMED_MESSAGE, "malformed message"},
    {GMIME_CRIT_INVALID_HEADER_NAME, "invalid header line {}: the lines after it may be read as body"},
    {GMIME_CRIT_CONFLICTING_HEADER, "conflicting header {}"},
    {GMIME_CRIT_CONFLICTING_PARAMETER, "conflicting parameter {}"},
    {GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY, "multipart without boundary: read as one part"},
    {GMIME_WARN_INVALID_PARAMETER, "invalid parameter {}"},
    {GMIME_WARN_INVALID_ADDRESS_LIST, "invalid address list {}"},
    {GMIME_CRIT_NESTING_OVERFLOW, "MIME nesting too deep for GMime: the inner parts are not read"},
    {GMIME_WARN_PART_WITHOUT_CONTENT, "a part without content"},
    {GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT, "a part without headers or content"},
};

std::string warning_text(GMimeParserWarning code, const char* item) {
  const auto* known = std::find_if(std::begin(kWarningTexts), std::end(kWarningTexts),
                                   [code](const WarningText& warning) { return warning.code == code; });
  if (known == std::end(kWarningTexts)) return "GMime warning " + std::to_string(static_cast<int>(code));
  std::string text(known->text);
  if (const auto slot = text.find("{}"); slot != std::string::npos) {
    text.replace(slot, 2, quoted(one_line(as_utf8(item))));
  }
  return text;
}

// GMime calls this from C: nothing may be thrown through it.
void on_gmime_warning(gint64 /*offset*/, GMimeParserWarning code, const gchar* item, gpointer log) noexcept {
  try {
    static_cast<ProblemLog*>(log)->add(warning_text(code, item));
  } catch (...) {  // out of memory: losing a note is better than unwinding through GMime
  }
}

// Lenient everywhere (mail clients break every rule); raw 8-bit headers
// read as UTF-8, else Windows-1252; warnings into `log`.
ParserOptionsPtr parser_options(ProblemLog& log) {
  ParserOptionsPtr options(g_mime_parser_options_new());
  g_mime_parser_options_set_rfc2047_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_address_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_parameter_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  const char* fallback_charsets[] = {"UTF-8", "windows-1252", nullptr};
  g_mime_parser_options_set_fallback_charsets(options.get(), fallback_charsets);
  g_mime_parser_options_set_warning_callback(options.get(), on_gmime_warning, &log);
  return options;
}

void append_mailboxes(InternetAddressList* list, std::vector<MailAddress>& out) {
  if (list == nullptr) return;
  for (int i = 0; i < internet_address_list_length(list); ++i) {
    InternetAddress* address = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(address)) {
      append_mailboxes(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), out);
    } else if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
      MailAddress mailbox{one_line(as_utf8(internet_address_get_name(address))),
                          lowercase_ascii(one_line(as_utf8(
                              internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)))))};
      if (!mailbox.name.empty() || !mailbox.address.empty()) out.push_back(std::move(mailbox));
    }
  }
}

std::vector<MailAddress> mailboxes(InternetAddressList* list) {
  std::vector<MailAddress> out;
  append_mailboxes(list, out);
  return out;
}

// The message ids of an In-Reply-To or References value, without <>.
std::vector<std::string> message_ids(GMimeParserOptions* options, const char* value) {
  std::vector<std::string> ids;
  if (value == nullptr) return ids;
  const std::unique_ptr<GMimeReferences, void (*)(GMimeReferences*)> references(
      g_mime_references_parse(options, value), g_mime_references_free);
  if (!references) return ids;
  for (int i = 0; i < g_mime_references_length(references.get()); ++i) {
    ids.push_back(one_line(as_utf8(g_mime_references_get_message_id(references.get(), i))));
  }
  return ids;
}

Timestamp to_timestamp(GDateTime* date) {
  return Timestamp(std::chrono::seconds(g_date_time_to_unix(date)) +
                   std::chrono::microseconds(g_date_time_get_microsecond(date)));
}

std::string header_value(GMimeObject* object, const char* name) {
  return one_line(as_utf8(g_mime_object_get_header(object, name)));
}

void read_date(GMimeMessage* message, ParsedMail& mail, ProblemLog& log) {
  if (GDateTime* date = g_mime_message_get_date(message)) {
    mail.date = to_timestamp(date);
  } else if (const std::string written = header_value(GMIME_OBJECT(message), "Date"); !written.empty()) {
    log.add("unreadable Date header " + quoted(written));
  } else {
    log.add("no Date header");
  }
}

void append_headers(GMimeObject* object, std::vector<GMimeHeader*>& out) {
  if (object == nullptr) return;
  GMimeHeaderList* headers = g_mime_object_get_header_list(object);
  for (int i = 0; i < g_mime_header_list_get_count(headers); ++i) out.push_back(g_mime_header_list_get_header_at(headers, i));
}

// Every header of the message in the order written: GMime moves the
// Content-* ones to the top MIME part, their offsets in the input tell
// where they were.
std::vector<std::pair<std::string, std::string>> written_headers(GMimeMessage* message) {
  std::vector<GMimeHeader*> headers;
  append_headers(GMIME_OBJECT(message), headers);
  append_headers(g_mime_message_get_mime_part(message), headers);
  std::stable_sort(headers.begin(), headers.end(), [](GMimeHeader* left, GMimeHeader* right) {
    return g_mime_header_get_offset(left) < g_mime_header_get_offset(right);
  });
  std::vector<std::pair<std::string, std::string>> written;
  for (GMimeHeader* header : headers) {
    written.emplace_back(as_utf8(g_mime_header_get_name(header)), one_line(as_utf8(g_mime_header_get_value(header))));
  }
  return written;
}

void read_envelope(GMimeMessage* message, GMimeParserOptions* options, ParsedMail& mail, ProblemLog& log) {
  GMimeObject* object = GMIME_OBJECT(message);
  mail.message_id = one_line(as_utf8(g_mime_message_get_message_id(message)));
  if (mail.message_id.empty()) log.add("no Message-ID header");
  const auto parents = message_ids(options, g_mime_object_get_header(object, "In-Reply-To"));
  if (!parents.empty()) mail.in_reply_to = parents.front();
  mail.references = message_ids(options, g_mime_object_get_header(object, "References"));

  const auto from = mailboxes(g_mime_message_get_from(message));
  if (from.empty()) {
    log.add("no From address");
  } else {
    mail.from = from.front();
  }
  if (const auto reply_to = mailboxes(g_mime_message_get_reply_to(message)); !reply_to.empty()) {
    mail.reply_to = reply_to.front();
  }
  mail.to = mailboxes(g_mime_message_get_to(message));
  mail.cc = mailboxes(g_mime_message_get_cc(message));
  mail.subject = one_line(as_utf8(g_mime_message_get_subject(message)));
  read_date(message, mail, log);

  mail.headers = written_headers(message);
}

std::string mime_type(GMimeObject* object) {
  const GCharPtr type(g_mime_content_type_get_mime_type(g_mime_object_get_content_type(object)));
  return lowercase_ascii(as_utf8(type.get()));
}

bool is_attachment(GMimePart* part) {
  const char* disposition = g_mime_object_get_disposition(GMIME_OBJECT(part));
  return (disposition != nullptr && g_ascii_strcasecmp(disposition, "attachment") == 0) ||
         g_mime_part_get_filename(part) != nullptr;
}

enum class BodyKind { none, plain, html };

BodyKind body_kind(GMimeObject* object) {
  if (!GMIME_IS_PART(object) || is_attachment(GMIME_PART(object))) return BodyKind::none;
  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (g_mime_content_type_is_type(type, "text", "plain")) return BodyKind::plain;
  if (g_mime_content_type_is_type(type, "text", "html")) return BodyKind::html;
  return BodyKind::none;
}

// The part a multipart shows first (related > html, mixed > plain).
GMimeObject* first_leaf(GMimeObject* object) {
  while (GMIME_IS_MULTIPART(object) && g_mime_multipart_get_count(GMIME_MULTIPART(object)) > 0) {
    object = g_mime_multipart_get_part(GMIME_MULTIPART(object), 0);
  }
  return object;
}

// A base64 body that a correct encoder could not have written: foreign
// characters, or a lone character at the end (GMime skips both).
bool is_damaged_base64(GMimeStream* encoded) {
  if (g_mime_stream_reset(encoded) == -1) return false;
  std::size_t digits = 0;
  char buffer[65536];
  for (ssize_t read = 0; (read = g_mime_stream_read(encoded, buffer, sizeof buffer)) > 0;) {
    for (ssize_t i = 0; i < read; ++i) {
      const char c = buffer[i];
      if (g_ascii_isalnum(c) || c == '+' || c == '/') {
        ++digits;
      } else if (c != '=' && !g_ascii_isspace(c)) {
        return true;
      }
    }
  }
  return digits % 4 == 1;
}

struct PartContent {
  std::string bytes;  // decoded
  bool damaged_base64 = false;
};

PartContent read_content(GMimePart* part) {
  PartContent content;
  GMimeDataWrapper* wrapper = g_mime_part_get_content(part);
  if (wrapper == nullptr) return content;
  content.damaged_base64 = g_mime_data_wrapper_get_encoding(wrapper) == GMIME_CONTENT_ENCODING_BASE64 &&
                           is_damaged_base64(g_mime_data_wrapper_get_stream(wrapper));
  const GObjectPtr<GMimeStream> decoded(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(wrapper, decoded.get());
  content.bytes = memory_stream_bytes(decoded.get());
  return content;
}

bool has_visible_text(GMimePart* part) {
  const std::string bytes = read_content(part).bytes;
  return std::any_of(bytes.begin(), bytes.end(), [](char c) { return !g_ascii_isspace(c); });
}

// The alternative to read as the body: the first text/plain holding
// something, else the last text/html; -1 when there is neither.
int preferred_alternative(GMimeMultipart* alternative) {
  int html = -1;
  for (int i = 0; i < g_mime_multipart_get_count(alternative); ++i) {
    GMimeObject* shown = first_leaf(g_mime_multipart_get_part(alternative, i));
    const BodyKind kind = body_kind(shown);
    if (kind == BodyKind::plain && has_visible_text(GMIME_PART(shown))) return i;
    if (kind == BodyKind::html) html = i;
  }
  return html;
}

bool is_tnef(const MailAttachment& attachment) {
  return attachment.content_type == "application/ms-tnef" || attachment.content_type == "application/vnd.ms-tnef" ||
         lowercase_ascii(attachment.filename) == "winmail.dat";
}

std::string describe(const MailAttachment& attachment) {
  return attachment.filename.empty() ? "(unnamed " + attachment.content_type + ")" : quoted(attachment.filename);
}

// The header Gmail writes above a forwarded message, which the reply
// splitter knows.
std::string forward_header(GMimeMessage* message) {
  std::string header = "---------- Forwarded message ---------";
  for (const char* name : {"From", "Date", "Subject", "To"}) {
    if (const std::string value = header_value(GMIME_OBJECT(message), name); !value.empty()) {
      header += std::string("\n") + name + ": " + value;
    }
  }
  return header;
}

// Walks the MIME tree of one mail, collecting the body text and the
// attachments.
class BodyReader {
 public:
  // body: text parts are the body; attachments_only: the other renderings
  // of a multipart/alternative, whose text parts are skipped.
  enum class Mode { body, attachments_only };

  BodyReader(const ParseLimits& limits, ProblemLog& log) : limits_(limits), log_(log) {}

  void read(GMimeObject* object, int depth, Mode mode) {
    if (object == nullptr) return;
    if (depth > limits_.max_depth) {
      log_.add("MIME parts nested deeper than " + std::to_string(limits_.max_depth) + " levels: not read");
    } else if (GMIME_IS_MESSAGE_PART(object)) {
      read_forwarded(GMIME_MESSAGE_PART(object), depth, mode);
    } else if (GMIME_IS_MULTIPART(object)) {
      read_multipart(GMIME_MULTIPART(object), depth, mode);
    } else if (GMIME_IS_PART(object)) {
      read_part(GMIME_PART(object), mode);
    }
  }

  // The body parts joined by a blank line.
  std::string text() const {
    std::string text;
    for (const auto& piece : texts_) {
      const auto end = piece.find_last_not_of(kAsciiWhitespace);
      if (end == std::string::npos) continue;
      if (!text.empty()) text += "\n\n";
      text.append(piece, 0, end + 1);
    }
    return text;
  }

  bool text_from_html() const { return from_html_; }
  std::vector<MailAttachment> take_attachments() && { return std::move(attachments_); }

 private:
  void read_multipart(GMimeMultipart* multipart, int depth, Mode mode) {
    const bool alternative =
        mode == Mode::body &&
        g_mime_content_type_is_type(g_mime_object_get_content_type(GMIME_OBJECT(multipart)), "multipart",
                                    "alternative");
    const int chosen = alternative ? preferred_alternative(multipart) : -1;
    for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i) {
      const Mode child_mode = chosen >= 0 && i != chosen ? Mode::attachments_only : mode;
      read(g_mime_multipart_get_part(multipart, i), depth + 1, child_mode);
    }
  }

  void read_part(GMimePart* part, Mode mode) {
    const BodyKind kind = body_kind(GMIME_OBJECT(part));
    if (kind == BodyKind::none) {
      read_attachment(part);
    } else if (mode == Mode::body) {
      read_body_text(part, kind);
    }
  }

  void read_body_text(GMimePart* part, BodyKind kind) {
    const PartContent content = read_content(part);
    if (content.damaged_base64) log_.add("damaged base64 in the body: decoded what could be read");
    MailText decoded =
        decode_mail_text(content.bytes, as_utf8(g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset")));
    if (!decoded.problem.empty()) log_.add(std::move(decoded.problem));
    std::string text = with_unix_line_ends(decoded.text);
    if (kind == BodyKind::html) {
      HtmlText html = html_to_text(text);
      if (html.flattened) {
        log_.add("HTML nested deeper than " + std::to_string(kMaxHtmlNesting) + " elements: the deepest lost their layout");
      }
      text = std::move(html.text);
      from_html_ = true;
    }
    texts_.push_back(std::move(text));
  }

  void read_attachment(GMimePart* part) {
    MailAttachment attachment;
    attachment.filename = one_line(as_utf8(g_mime_part_get_filename(part)));
    attachment.content_type = mime_type(GMIME_OBJECT(part));
    PartContent content = read_content(part);
    if (content.damaged_base64) {
      log_.add("damaged base64 in attachment " + describe(attachment) + ": decoded what could be read");
    }
    keep(std::move(attachment), std::move(content.bytes));
  }

  // A forwarded message is kept whole as an attachment (its raw bytes), and
  // read like the outer one: its text joins the body under a forward
  // header, its attachments join the list.
  void read_forwarded(GMimeMessagePart* part, int depth, Mode mode) {
    GMimeObject* object = GMIME_OBJECT(part);
    GMimeMessage* message = g_mime_message_part_get_message(part);
    MailAttachment attachment;
    const char* filename = g_mime_object_get_content_disposition_parameter(object, "filename");
    attachment.filename = one_line(as_utf8(filename ? filename : g_mime_object_get_content_type_parameter(object, "name")));
    attachment.content_type = mime_type(object);
    keep(std::move(attachment), message ? object_bytes(GMIME_OBJECT(message), nullptr) : std::string());
    if (message == nullptr) return;
    const auto first = static_cast<std::ptrdiff_t>(texts_.size());
    read(g_mime_message_get_mime_part(message), depth + 1, mode);
    if (mode == Mode::body) texts_.insert(texts_.begin() + first, forward_header(message));
  }

  void keep(MailAttachment attachment, std::string bytes) {
    attachment.size = bytes.size();
    attachment.tnef = is_tnef(attachment);
    if (attachment.tnef) log_.add("attachment " + describe(attachment) + " is Outlook TNEF: not decoded");
    if (bytes.size() > limits_.max_attachment_bytes) {
      attachment.over_limit = true;
      log_.add("attachment " + describe(attachment) + " over " + size_text(limits_.max_attachment_bytes) +
               ": not kept");
    } else {
      attachment.sha256 = sha256_hex(bytes);
      attachment.content = std::move(bytes);
    }
    attachments_.push_back(std::move(attachment));
  }

  const ParseLimits& limits_;
  ProblemLog& log_;
  std::vector<std::string> texts_;
  std::vector<MailAttachment> attachments_;
  bool from_html_ = false;
};

}  // namespace

ParsedMail parse_mail(std::string_view raw, const ParseLimits& limits) {
  ensure_gmime_initialised();
  ParsedMail mail;
  if (trim(raw).empty()) {
    mail.parse_error = "empty input: no header, no body";
    return mail;
  }
  ProblemLog log;
  const ParserOptionsPtr options = parser_options(log);
  const GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  const GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  const GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options.get()));
  if (!message) {
    mail.parse_error = "not a mail: no header at the start";
    return mail;
  }
  read_envelope(message.get(), options.get(), mail, log);
  BodyReader body(limits, log);
  body.read(g_mime_message_get_mime_part(message.get()), 0, BodyReader::Mode::body);
  mail.text = body.text();
  mail.text_from_html = body.text_from_html();
  mail.attachments = std::move(body).take_attachments();
  ReplySplit split = split_reply(mail.text, is_forward_subject(mail.subject));
  mail.new_text = std::move(split.new_text);
  mail.quoted_text = std::move(split.quoted_text);
  mail.signature = std::move(split.signature);
  mail.problems = std::move(log).take();
  return mail;
}

}  // namespace relais::inline v1::detail
