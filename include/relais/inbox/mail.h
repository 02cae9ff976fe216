#pragma once
// The inbox's records: stored mails (incoming and outgoing) with how each
// was matched, threaded, classified and dispatched, the dispatch rules, the
// mailboxes, the inbox settings and the FAQ entries. Plain value types.
#include <relais/clock.h>
#include <relais/desk/interaction.h>
#include <relais/desk/ticket.h>
#include <relais/export.h>
#include <relais/ids.h>
#include <relais/inbox/mail_category.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

// Where a mail stands.
//   triage         waiting for the assistant: uncertain category, category
//                  "other", or a message that could not be parsed
//   ticket_opened  opened a new ticket
//   joined_ticket  joined the ticket of its thread (logged on it as an email)
//   filed          kept without a ticket (supplier, newsletter, a rule said so)
//   sent           an outgoing mail (an acknowledgement)
enum class MailState { triage, ticket_opened, joined_ticket, filed, sent };

// How the sender was recognised: by the sender's address (a customer's or a
// contact's email), a phone number or a SIRET found in the text, or the
// sender's name; `none` when nobody matched (see Mail::suggestion).
enum class MailMatch { none, sender_address, phone, siret, name };

// How the mail joined a thread: its In-Reply-To or References name a stored
// mail, its subject carries a ticket tag "[T-2026-000123]", or the fallback
// (same sender, same subject once Re:/TR:/Fwd: are stripped, a reply, an
// open ticket within InboxSettings::thread_window_days).
enum class MailThread { none, references, subject_tag, sender_subject };

RELAIS_API std::string_view to_string(MailState state) noexcept;
RELAIS_API std::string_view to_string(MailMatch match) noexcept;
RELAIS_API std::string_view to_string(MailThread thread) noexcept;
// Each throws InvalidInputError naming `field` and the value.
RELAIS_API MailState parse_mail_state(std::string_view text, std::string_view field = "state");
RELAIS_API MailMatch parse_mail_match(std::string_view text, std::string_view field = "match");
RELAIS_API MailThread parse_mail_thread(std::string_view text, std::string_view field = "thread");

struct MailAttachmentInfo {
  std::string filename;
  std::string content_type;
  std::size_t size = 0;
  std::string sha256;       // of the content; "" when not kept
  bool kept = false;        // false: over the size limit (recorded, not stored)
  bool operator==(const MailAttachmentInfo&) const = default;
};

// A sender nobody matched, as the mail gives it: what a front end offers to
// create as a contact (or customer).
struct ContactSuggestion {
  std::string name;
  std::string email;
  std::vector<std::string> phones;   // E.164, found in the text or signature
  bool operator==(const ContactSuggestion&) const = default;
};

struct Mail {
  Uuid id;
  std::string mailbox;               // the configured mailbox; "" when ingested by hand
  std::string message_id;            // without <>; for a mail without one, "sha256:<hex of the raw bytes>"
  Direction direction = Direction::inbound;
  std::string from_name;
  std::string from_address;
  std::vector<std::string> to;       // addresses
  std::vector<std::string> cc;
  std::string subject;
  std::optional<Timestamp> sent_at;  // the Date header
  Timestamp received_at{};           // when Relais stored it
  std::string text;                  // the whole body as text
  std::string new_text;              // without quoted replies and signature
  std::string signature;
  std::vector<std::string> problems; // what was odd while parsing
  std::string parse_error;           // "" when parsed
  std::vector<MailAttachmentInfo> attachments;
  bool automatic = false;            // an auto-reply, a list or bulk mail, a bounce: never acknowledged
  std::optional<Uuid> customer;
  std::optional<Uuid> contact;
  std::optional<Uuid> ticket;
  std::optional<Uuid> interaction;   // the email interaction logged on the customer
  MailMatch match = MailMatch::none;
  std::optional<ContactSuggestion> suggestion;
  MailThread thread = MailThread::none;
  std::optional<MailCategory> category;   // unset before classification (and for outgoing mail)
  double confidence = 0;
  MailUrgency urgency = MailUrgency::normal;
  bool corrected = false;            // the category was set by a person (correct())
  std::string rule;                  // the dispatch rule applied ("" none)
  std::string queue;
  MailState state = MailState::triage;
  Timestamp updated_at{};
  std::int64_t version = 0;
  bool operator==(const Mail&) const = default;
};

struct MailPage {
  std::vector<Mail> mails;
  std::string next_cursor;           // "" on the last page
};

// What a dispatch rule does with a mail it matches.
//   open_or_join  join the ticket of the mail's thread, or open a new one
//                 (of the category's ticket kind; a category without one
//                 is filed)
//   join_only     join the thread's ticket when there is one, else file
//   file          file it, no ticket
enum class DispatchAction { open_or_join, join_only, file };
RELAIS_API std::string_view to_string(DispatchAction action) noexcept;
RELAIS_API DispatchAction parse_dispatch_action(std::string_view text, std::string_view field = "action");

