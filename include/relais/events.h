#pragma once
// Events: what changed, published after the transaction commits, never
// before. The same events are read by other processes as a durable feed over
// the journal (Workspace::changes_since).
#include <relais/clock.h>
#include <relais/export.h>
#include <relais/journal.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace relais {
inline namespace v1 {

struct Event {
  std::int64_t sequence = 0;  // the journal entry that recorded the change
  std::string type;           // "CustomerCreated", "CustomerUpdated", ...
  std::string entity;         // "customer"
  std::string entity_id;
  std::string actor;
  Timestamp time{};
  // What the journal entry recorded: the fields changed, before and after
  // as JSON text (for IncomingCall: "number" and the matched "customers").
  // Empty when the entry's payload was erased.
  std::vector<FieldChange> changes;
  bool operator==(const Event&) const = default;
};

// Keeps a subscription alive; unsubscribes on destruction or reset().
// Movable, not copyable. Safe to destroy from any thread, also from inside
// the handler; a delivery already running on another thread may still
// complete after reset() returns, but no new one starts.
class RELAIS_API Subscription {
 public:
  Subscription() noexcept;
  ~Subscription();
  Subscription(Subscription&&) noexcept;
  Subscription& operator=(Subscription&&) noexcept;
  Subscription(const Subscription&) = delete;
  Subscription& operator=(const Subscription&) = delete;

  void reset() noexcept;
  bool active() const noexcept;

  class Impl;
  explicit Subscription(std::unique_ptr<Impl> impl) noexcept;

 private:
  std::unique_ptr<Impl> impl_;
};

// A subscriber. Called on the thread that committed the change, after
// commit; an exception it throws is logged and swallowed, never undoing the
// commit nor stopping other subscribers.
using EventHandler = std::function<void(const Event&)>;

}  // namespace v1
}  // namespace relais
