#pragma once
// What the parser and the composer share around GMime (a C library built
// on GLib): its one initialisation per process, owners for its objects and
// strings, and reading a part's bytes. Internal to src/inbox/mime.
#include <gmime/gmime.h>

#include <memory>
#include <string>

namespace relais::inline v1::detail {

// Initialises GMime the first time it is called in the process; every
// entry point of the parser and the composer calls it first. g_mime_init
// itself is not thread-safe: this is (std::call_once). GMime is never shut
// down, its tables live as long as the process.
void ensure_gmime_initialised();

struct GObjectUnref {
  void operator()(gpointer object) const noexcept { g_object_unref(object); }
};
// Owns one reference to a GObject (a GMimeMessage, a GMimeStream...).
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree {
  void operator()(gpointer memory) const noexcept { g_free(memory); }
};
// Owns a string GMime allocated with g_malloc.
using GCharPtr = std::unique_ptr<char, GFree>;

struct ParserOptionsFree {
  void operator()(GMimeParserOptions* options) const noexcept { g_mime_parser_options_free(options); }
};
using ParserOptionsPtr = std::unique_ptr<GMimeParserOptions, ParserOptionsFree>;

struct FormatOptionsFree {
  void operator()(GMimeFormatOptions* options) const noexcept { g_mime_format_options_free(options); }
};
using FormatOptionsPtr = std::unique_ptr<GMimeFormatOptions, FormatOptionsFree>;

// The bytes held by `memory`, a GMimeStreamMem.
std::string memory_stream_bytes(GMimeStream* memory);

// The bytes `object` writes (headers and content, as GMime serialises them).
std::string object_bytes(GMimeObject* object, GMimeFormatOptions* options);

}  // namespace relais::inline v1::detail
