#pragma once
// The Workspace: one company's data, opened from a URI, handing out the
// services. This is where every program starts:
//
//   auto ws = relais::Workspace::open("sqlite:///var/lib/relais/duret.db",
//                                     {.actor = "marie"});
//   auto customer = ws.customers().create({.name = "Hélène Martin"});
#include <relais/clock.h>
#include <relais/customers/customer_service.h>
#include <relais/dashboard/dashboard_service.h>
#include <relais/desk/desk_service.h>
#include <relais/erp/erp_exchange.h>
#include <relais/errors.h>
#include <relais/events.h>
#include <relais/inbox/inbox_service.h>
#include <relais/export.h>
#include <relais/journal.h>
#include <relais/reminders/reminder_service.h>
#include <relais/surveys/survey_service.h>
#include <relais/spi/plugin_kind.h>
#include <relais/users.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

struct OpenOptions {
  // The acting user: "login" or "role:login" (the role must then match).
  // Must be a known, active user; a new workspace has only "admin".
  std::string actor = "admin";
  // Time source; the system clock when null.
  std::shared_ptr<Clock> clock;
  // Folders searched for plugins before RELAIS_PLUGIN_PATH and the install
  // prefix.
  std::vector<std::string> plugin_paths;
  // Connections kept open for concurrent calls (1 to 64).
  std::size_t pool_size = 4;
  // How often a SQLite change feed polls while waiting.
  std::chrono::milliseconds poll_interval{100};
  // The storage plugin to use; empty picks the one for the URI scheme
  // ("soci" for sqlite and postgresql).
  std::string storage_plugin;
};

struct EventPage {
  std::vector<Event> events;
  JournalCursor next_cursor = 0;
};

namespace detail { class WorkspaceCore; }

// Thread-safe: every call takes a pooled connection. Movable, not copyable.
class RELAIS_API Workspace {
 public:
  // Opens (and creates when missing) the workspace at `uri`:
  //   sqlite:///absolute/path.db or sqlite://relative/path.db
  //     query options: synchronous=FULL|NORMAL (default FULL),
  //     busy_timeout=<ms> (default 10000)
  //   postgresql://user[:password]@host[:port]/database
  // Loads the storage plugin, runs pending schema migrations, binds the actor.
  // Throws InvalidInputError (bad URI or options), PluginError (no storage
  // plugin), StorageError (unreachable, or schema newer than this library),
  // PermissionDeniedError (unknown or inactive actor).
  static Workspace open(std::string_view uri, OpenOptions options = {});

  ~Workspace();
  Workspace(Workspace&&) noexcept;
  Workspace& operator=(Workspace&&) noexcept;

  CustomerService& customers();
  DeskService& desk();
  // Follow-up rules, reminders, the business calendar and the scheduler.
  ReminderService& reminders();
  UserService& users();
  // Exchanging customers with the external systems (ERP, Sage).
  ErpExchange& erp();
  // Mail intake: mailboxes, matching, threading, triage, dispatch rules.
  InboxService& inbox();
  // Satisfaction surveys: sending, relaunches, answers, figures.
  SurveyService& surveys();
  // The daily dashboard: build(query) for one person or the whole office
  // (docs/dashboard.md).
  DashboardService& dashboard();

  // The bound actor, as read at open.
  const User& actor() const;
  // A session for another user sharing this workspace's connections.
  // Throws PermissionDeniedError for an unknown or inactive user.
  Workspace as_user(std::string_view actor) const;

  // "sqlite" or "postgresql".
  std::string_view engine() const;
  const Clock& clock() const;

  // In-process events of this workspace (and of sessions derived with
  // as_user), after commit. `type` filters ("CustomerCreated"); empty = all.
  Subscription subscribe(EventHandler handler, std::string type = {});

  // The durable feed: events committed after `cursor`, by any process,
  // oldest first, at most `limit` (1 to 1000).
  EventPage changes_since(JournalCursor cursor, std::size_t limit = 100) const;
  // Like changes_since, but when nothing is new waits up to `timeout` for a
  // commit (LISTEN/NOTIFY on PostgreSQL, polling on SQLite). Releases no
  // lock while waiting; safe to call from a dedicated thread.
  EventPage wait_for_changes(JournalCursor cursor, std::chrono::milliseconds timeout,
                             std::size_t limit = 100) const;

  // Full journal entries after `cursor` (the audit trail).
  JournalPage journal(JournalCursor cursor, std::size_t limit = 100) const;
  // The history of one record, oldest first.
  std::vector<JournalEntry> history(std::string_view entity, std::string_view entity_id) const;
  // The current head, to keep outside the database (with a backup).
  JournalHead journal_head() const;
  // Recomputes the chain. With `expected_head`, also detects entries cut off
  // the end. Never throws for tampering: it reports it.
  JournalVerification verify_journal(std::optional<JournalHead> expected_head = {}) const;
  // GDPR erasure: blanks the payload of entry `sequence`, keeping its hash so
  // the chain still verifies. Admin only. Throws NotFoundError.
  void erase_journal_payload(std::int64_t sequence);

  // Opens a connector: an object implementing `Interface`
  // (spi::TelephonyConnector...) created by the plugin named `plugin` of the
  // interface's kind (spi::PluginKind), for `config`, the plugin's own
  // configuration text. Plugins are found on this workspace's search path
  // (OpenOptions::plugin_paths, RELAIS_PLUGIN_PATH, the install folder). The
  // caller owns the object, which keeps its library loaded; it may outlive
  // the workspace. Thread-safe; the object is used by one thread at a time
  // unless its SPI says otherwise. Throws PluginError (no such plugin, or it
  // failed: the message lists the folders searched or carries the plugin's
  // own), InvalidInputError naming "config.<key>" (a bad configuration).
  template <class Interface>
  std::shared_ptr<Interface> connect(std::string_view plugin, std::string_view config) const {
    return std::static_pointer_cast<Interface>(create_plugin_object(spi::PluginKind<Interface>::name, plugin, config));
  }

  explicit Workspace(std::shared_ptr<detail::WorkspaceCore> core);

 private:
  std::shared_ptr<void> create_plugin_object(std::string_view kind, std::string_view plugin,
                                             std::string_view config) const;

  std::shared_ptr<detail::WorkspaceCore> core_;
};

// The version of the library actually linked (compare with RELAIS_VERSION).
RELAIS_API std::string_view runtime_version() noexcept;

}  // namespace v1
}  // namespace relais
