#pragma once
// What the desk brings in from outside: the call log of a phone system (a
// CSV export, or a telephony connector, see relais/spi/telephony.h), and the
// follow-up sheets the office kept in Excel before Relais. Plain value types;
// the calls are DeskService::import_calls(), import_call_log() and
// import_follow_up(). See docs/desk.md.
#include <relais/clock.h>
#include <relais/customers/import.h>
#include <relais/desk/interaction.h>

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace relais {
inline namespace v1 {

// One call as a phone system (PBX) recorded it.
struct CallRecord {
  // The phone system's own id of the call; "" when it gives none (the call
  // is then recognised by number and time only).
  std::string call_id;
  std::string number;                 // the other party, in any common writing
  Direction direction = Direction::inbound;
  Timestamp started_at{};
  std::chrono::seconds duration{0};   // conversation time
  bool answered = true;
  // The extension (or phone-system user) that took or made the call, as the
  // phone system names it: "201". "" when unknown.
  std::string extension;
  bool operator==(const CallRecord&) const = default;
};

// The phone system calls come from.
struct PhoneSystem {
  // Its name, the key its call ids are unique under ("oxo", "3cx"). Required.
  std::string system;
  // Extension -> login of the Relais user who answers on it. A call on an
  // extension not listed (or on none) is attributed to the acting user; its
  // extension is kept on the call either way (Interaction::source).
  std::map<std::string, std::string> users;
};

struct DeskImportOptions {
  // Rows per write transaction: other writers wait at most one batch.
  std::size_t batch_size = 1000;
};

struct CallLogReport {
  std::string system;
  std::string charset;                // as detected; "" for calls from a connector
  std::size_t rows = 0;               // == imported + already_logged + ignored + rejected
  std::size_t imported = 0;           // new calls, outcome to_qualify
  std::size_t matched = 0;            // of those, how many got their customer from the number
  std::size_t already_logged = 0;     // the same call was already traced: skipped
  std::size_t ignored = 0;            // rows the profile says to skip (internal calls)
  std::size_t rejected = 0;
  // 1-based data row (for a connector's calls: position in the list), and
  // why, naming the line, column, profile key and value (English).
  std::vector<ImportRejection> rejections;
};

struct FollowUpReport {
  std::string system;                 // the profile's
  std::string charset;                // as detected
  std::size_t rows = 0;               // == imported + already_imported + rejected
  std::size_t imported = 0;           // rows that became a ticket and a note
  std::size_t already_imported = 0;   // rows whose key an earlier import took: skipped
  std::size_t rejected = 0;
  std::vector<ImportRejection> rejections;
};

}  // namespace v1
}  // namespace relais
