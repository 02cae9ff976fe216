#include "workspace/workspace_core.h"

#include "customers/customer_store.h"
#include "customers/duplicate_store.h"
#include "customers/merge_store.h"
#include "customers/import/import_store.h"
#include "desk/desk_store.h"
#include "erp/erp_store.h"
#include "inbox/faq_store.h"
#include "inbox/inbox_store.h"
#include "reminders/reminder_store.h"
#include "search/search_index.h"
#include "surveys/survey_store.h"
#include "users/user_store.h"

namespace relais::inline v1::detail {
namespace {

constexpr std::size_t kMaxPoolSize = 64;

std::string storage_plugin_for(std::string_view uri, const OpenOptions& options) {
  auto scheme_end = uri.find("://");
  if (scheme_end == std::string_view::npos) {
    throw InvalidInputError("uri", uri, "expected sqlite:///path.db or postgresql://user@host:port/db");
  }
  std::string_view scheme = uri.substr(0, scheme_end);
  if (!options.storage_plugin.empty()) return options.storage_plugin;
  if (scheme == "sqlite" || scheme == "postgresql" || scheme == "postgres") return "soci";
  throw InvalidInputError("uri", uri, "unknown scheme '" + std::string(scheme) + "': expected sqlite or postgresql");
}

std::size_t checked_pool_size(std::size_t size) {
  if (size < 1 || size > kMaxPoolSize) {
    throw InvalidInputError("pool_size", std::to_string(size), "expected 1 to 64");
  }
  return size;
}

// The schema areas in dependency order; a new area appends itself here.
const SchemaArea* schema_areas(std::size_t& count) {
  static const SchemaArea areas[] = {journal_schema(), users_schema(), search_schema(), customers_schema(),
                                     customer_matching_schema(),
                                     customer_imports_schema(),
                                     customer_merges_schema(),
                                     desk_schema(),
                                     erp_schema(),
                                     reminders_schema(),
                                     inbox_schema(),
                                     faq_schema(),
                                     surveys_schema()};
  count = std::size(areas);
  return areas;
}

void prepare_database(Engine& engine) {
  auto connection = engine.pool.acquire();
  std::size_t count = 0;
  const SchemaArea* areas = schema_areas(count);
  migrate(*connection, std::span(areas, count));
  const std::string system_actor = "system";
  in_transaction(*connection, spi::TransactionMode::write, [&](spi::Connection& c) {
    WriteScope scope(c, engine.clock->now(), system_actor);
    create_first_admin(scope);
    scope.finish();
  });
}

}  // namespace

Engine::Engine(OpenOptions open_options, std::string uri)
    : options(std::move(open_options)),
      clock(options.clock ? options.clock : system_clock()),
      host(options.plugin_paths),
      backend(host.create_as<spi::StorageBackend>("storage", storage_plugin_for(uri, options), uri)),
      pool(backend, checked_pool_size(options.pool_size)) {}

const JournalEntry& WriteScope::record(JournalRecord record) {
  // Announced once per transaction; PostgreSQL delivers it at commit.
  if (entries_.empty()) connection_.notify(kJournalChannel);
  if (!head_) head_ = lock_journal_head(connection_);
  entries_.push_back(insert_journal_entry(connection_, *head_, now_, actor_, record));
  head_ = JournalHead{entries_.back().sequence, entries_.back().hash};
  return entries_.back();
}

void WriteScope::record_all(std::vector<JournalRecord> records) {
  if (records.empty()) return;
  if (entries_.empty()) connection_.notify(kJournalChannel);
  if (!head_) head_ = lock_journal_head(connection_);
  auto inserted = insert_journal_entries(connection_, *head_, now_, actor_, std::move(records));
  entries_.insert(entries_.end(), std::make_move_iterator(inserted.begin()), std::make_move_iterator(inserted.end()));
  head_ = JournalHead{entries_.back().sequence, entries_.back().hash};
}

void WriteScope::finish() {
  if (head_ && !entries_.empty()) save_journal_head(connection_, *head_);
}

Event event_from_entry(const JournalEntry& entry) {
  return Event{entry.sequence, event_type(entry.entity, entry.action), entry.entity, entry.entity_id,
               entry.actor, entry.time, entry.changes};
}

WorkspaceCore::WorkspaceCore(std::shared_ptr<Engine> engine, User actor)
    : customers(*this), desk(*this), reminders(*this), users(*this), erp(*this), inbox(*this), surveys(*this),
      dashboard(*this), engine_(std::move(engine)),
      actor_(std::move(actor)) {}

void WorkspaceCore::authorize(Action action) const {
  if (action == Action::administer && actor_.role != Role::admin) {
    throw PermissionDeniedError("user '" + actor_.login + "' (" + std::string(to_string(actor_.role)) +
                                    ") may not administer the workspace",
                                {{"actor", actor_.login}, {"action", "administer"}});
  }
}

void WorkspaceCore::publish(WriteScope& scope) const {
  if (!engine_->bus.has_subscribers()) return;
  // The entries are not read after commit: their changes move into the
  // events rather than being copied (a tick publishes thousands).
  for (auto& entry : scope.take_entries()) {
    std::string type = event_type(entry.entity, entry.action);
    engine_->bus.publish(Event{entry.sequence, std::move(type), std::move(entry.entity),
                               std::move(entry.entity_id), std::move(entry.actor), entry.time,
                               std::move(entry.changes)});
  }
}

std::shared_ptr<Engine> open_engine(std::string_view uri, const OpenOptions& options) {
  auto engine = std::make_shared<Engine>(options, std::string(uri));
  prepare_database(*engine);
  return engine;
}

User resolve_actor(Engine& engine, std::string_view actor) {
  std::string_view login = actor;
  std::optional<Role> role;
  if (auto colon = actor.find(':'); colon != std::string_view::npos) {
    role = parse_role(actor.substr(0, colon), "actor");
    login = actor.substr(colon + 1);
  }
  auto connection = engine.pool.acquire();
  auto user = in_transaction(*connection, spi::TransactionMode::read,
                             [&](spi::Connection& c) { return find_user(c, login); });
  auto deny = [&](const std::string& why) {
    return PermissionDeniedError("actor '" + quote_value(actor) + "' " + why, {{"actor", quote_value(actor)}});
  };
  if (!user) throw deny("is not a user of this workspace");
  if (!user->active) throw deny("is deactivated");
  if (role && *role != user->role) throw deny("does not have the role " + std::string(to_string(*role)));
  return *user;
}

}  // namespace relais::inline v1::detail
