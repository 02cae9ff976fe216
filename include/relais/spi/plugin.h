#pragma once
// The binary contract between the Relais host and a plugin shared library.
//
// A plugin exports exactly one C symbol, RELAIS_PLUGIN_ENTRY_NAME, returning a
// pointer to a static descriptor. The host reads abi_version before touching
// any other field and refuses the library when it differs from
// RELAIS_PLUGIN_ABI_VERSION. No C++ exception may cross create() or
// destroy(): a plugin reports failure by returning null and writing a
// message into error_buffer. Use RELAIS_DEFINE_PLUGIN, which does that for you.
#include <cstddef>
#include <cstdint>

// Bump on any change to this header, to the SPI interfaces, or to the value
// types plugins exchange with the host.
#define RELAIS_PLUGIN_ABI_VERSION 1u
#define RELAIS_PLUGIN_ENTRY_NAME "relais_plugin_entry"

extern "C" {

struct relais_plugin_descriptor {
  std::uint32_t abi_version;  // must be RELAIS_PLUGIN_ABI_VERSION
  const char* kind;           // "storage", "erp", "mail", "calendar", "classifier", "sync-transport"
  const char* name;           // unique within its kind, e.g. "soci"
  const char* version;        // the plugin's own version, free form
  // Creates the plugin object for `config` (for storage: the workspace URI).
  // Returns an object of the kind's SPI interface (for "storage":
  // relais::spi::StorageBackend*) owned by the caller, who gives it back
  // through destroy(); or null, with a NUL-terminated message in error_buffer.
  void* (*create)(const char* config, char* error_buffer, std::size_t error_buffer_size);
  void (*destroy)(void* object);
};

typedef const relais_plugin_descriptor* (*relais_plugin_entry_fn)(void);
}

#include <cstdio>
#include <exception>

namespace relais::inline v1::spi::detail {
template <typename Interface, typename Factory>
void* guarded_create(Factory&& factory, const char* config, char* error_buffer,
                     std::size_t size) noexcept {
  try {
    Interface* object = factory(config ? config : "");
    return static_cast<void*>(object);
  } catch (const std::exception& error) {
    if (error_buffer && size) std::snprintf(error_buffer, size, "%s", error.what());
  } catch (...) {
    if (error_buffer && size) std::snprintf(error_buffer, size, "unknown error");
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
        [](const char* config, char* error_buffer, std::size_t size) noexcept -> void* {      \
          return ::relais::spi::detail::guarded_create<Interface>(factory, config,            \
                                                                   error_buffer, size);       \
        },                                                                                    \
        [](void* object) noexcept { delete static_cast<Interface*>(object); }};               \
    return &descriptor;                                                                       \
  }
