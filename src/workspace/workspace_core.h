#pragma once
// What every service of one workspace session shares: the engine (plugin,
// pool, event bus, clock), the bound actor, and the one authorization point
// and transaction helpers that every call goes through.
#include <relais/customers/customer_service.h>
#include <relais/dashboard/dashboard_service.h>
#include <relais/desk/desk_service.h>
#include <relais/reminders/reminder_service.h>
#include <relais/inbox/inbox_service.h>
#include <relais/surveys/survey_service.h>
#include <relais/spi/mail.h>
#include <relais/users.h>
#include <relais/workspace.h>

#include "core/event_bus.h"
#include "erp/connectors.h"
#include "host/connector_cache.h"
#include "host/plugin_host.h"
#include "inbox/classifier_slot.h"
#include "journal/journal.h"
#include "storage/connection_pool.h"
#include "storage/transaction.h"

#include <memory>
#include <optional>
#include <type_traits>
#include <vector>

namespace relais::inline v1::detail {

// What a call intends; the authorization point decides per actor.
enum class Action { read, write, administer };

// Shared by every session derived from one Workspace::open. Thread-safe.
struct Engine {
  Engine(OpenOptions options, std::string uri);
  OpenOptions options;
  std::shared_ptr<Clock> clock;
  PluginHost host;
  std::shared_ptr<spi::StorageBackend> backend;
  ConnectionPool pool;
  EventBus bus;
  ConnectorCache<spi::ErpConnector> erp_connectors;
  ConnectorCache<spi::MailConnector> mail_connectors;
  ClassifierSlot classifier;
};

// The open transaction of one mutating call: its connection, its time, and
// the journal entries it appended (published as events after commit).
class WriteScope {
 public:
  WriteScope(spi::Connection& connection, Timestamp now, const std::string& actor)
      : connection_(connection), now_(now), actor_(actor) {}
  spi::Connection& connection() { return connection_; }
  Timestamp now() const { return now_; }
  // Appends one journal entry. The head row is read and locked at the first
  // entry and moved once, by finish(): a transaction appending thousands of
  // entries (a tick, an import) does not rewrite it for each.
  const JournalEntry& record(JournalRecord record);
  // record() for each of `records`, in order, in multi-row inserts: for a
  // transaction appending many entries that it does not read back.
  void record_all(std::vector<JournalRecord> records);
  const std::vector<JournalEntry>& entries() const { return entries_; }
  // The entries recorded, moved out (the scope records no more after).
  std::vector<JournalEntry> take_entries() { return std::move(entries_); }
  // Moves the journal's head to the last entry recorded. WorkspaceCore::write
  // calls it before commit; anyone else running a WriteScope must too.
  void finish();

 private:
  spi::Connection& connection_;
  Timestamp now_;
  const std::string& actor_;
  std::vector<JournalEntry> entries_;
  std::optional<JournalHead> head_;  // the head locked, then the last entry recorded
};

Event event_from_entry(const JournalEntry& entry);

class WorkspaceCore {
 public:
  WorkspaceCore(std::shared_ptr<Engine> engine, User actor);
  WorkspaceCore(const WorkspaceCore&) = delete;

  Engine& engine() const { return *engine_; }
  std::shared_ptr<Engine> shared_engine() const { return engine_; }
  const User& actor() const { return actor_; }
  const Clock& clock() const { return *engine_->clock; }

  // The one authorization point. Today: reads and writes need an active
  // actor (checked at open), administration needs the admin role.
  // Throws PermissionDeniedError.
  void authorize(Action action) const;

  // Runs fn(Connection&) in a read transaction.
  template <typename Fn>
  auto read(Fn&& fn) const {
    authorize(Action::read);
    auto connection = engine_->pool.acquire();
    return in_transaction(*connection, spi::TransactionMode::read, std::forward<Fn>(fn));
  }

  // Runs fn(WriteScope&) in a write transaction; after commit, publishes one
  // event per journal entry the call appended.
  template <typename Fn>
  auto write(Action action, Fn&& fn) {
    authorize(action);
    auto connection = engine_->pool.acquire();
    WriteScope scope(*connection, clock().now(), actor_.login);
    if constexpr (std::is_void_v<std::invoke_result_t<Fn, WriteScope&>>) {
      in_transaction(*connection, spi::TransactionMode::write, [&](spi::Connection&) {
        fn(scope);
        scope.finish();
      });
      publish(scope);
    } else {
      auto result = in_transaction(*connection, spi::TransactionMode::write, [&](spi::Connection&) {
        auto value = fn(scope);
        scope.finish();
        return value;
      });
      publish(scope);
      return result;
    }
  }

  CustomerService customers;
  DeskService desk;
  ReminderService reminders;
  UserService users;
  ErpExchange erp;
  InboxService inbox;
  SurveyService surveys;
  DashboardService dashboard;

 private:
  void publish(WriteScope& scope) const;

  std::shared_ptr<Engine> engine_;
  User actor_;
};

// Opens the engine for `uri`: loads the storage plugin, migrates, creates
// the first admin in a new workspace.
std::shared_ptr<Engine> open_engine(std::string_view uri, const OpenOptions& options);
// Resolves "login" or "role:login" to an active user of the engine.
// Throws PermissionDeniedError.
User resolve_actor(Engine& engine, std::string_view actor);

}  // namespace relais::inline v1::detail
