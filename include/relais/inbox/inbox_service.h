#pragma once
// The inbox: mail intake. Each message is parsed, stored once (by
// Message-ID), matched to a customer or contact, threaded into its ticket,
// classified, and dispatched by the workspace's rules: it opens a ticket,
// joins its thread's ticket, is filed, or waits in triage for the assistant.
// Mailboxes are fetched through mail connector plugins, acknowledgements
// sent through them. See docs/inbox.md.
//
// Thread-safe; obtained from Workspace::inbox() and valid while the
// Workspace lives. Every call passes the workspace's authorization point.
// Mutating calls on existing records take the version they expect and throw
// ConflictError (nothing written) when it is stale. Events, after commit:
// MailReceived (a new mail stored), MailClassified, MailDispatched,
// MailCorrected, MailSent (an acknowledgement), and the desk's TicketOpened,
// EmailLogged and TicketStatusChanged for what mail does on the desk.
#include <relais/export.h>
#include <relais/inbox/mail.h>
#include <relais/inbox/mail_category.h>
#include <relais/spi/classifier.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

namespace detail { class WorkspaceCore; }

class RELAIS_API InboxService {
 public:
  explicit InboxService(detail::WorkspaceCore& core) : core_(core) {}

  // ---- Intake

  // Takes one raw RFC 5322 message (as a mail connector or a .eml file
  // gives it) received in `mailbox` ("" when none). Idempotent: a message
  // whose Message-ID (or, without one, whose bytes' SHA-256) is stored
  // already changes nothing and comes back with duplicate = true. A message
  // that cannot be parsed is stored with its parse error, in triage; it is
  // never refused. Otherwise, in one write transaction: the message is
  // stored (its raw bytes and attachments by content hash; attachments over
  // InboxSettings::attachment_limit_bytes, and a raw message over 4/3 of it
  // + 1 MiB, are recorded but not kept), matched, threaded, classified and
  // dispatched (docs/inbox.md), and the acknowledgement a rule asks for is
  // composed and stored as an outgoing mail. The acknowledgement is sent
  // through the mailbox's connector after commit; a failure to send is
  // logged, not thrown (the mail is stored). Mail ingested without a mailbox
  // is never answered. A classifier that cannot be created, or has no usable
  // model, leaves the mail unclassified, in triage, the reason among its
  // problems: intake never stops for the model. Throws InvalidInputError naming "raw" (empty),
  // NotFoundError naming "mailbox" (not configured), PluginError (the
  // mailbox's connector could not be created).
  IngestResult ingest(std::string_view raw, std::string_view mailbox = {});

  // Takes many raw messages received in `mailbox` ("" when none) as the
  // single-message ingest() takes one (which is this call for a batch of
  // one), committing once for the batch: parsing and classifying run first,
  // outside any transaction, then one write transaction stores, matches,
  // threads and dispatches every message in the order given. Returns one
  // result per message, in that order. Within the batch:
  //  - a Message-ID given twice is stored once; the second result has
  //    duplicate = true and the record the first stored (as is a message
  //    stored before the call);
  //  - a reply threads into the ticket its original opened earlier in the
  //    same batch (the transaction sees its own writes);
  //  - a message that cannot be parsed is stored with its parse error, in
  //    triage, and the others are ingested as usual.
  // Nothing of the batch is written when the transaction fails: the error
  // propagates (StorageError, or a ConflictError other than a concurrent
  // insert of one of these messages, which is retried once and then comes
  // back as duplicate). Events are published after commit in the order of
  // the messages, then the acknowledgements are sent in that order (a
  // failure to send is logged, not thrown). `raws` is only read during the
  // call; the whole batch is held in memory parsed, so callers with
  // thousands of messages pass them a few hundred at a time (fetch() uses
  // its `batch`). An empty `raws` does nothing. Thread-safe. Throws
  // InvalidInputError naming every empty message ("raws[3]") before
  // anything is parsed or written, NotFoundError naming "mailbox",
  // PluginError.
  std::vector<IngestResult> ingest(std::span<const std::string> raws, std::string_view mailbox = {});

  // Throws NotFoundError.
  Mail get(const Uuid& mail) const;
  // The raw bytes as received (to re-parse, to export). Throws NotFoundError
  // (mail unknown, or its raw message was over the limit and not kept).
  std::string raw(const Uuid& mail) const;
  // The bytes of a kept attachment, by its SHA-256. Throws NotFoundError.
  std::string attachment(std::string_view sha256) const;
  // The mails of a ticket (incoming and outgoing), oldest first. Throws
  // NotFoundError.
  std::vector<Mail> thread(const Uuid& ticket) const;

  // ---- Triage

  // Mails waiting in triage, oldest first, `limit` 1 to 500, `after` the
  // previous page's next_cursor. Throws InvalidInputError ("limit", "after").
  MailPage triage(std::size_t limit = 50, std::string_view after = {}) const;
  // The assistant's category for a mail: stored (journaled, action
  // "correct"), kept for retraining, and the mail dispatched again by the
  // rules when it is in triage (a mail that already opened or joined a
  // ticket keeps it). Throws NotFoundError, ConflictError (stale version),
  // InvalidInputError naming "category" (for the text overload).
  IngestResult correct(const Uuid& mail, std::int64_t expected_version, MailCategory category,
                       std::optional<MailUrgency> urgency = std::nullopt);
  IngestResult correct(const Uuid& mail, std::int64_t expected_version, std::string_view category);

