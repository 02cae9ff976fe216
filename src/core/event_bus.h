#pragma once
// In-process delivery of events after commit (Boost.Signals2 inside, the
// RAII Subscription outside).
#include <relais/events.h>

#include <memory>
#include <string>
#include <string_view>

namespace relais::inline v1::detail {

// PascalCase(entity) + the past tense of action: ("customer", "create") ->
// "CustomerCreated". One rule for every area, so the durable feed and the
// in-process bus name events identically.
std::string event_type(std::string_view entity, std::string_view action);

// Thread-safe. Handlers run on the publishing thread; one that throws is
// logged and the others still run.
class EventBus {
 public:
  EventBus();
  ~EventBus();
  Subscription subscribe(EventHandler handler, std::string type);
  void publish(const Event& event) noexcept;
  // Whether anyone listens now: a writer with nobody to tell skips building
  // its events (a tick run by cron announces thousands to no one).
  bool has_subscribers() const noexcept;

 private:
  struct Signal;
  std::unique_ptr<Signal> signal_;
};

}  // namespace relais::inline v1::detail