// A rule matches a mail when every set condition holds.
struct DispatchCondition {
  std::vector<MailCategory> categories;   // one of them; empty: any
  std::optional<Uuid> customer;           // the matched customer
  std::string customer_tag;               // the matched customer has this tag
  std::vector<std::string> keywords;      // one of them in the subject or new text (accents and case folded)
  std::string sender_domain;              // "rexel.fr": the sender's domain or a subdomain of it
  bool operator==(const DispatchCondition&) const = default;
};

struct DispatchRuleDraft {
  std::string name;                       // required, 1 to 100 bytes, unique
  int position = 0;                       // rules are tried by position, then name; the first match wins
  bool enabled = true;
  DispatchCondition when;
  DispatchAction action = DispatchAction::open_or_join;
  std::string queue;                      // the ticket's and the mail's queue
  std::string assignee;                   // "" = unassigned; else an active user
  std::optional<TicketPriority> priority; // unset: from the mail's urgency
  bool acknowledge = false;               // send the auto-acknowledgement when a ticket is opened
  bool operator==(const DispatchRuleDraft&) const = default;
};

struct DispatchRule : DispatchRuleDraft {
  Uuid id;
  Timestamp created_at{};
  Timestamp updated_at{};
  std::int64_t version = 0;
  bool operator==(const DispatchRule&) const = default;
};

// Per-workspace inbox settings (one record, versioned).
struct InboxSettings {
  // Attachments larger than this are recorded, not kept (nor the raw
  // message that carries them).
  std::size_t attachment_limit_bytes = 25 * 1024 * 1024;
  // The sender + subject fallback looks this far back for an open ticket.
  int thread_window_days = 14;
  // Below this confidence a mail goes to triage. 0.7: the fasttext model's
  // measured balance (docs/inbox.md, "The triage threshold"): about 5 of
  // 50 mails a day to confirm, 97 % right above it.
  double confidence_threshold = 0.7;
  // The classifier plugin (kind "classifier") that sorts mail.
  std::string classifier_plugin = "fasttext";
  // Acknowledgements are sent from this address ("" : none are sent) and
  // their Message-IDs end with its domain.
  std::string reply_from;
  std::string reply_name;                 // "Duret Électricité"
  // The acknowledgement's text; {ticket}, {subject} and {company}
  // (reply_name) are replaced.
  std::string acknowledgement_template =
      "Bonjour,\n\n"
      "Nous avons bien reçu votre message « {subject} ». Il est enregistré sous le numéro {ticket}, "
      "qui figure dans l'objet de ce message : vous pouvez simplement y répondre pour compléter votre demande.\n\n"
      "Nous revenons vers vous au plus vite.\n\n"
      "Cordialement,\n"
      "{company}\n\n"
      "Ce message a été envoyé automatiquement.";
  std::int64_t version = 0;
  bool operator==(const InboxSettings&) const = default;
};

// A mailbox fetched through a mail connector plugin (relais/spi/mail.h).
struct Mailbox {
  std::string name;                       // 1 to 32 of a-z, 0-9, '_', '-'
  std::string plugin;                     // "maildir", "imap"
  std::string config;                     // the plugin's JSON
  std::string cursor;                     // where the next fetch starts (opaque)
  Timestamp created_at{};
  Timestamp updated_at{};
  std::int64_t version = 0;
  bool operator==(const Mailbox&) const = default;
};

struct FetchReport {
  std::string mailbox;
  std::size_t fetched = 0;                // messages read from the mailbox
  std::size_t stored = 0;                 // new records
  std::size_t already_stored = 0;         // seen before (the same Message-ID)
  std::size_t unreadable = 0;             // stored with a parse error
  std::string cursor;                     // saved for the next fetch
};

// What ingest() did with one message.
struct IngestResult {
  Mail mail;
  bool duplicate = false;                 // already stored: `mail` is the stored record, nothing changed
  std::optional<Ticket> ticket;           // opened or joined
  std::optional<Mail> acknowledgement;    // the auto-acknowledgement sent
};

struct FaqEntryDraft {
  std::string question;                   // required, up to 500 bytes
  std::string answer;                     // required, up to 100,000 bytes
  std::vector<std::string> tags;
  bool operator==(const FaqEntryDraft&) const = default;
};

struct FaqEntry : FaqEntryDraft {
  Uuid id;
  Timestamp created_at{};
  Timestamp updated_at{};
  std::int64_t version = 0;
  bool operator==(const FaqEntry&) const = default;
};

struct FaqSuggestion {
  FaqEntry entry;
  double score = 0;                       // the engine's relevance; higher is better
};

}  // namespace v1
}  // namespace relais
