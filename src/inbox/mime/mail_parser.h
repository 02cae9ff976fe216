#pragma once
// Reads the raw bytes of a mail (RFC 5322 / MIME, as a mail connector hands
// them over) into plain values the inbox stores, matches and threads:
// addresses, ids, decoded subject, the body as UTF-8 text split into new
// text, quote and signature, and the attachments. Built on GMime 3.
#include <relais/clock.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relais::inline v1::detail {

struct MailAddress {
  std::string name;     // decoded UTF-8 (RFC 2047), "" when none
  std::string address;  // lower-cased ("jean.dupont@example.fr")
  bool operator==(const MailAddress&) const = default;
};

struct MailAttachment {
  std::string filename;      // decoded UTF-8 (RFC 2047 and RFC 2231), "" when none
  std::string content_type;  // lower-cased "type/subtype": "application/pdf"
  std::size_t size = 0;      // decoded size in bytes, also when not kept
  std::string sha256;        // lowercase hex of the decoded content ("" when not kept)
  std::string content;       // decoded bytes; empty when over the size limit
  bool over_limit = false;
  bool tnef = false;         // winmail.dat / application/ms-tnef: reported, kept as is, not decoded
};

struct ParsedMail {
  std::string message_id;               // without <>, "" when missing
  std::string in_reply_to;              // without <>, "" when missing
  std::vector<std::string> references;  // without <>, oldest first
  MailAddress from;                     // the first address of From; empty when none
  std::optional<MailAddress> reply_to;  // the first address of Reply-To
  std::vector<MailAddress> to, cc;      // groups flattened into their members
  std::string subject;                  // decoded UTF-8 (RFC 2047), unfolded, trimmed
  std::optional<Timestamp> date;        // nullopt when missing or unreadable (noted)
  // The body as UTF-8 text, lines ended by '\n', no trailing white space:
  // text/plain preferred, else HTML converted to text (html_to_text.h).
  // Several body parts (a mixed message) are joined by a blank line. A
  // forwarded message attached as message/rfc822 adds, after its own
  // "---------- Forwarded message ---------" line and its From, Date,
  // Subject and To, its text: the same shape as an inline Gmail forward, so
  // both read alike (and the reply splitter keeps it in new_text).
  std::string text;
  bool text_from_html = false;  // some of `text` came from an HTML part
  std::string new_text;         // `text` without quoted replies and signature (reply_split.h)
  std::string quoted_text;      // the quoted part(s)
  std::string signature;        // the signature block, when found
  // Every non-body part, in the order of the message: attachments, inline
  // images, a forwarded message (message/rfc822: its raw bytes), and the
  // attachments of a forwarded message too (so its PDF is seen).
  std::vector<MailAttachment> attachments;
  // Every header of the message, in order: name as written, value decoded
  // to UTF-8 and unfolded (for Auto-Submitted, List-Id, Precedence...).
  std::vector<std::pair<std::string, std::string>> headers;
  // Readable English notes on what was odd or lost, for the assistant and
  // the logs: "charset 'x-unknown' unknown: read as windows-1252",
  // "attachment 'winmail.dat' is Outlook TNEF: not decoded", "attachment
  // 'big.zip' over 25 MB: not kept", "no Message-ID header", GMime's
  // warnings ("invalid header line ..."). At most 50, the last saying so.
  std::vector<std::string> problems;
  // "" when parsed; otherwise why the bytes could not be read as a mail at
  // all (empty input, no header at the start: binary garbage), and every
  // other field is empty. The caller still stores the raw bytes.
  std::string parse_error;
};

struct ParseLimits {
  std::size_t max_attachment_bytes = 25 * 1024 * 1024;  // larger ones are reported, not kept
  int max_depth = 32;  // MIME nesting read (multiparts, forwarded messages); deeper is noted, not read
};

// Parses one mail. Never throws for bad input and never crashes on it: what
// cannot be read is noted in `problems`, or in `parse_error` when nothing
// can; throws only std::bad_alloc. Every string but the attachments'
// content is valid UTF-8.
// Thread-safe: concurrent calls share nothing but GMime's process-wide
// tables, set up once on the first call (ensure_gmime_initialised) and
// guarded by GMime itself (its charset and iconv caches lock). The result
// owns all its data; `raw` is not kept.
// Costs: memory about three times the raw size (GMime's copy of the input,
// the decoded parts, the result).
ParsedMail parse_mail(std::string_view raw, const ParseLimits& limits = {});

}  // namespace relais::inline v1::detail
