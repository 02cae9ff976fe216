#pragma once
// The telephony SPI: what a "telephony" plugin implements to hand Relais the
// call log of a phone system (an IPBX such as 3CX or Alcatel OXO Connect, or
// a hosted PBX's web API), so that no call escapes the desk's trace.
//
// The connector only reads the phone system. It returns CallRecords as the
// phone system knows them; Relais decides what they become, through the same
// DeskService::import_calls() that CSV call logs go through (docs/desk.md):
//
//   auto pbx = ws.connect<spi::TelephonyConnector>("3cx", config);
//   spi::CallBatch batch = pbx->calls_since(cursor, 500);
//   ws.desk().import_calls({.system = pbx->system(), .users = extensions}, batch.calls);
//   cursor = batch.next_cursor;   // kept by the caller, e.g. next to its schedule
//
// Importing is idempotent (calls are recognised by their call id), so a
// caller that loses its cursor may start again from "" at no other cost than
// the reading.
//
// Errors: everything thrown must already be a relais::Error. A phone system
// that cannot be reached, or refuses the credentials, is a PluginError whose
// message names the host and never a password; a cursor this connector never
// returned is an InvalidInputError naming "cursor". A bad configuration given
// to the plugin's create() is an InvalidInputError naming the config field
// (see plugin.h).
#include <relais/desk/desk_import.h>
#include <relais/spi/plugin_kind.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace relais::inline v1::spi {

// What one read of the call log gives.
struct CallBatch {
  std::vector<CallRecord> calls;  // ended after the cursor, oldest first
  // Where the next read starts; opaque to Relais (a call id, a time...).
  // Equal to the cursor passed in when nothing new ended.
  std::string next_cursor;
};

// What a "telephony" plugin's create(config) returns; config is the
// plugin's own (a URL, an account: its documentation says). Not required
// to be thread-safe: the caller uses one object from one thread at a time.
class TelephonyConnector {
 public:
  virtual ~TelephonyConnector() = default;

  // The phone system's name, the key its call ids are unique under
  // (PhoneSystem::system): "3cx", "oxo". Stable across versions, since
  // calls already imported are recognised under it.
  virtual std::string system() const = 0;

  // Calls that ended after `cursor` ("" = as far back as the phone system
  // keeps), oldest first, at most `limit` (1 or more); fewer when no more
  // have ended. Each record carries the phone system's own call id when it
  // has one. Throws PluginError, InvalidInputError (see above).
  virtual CallBatch calls_since(std::string_view cursor, std::size_t limit) = 0;
};

template <>
struct PluginKind<TelephonyConnector> {
  static constexpr const char* name = "telephony";
};

}  // namespace relais::inline v1::spi