  // Trains a new model of the classifier plugin on `corpus` (the plugin's
  // base corpus: for "fasttext", the generated one, tools/synth) plus every
  // correction stored, stores it in the workspace (so that every process
  // classifies alike from then on) and uses it. Admin only, journaled
  // (entity "inbox_model", action "train"). Returns the model's name. Throws
  // PermissionDeniedError, PluginError, InvalidInputError naming "examples"
  // (nothing to learn from).
  std::string retrain(const std::vector<spi::LabelledMail>& corpus);
  // retrain() on the base corpus shipped with Relais, the one the shipped
  // fastText model was trained on (shipped_mail_corpus_path(),
  // relais/inbox/mail_corpus.h), plus every correction: what a maintenance
  // job, a Python script or `relais inbox retrain` calls. Throws as above,
  // and NotFoundError (entity "corpus") when the corpus file is missing,
  // InvalidInputError ("corpus:<line>") when it is damaged.
  std::string retrain();

  // ---- Dispatch rules (tried by position; the first match wins)

  std::vector<DispatchRule> rules() const;
  // Admin only, journaled (entity "dispatch_rule"). Throws
  // InvalidInputError listing every bad field ("name", "queue",
  // "assignee", "when.keywords[2]", "when.sender_domain"), ConflictError (a
  // rule of that name exists; a stale version), NotFoundError.
  DispatchRule add_rule(const DispatchRuleDraft& draft);
  DispatchRule update_rule(const Uuid& rule, std::int64_t expected_version, const DispatchRuleDraft& draft);
  void remove_rule(const Uuid& rule, std::int64_t expected_version);

  // ---- Settings and mailboxes

  InboxSettings settings() const;
  // Stores `settings` read at settings.version. Admin only, journaled
  // (entity "inbox_settings"). Throws InvalidInputError listing every bad
  // field ("attachment_limit_bytes" 1 KiB to 100 MiB, "thread_window_days"
  // 1 to 365, "confidence_threshold" 0 to 1, "classifier_plugin",
  // "reply_from", "acknowledgement_template" without {ticket}),
  // ConflictError (a stale version).
  InboxSettings configure(const InboxSettings& settings);

  // Configures mailbox `name` to be read through mail plugin `plugin` with
  // `config`: `expected_version` 0 adds it, else the version read (the
  // cursor is kept when plugin and config are unchanged, reset otherwise).
  // The connector is created first, so a bad config stores nothing. Admin
  // only, journaled (entity "mailbox"). Throws PermissionDeniedError,
  // PluginError, InvalidInputError (name, plugin, "config.<key>"),
  // ConflictError, NotFoundError.
  Mailbox configure_mailbox(std::string_view name, std::string_view plugin, std::string_view config,
                            std::int64_t expected_version = 0);
  std::vector<Mailbox> mailboxes() const;
  // Reads what arrived since the stored cursor, `batch` messages at a time
  // (1 to 500) until the mailbox is empty: ingests each batch as the batch
  // ingest() does (one transaction), acknowledges it to the connector, then
  // saves the cursor. A crash in between
  // fetches the batch again, which ingestion absorbs. Calls for one mailbox
  // are serialized within the process. Throws NotFoundError, PluginError,
  // StorageError, InvalidInputError (the connector gave an empty message:
  // nothing of its batch is stored, acknowledged or passed).
  FetchReport fetch(std::string_view mailbox, std::size_t batch = 50);

  // ---- FAQ (suggested answers to information requests)

  // Throws InvalidInputError ("question", "answer", "tags[i]").
  FaqEntry add_faq(const FaqEntryDraft& draft);
  FaqEntry update_faq(const Uuid& entry, std::int64_t expected_version, const FaqEntryDraft& draft);
  void remove_faq(const Uuid& entry, std::int64_t expected_version);
  // Throws NotFoundError.
  FaqEntry get_faq(const Uuid& entry) const;
  // Entries by question, `limit` 1 to 500, `after` a previous next entry id.
  std::vector<FaqEntry> faq(std::size_t limit = 100, std::string_view after = {}) const;
  // The entries answering `text` best, ranked by the engine's relevance
  // (FTS5 bm25 on SQLite, ts_rank on PostgreSQL: the storage SPI's rank
  // expression, as search uses), at most `limit` (1 to
  // 20); empty when no word of the text is in any entry. Read only.
  std::vector<FaqSuggestion> suggest_answers(std::string_view text, std::size_t limit = 3) const;
  // suggest_answers() for a mail's subject and new text. Throws NotFoundError.
  std::vector<FaqSuggestion> suggest_answers(const Uuid& mail, std::size_t limit = 3) const;

 private:
  detail::WorkspaceCore& core_;
};

}  // namespace v1
}  // namespace relais
