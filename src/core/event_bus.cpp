#include "core/event_bus.h"

#include "core/log.h"

#include <boost/signals2.hpp>

#include <cctype>

namespace relais {
inline namespace v1 {

class Subscription::Impl {
 public:
  explicit Impl(boost::signals2::connection connection) : connection_(std::move(connection)) {}
  boost::signals2::scoped_connection connection_;
};

Subscription::Subscription() noexcept = default;
Subscription::Subscription(std::unique_ptr<Impl> impl) noexcept : impl_(std::move(impl)) {}
Subscription::~Subscription() = default;
Subscription::Subscription(Subscription&&) noexcept = default;
Subscription& Subscription::operator=(Subscription&&) noexcept = default;
void Subscription::reset() noexcept { impl_.reset(); }
bool Subscription::active() const noexcept { return impl_ && impl_->connection_.connected(); }

namespace detail {
namespace {

// Events whose name does not follow <Entity><action in the past tense>.
struct NamedEvent {
  std::string_view entity;
  std::string_view action;
  std::string_view type;
};
constexpr NamedEvent kNamedEvents[] = {
    {"incoming_call", "ring", "IncomingCall"},
    {"ticket", "set_status", "TicketStatusChanged"},
    {"ticket", "set_stage", "TicketStageChanged"},
    {"reminder", "cancel", "ReminderCancelled"},
    {"reminder", "due", "ReminderDue"},
    {"reminder", "overdue", "ReminderOverdue"},
    {"mail", "classify", "MailClassified"},
    {"mail", "send", "MailSent"},
    {"survey", "send", "SurveySent"},
    {"survey", "fail", "SurveySendFailed"},
    {"survey", "skip", "SurveySkipped"},
    {"survey", "cancel", "SurveyCancelled"},
};

std::string past_tense(std::string_view action) {
  std::string word(action);
  if (word.empty()) return word;
  word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  if (word == "Log") return "Logged";  // the one verb here that doubles its consonant
  if (word.back() == 'e') return word + "d";
  return word + "ed";
}

std::string pascal_case(std::string_view text) {
  std::string result;
  bool upper = true;
  for (char c : text) {
    if (c == '_' || c == '-') { upper = true; continue; }
    result += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return result;
}

}  // namespace

std::string event_type(std::string_view entity, std::string_view action) {
  for (const auto& named : kNamedEvents) {
    if (named.entity == entity && named.action == action) return std::string(named.type);
  }
  return pascal_case(entity) + past_tense(action);
}

struct EventBus::Signal {
  boost::signals2::signal<void(const Event&)> signal;
};

EventBus::EventBus() : signal_(std::make_unique<Signal>()) {}
EventBus::~EventBus() = default;

Subscription EventBus::subscribe(EventHandler handler, std::string type) {
  auto guarded = [handler = std::move(handler), type = std::move(type)](const Event& event) {
    if (!type.empty() && event.type != type) return;
    try {
      handler(event);
    } catch (const std::exception& error) {
      log_warning("event subscriber for " + event.type + " threw: " + error.what());
    } catch (...) {
      log_warning("event subscriber for " + event.type + " threw a non-standard exception");
    }
  };
  return Subscription(std::make_unique<Subscription::Impl>(signal_->signal.connect(std::move(guarded))));
}

bool EventBus::has_subscribers() const noexcept { return !signal_->signal.empty(); }

void EventBus::publish(const Event& event) noexcept {
  try {
    signal_->signal(event);
  } catch (...) {
    log_warning("event delivery failed for " + event.type);
  }
}

}  // namespace detail
}  // namespace v1
}  // namespace relais
