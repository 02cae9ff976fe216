#pragma once
// Interactions: every call, email, visit, note and SMS, each traced against
// a customer (and a contact, site or ticket where known). Plain value types.
#include <relais/clock.h>
#include <relais/export.h>
#include <relais/ids.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace relais {
inline namespace v1 {

enum class InteractionKind { call, email, visit, note, sms };
enum class Direction { inbound, outbound };
// How a call went. `to_qualify`: found in a phone system's call log and not
// yet described by anyone; the desk lists these so that no call escapes.
// `no_follow_up`: dealt with on the spot, nothing to follow (a wrong number,
// a question answered at once): closed on purpose rather than forgotten, so
// that it counts as traced without a ticket (the dashboard's traceability).
// It is the one outcome an email or an SMS may carry too.
enum class CallOutcome { answered, missed, voicemail, callback_promised, transferred, to_qualify, no_follow_up };

// "call", "email"...; parse_* throw InvalidInputError naming `field`.
RELAIS_API std::string_view to_string(InteractionKind kind) noexcept;
RELAIS_API std::string_view to_string(Direction direction) noexcept;
RELAIS_API std::string_view to_string(CallOutcome outcome) noexcept;
RELAIS_API InteractionKind parse_interaction_kind(std::string_view text, std::string_view field = "kind");
RELAIS_API Direction parse_direction(std::string_view text, std::string_view field = "direction");
RELAIS_API CallOutcome parse_call_outcome(std::string_view text, std::string_view field = "outcome");

// Where a call read from a phone system's log came from (import_calls(),
// import_call_log()): what the phone system said about it, kept as it was
// while people qualify the call.
struct CallSource {
  std::string system;                 // "oxo", "3cx": the PhoneSystem's name
  std::string call_id;                // the phone system's id of the call; "" when it gave none
  std::string extension;              // the extension that took or made it; "" when unknown
  bool answered = true;               // false: nobody picked up (a callback is owed)
  bool operator==(const CallSource&) const = default;
};

struct Interaction {
  Uuid id;
  InteractionKind kind = InteractionKind::note;
  // Null only for a call still to qualify whose number matched nobody.
  std::optional<Uuid> customer;
  std::optional<Uuid> contact;        // one of the customer's contacts
  std::optional<Uuid> site;           // one of the customer's sites
  std::optional<Uuid> ticket;
  Timestamp occurred_at{};            // start of the call, time of the visit...
  std::string user;                   // login of who took the call, made the visit, wrote the note
  std::string subject;
  std::string notes;
  // Calls, SMS and emails:
  Direction direction = Direction::inbound;
  // Calls and SMS: the other party's number, E.164.
  std::string phone;
  // Calls:
  std::chrono::seconds duration{0};
  // Calls; emails and SMS may carry no_follow_up only.
  std::optional<CallOutcome> outcome;
  // Calls imported from a phone system's log; unset for everything typed in.
  std::optional<CallSource> source;
  Timestamp created_at{};
  Timestamp updated_at{};
  std::int64_t version = 0;
  bool operator==(const Interaction&) const = default;
};

// What log_call() takes. The number may be written in any common format;
// it is stored in E.164.
struct CallDraft {
  std::optional<Uuid> customer;       // required unless outcome is to_qualify
  std::optional<Uuid> contact;
  std::optional<Uuid> site;
  std::optional<Uuid> ticket;
  Direction direction = Direction::inbound;
  std::string phone;
  // Unset: now.
  std::optional<Timestamp> started_at;
  std::chrono::seconds duration{0};
  // Who took or made the call; empty: the acting user.
  std::string user;
  std::string subject;
  std::string notes;
  CallOutcome outcome = CallOutcome::answered;
};

// What log_interaction() takes, for a visit, note, SMS or email (calls go
// through log_call()).
struct InteractionDraft {
  InteractionKind kind = InteractionKind::note;
  Uuid customer;
  std::optional<Uuid> contact;
  std::optional<Uuid> site;
  std::optional<Uuid> ticket;
  std::optional<Timestamp> occurred_at;  // unset: now
  std::string user;                      // empty: the acting user
  std::string subject;
  std::string notes;
  Direction direction = Direction::inbound;  // SMS and email
  std::string phone;                         // SMS
};

// A change to an interaction: only the set members change. Qualifying a
// call found in a call log sets its customer, subject and outcome.
struct InteractionChanges {
  std::optional<Uuid> customer;
  std::optional<std::optional<Uuid>> contact;
  std::optional<std::optional<Uuid>> site;
  std::optional<std::optional<Uuid>> ticket;
  std::optional<std::string> subject;
  std::optional<std::string> notes;
  std::optional<CallOutcome> outcome;
  std::optional<std::chrono::seconds> duration;
};

}  // namespace v1
}  // namespace relais
