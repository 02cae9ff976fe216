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
// MailReceived (a new mail stored), MailClassified, and the desk's
// TicketOpened / EmailLogged for the tickets and interactions mail creates.
#include <relais/export.h>
#include <relais/inbox/mail.h>
#include <relais/inbox/mail_category.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

namespace detail { class WorkspaceCore; }

class RELAIS_API InboxService {
 public:
  explicit InboxService(detail::WorkspaceCore& core) : core_(core) {}

  // ---- Stored mail

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
  // Admin only, journaled. Throws InvalidInputError ("attachment_limit_bytes"
  // 1 KiB to 100 MiB, "thread_window_days" 1 to 365, "confidence_threshold"
  // 0 to 1, "reply_from"), ConflictError.
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
  // (FTS5 bm25 on SQLite, ts_rank_cd on PostgreSQL), at most `limit` (1 to
  // 20); empty when no word of the text is in any entry. Read only.
  std::vector<FaqSuggestion> suggest_answers(std::string_view text, std::size_t limit = 3) const;
  // suggest_answers() for a mail's subject and new text. Throws NotFoundError.
  std::vector<FaqSuggestion> suggest_answers(const Uuid& mail, std::size_t limit = 3) const;

 private:
  detail::WorkspaceCore& core_;
};

}  // namespace v1
}  // namespace relais
