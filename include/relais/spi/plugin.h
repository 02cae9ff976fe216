#pragma once
// The binary contract between the Relais host and a plugin shared library.
//
// A plugin exports exactly one C symbol, RELAIS_PLUGIN_ENTRY_NAME, returning a
// pointer to a static descriptor. The host reads abi_version before touching
// any other field and refuses the library when it differs from
// RELAIS_PLUGIN_ABI_VERSION. No C++ exception may cross create() or
// destroy(): a plugin reports failure by returning null and filling a
// relais_plugin_error, from which the host raises the matching relais::Error
// (a bad config is an InvalidInputError naming the field, as if the host had
// checked it). Use RELAIS_DEFINE_PLUGIN, which does that for you.
#include <relais/errors.h>

#include <cstddef>
#include <cstdint>

// Bump on any change to this header, to the SPI interfaces, or to the value
// types plugins exchange with the host.
#define RELAIS_PLUGIN_ABI_VERSION 3u
#define RELAIS_PLUGIN_ENTRY_NAME "relais_plugin_entry"

extern "C" {

// Why create() failed. Texts are NUL-terminated and cut to fit.
struct relais_plugin_error {
  int code;             // a relais::ErrorCode: invalid_input, storage, plugin...
  char field[128];      // invalid_input: the config field at fault ("uri.synchronous")
  char value[256];      // invalid_input: its value, already cut to a readable length
  char message[1024];   // why, in English
};

struct relais_plugin_descriptor {
  std::uint32_t abi_version;  // must be RELAIS_PLUGIN_ABI_VERSION
  const char* kind;           // "storage", "erp", "mail", "calendar", "classifier", "sync-transport", "telephony"
  const char* name;           // unique within its kind, e.g. "soci"
  const char* version;        // the plugin's own version, free form
  // Creates the plugin object for `config` (for storage: the workspace URI).
  // Returns an object of the kind's SPI interface (for "storage":
  // relais::spi::StorageBackend*, for "telephony":
  // relais::spi::TelephonyConnector*) owned by the caller, who gives it back
  // through destroy(); or null, with `error` filled in.
  void* (*create)(const char* config, relais_plugin_error* error);
  void (*destroy)(void* object);
};

typedef const relais_plugin_descriptor* (*relais_plugin_entry_fn)(void);
}

#include <cstdio>
#include <exception>

namespace relais::inline v1::spi::detail {

inline void report(relais_plugin_error* error, ErrorCode code, const char* message, const char* field = "",
                   const char* value = "") noexcept {
  if (!error) return;
  error->code = static_cast<int>(code);
  std::snprintf(error->field, sizeof error->field, "%s", field);
  std::snprintf(error->value, sizeof error->value, "%s", value);
  std::snprintf(error->message, sizeof error->message, "%s", message);
}

template <typename Interface, typename Factory>
void* guarded_create(Factory&& factory, const char* config, relais_plugin_error* error) noexcept {
  try {
    Interface* object = factory(config ? config : "");
    return static_cast<void*>(object);
  } catch (const InvalidInputError& invalid) {
    const FieldError& first = invalid.field_errors().front();
    report(error, ErrorCode::invalid_input, first.message.c_str(), first.field.c_str(), first.value.c_str());
  } catch (const Error& failure) {
    report(error, failure.code(), failure.what());
  } catch (const std::exception& failure) {
    report(error, ErrorCode::plugin, failure.what());
  } catch (...) {
    report(error, ErrorCode::plugin, "unknown error");
  }
  return nullptr;
}

}  // namespace relais::inline v1::spi::detail

// Defines the entry point for a plugin whose objects implement `Interface`.
// `factory` is an expression callable as `Interface* (const char* config)`;
// it may throw, and the macro turns the exception into an error message.
#define RELAIS_DEFINE_PLUGIN(Interface, kind_text, name_text, version_text, factory)          \
  extern "C" __attribute__((visibility("default"))) const relais_plugin_descriptor*           \
  relais_plugin_entry(void) {                                                                 \
    static const relais_plugin_descriptor descriptor = {                                      \
        RELAIS_PLUGIN_ABI_VERSION, kind_text, name_text, version_text,                        \
        [](const char* config, relais_plugin_error* error) noexcept -> void* {                \
          return ::relais::spi::detail::guarded_create<Interface>(factory, config, error);    \
        },                                                                                    \
        [](void* object) noexcept { delete static_cast<Interface*>(object); }};               \
    return &descriptor;                                                                       \
  }
