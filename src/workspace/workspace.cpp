#include <relais/version.h>
#include <relais/workspace.h>

#include "workspace/workspace_core.h"

#include <thread>

namespace relais {
inline namespace v1 {
namespace {

constexpr std::size_t kMaxFeedPage = 1000;

std::size_t checked_limit(std::size_t limit) {
  if (limit < 1 || limit > kMaxFeedPage) throw InvalidInputError("limit", std::to_string(limit), "expected 1 to 1000");
  return limit;
}

EventPage to_event_page(const std::vector<JournalEntry>& entries, JournalCursor cursor) {
  EventPage page;
  page.next_cursor = entries.empty() ? cursor : entries.back().sequence;
  for (const auto& entry : entries) page.events.push_back(detail::event_from_entry(entry));
  return page;
}

}  // namespace

std::string_view runtime_version() noexcept { return RELAIS_VERSION; }

Workspace Workspace::open(std::string_view uri, OpenOptions options) {
  auto engine = detail::open_engine(uri, options);
  auto actor = detail::resolve_actor(*engine, options.actor);
  return Workspace(std::make_shared<detail::WorkspaceCore>(std::move(engine), std::move(actor)));
}

Workspace::Workspace(std::shared_ptr<detail::WorkspaceCore> core) : core_(std::move(core)) {}
Workspace::~Workspace() = default;
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;

CustomerService& Workspace::customers() { return core_->customers; }
DeskService& Workspace::desk() { return core_->desk; }
ReminderService& Workspace::reminders() { return core_->reminders; }
UserService& Workspace::users() { return core_->users; }
ErpExchange& Workspace::erp() { return core_->erp; }
InboxService& Workspace::inbox() { return core_->inbox; }
SurveyService& Workspace::surveys() { return core_->surveys; }
DashboardService& Workspace::dashboard() { return core_->dashboard; }

std::shared_ptr<void> Workspace::create_plugin_object(std::string_view kind, std::string_view plugin,
                                                      std::string_view config) const {
  return core_->engine().host.create(kind, plugin, config);
}
const User& Workspace::actor() const { return core_->actor(); }
std::string_view Workspace::engine() const { return core_->engine().backend->dialect().engine(); }
const Clock& Workspace::clock() const { return core_->clock(); }

Workspace Workspace::as_user(std::string_view actor) const {
  auto engine = core_->shared_engine();
  auto user = detail::resolve_actor(*engine, actor);
  return Workspace(std::make_shared<detail::WorkspaceCore>(std::move(engine), std::move(user)));
}

Subscription Workspace::subscribe(EventHandler handler, std::string type) {
  if (!handler) throw InvalidInputError("handler", "", "must be callable");
  return core_->engine().bus.subscribe(std::move(handler), std::move(type));
}

EventPage Workspace::changes_since(JournalCursor cursor, std::size_t limit) const {
  return to_event_page(journal(cursor, limit).entries, cursor);
}

EventPage Workspace::wait_for_changes(JournalCursor cursor, std::chrono::milliseconds timeout,
                                      std::size_t limit) const {
  // Listen before looking, so a commit between the look and the wait still
  // wakes us.
  auto listener = core_->engine().backend->listen(detail::kJournalChannel);
  auto deadline = std::chrono::steady_clock::now() + timeout;
  auto poll = core_->engine().options.poll_interval;
  for (;;) {
    auto page = changes_since(cursor, limit);
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (!page.events.empty() || left <= std::chrono::milliseconds::zero()) return page;
    listener->wait(std::min(left, poll));
  }
}

JournalPage Workspace::journal(JournalCursor cursor, std::size_t limit) const {
  checked_limit(limit);
  return core_->read([&](spi::Connection& connection) {
    JournalPage page;
    page.entries = detail::read_journal(connection, cursor, limit);
    page.next_cursor = page.entries.empty() ? cursor : page.entries.back().sequence;
    return page;
  });
}

std::vector<JournalEntry> Workspace::history(std::string_view entity, std::string_view entity_id) const {
  return core_->read([&](spi::Connection& connection) { return detail::read_history(connection, entity, entity_id); });
}

JournalHead Workspace::journal_head() const {
  return core_->read([](spi::Connection& connection) { return detail::read_head(connection); });
}

JournalVerification Workspace::verify_journal(std::optional<JournalHead> expected_head) const {
  return core_->read([&](spi::Connection& connection) { return detail::verify_journal(connection, expected_head); });
}

void Workspace::erase_journal_payload(std::int64_t sequence) {
  core_->write(detail::Action::administer, [&](detail::WriteScope& scope) {
    detail::erase_payload(scope.connection(), sequence);
    scope.record({"journal", std::to_string(sequence), "erase", {}});
  });
}

}  // namespace v1
}  // namespace relais
