#pragma once
// Message catalogs of the command-line tool (gettext, text domain "relais").
// Source strings are English; po/fr.po holds the French the staff read.
// xgettext extracts the arguments of _(), N_() and P_() (see po/CMakeLists.txt).
#include <libintl.h>

#include <concepts>
#include <cstdio>
#include <string>

namespace relais::cli {

inline constexpr const char* kTextDomain = "relais";

// The translation of `message` in the chosen language (the message itself
// when the catalog has none).
inline const char* _(const char* message) { return dgettext(kTextDomain, message); }

// Marks `message` for extraction without translating it yet: for tables of
// messages that are translated with _() when shown.
constexpr const char* N_(const char* message) { return message; }

// The singular or plural translation for `count` (French and English differ:
// 0 takes the singular in French).
inline const char* P_(const char* singular, const char* plural, unsigned long count) {
  return dngettext(kTextDomain, singular, plural, count);
}

// Picks the language and binds the catalog. French unless the user chose
// otherwise with RELAIS_LANG, LANGUAGE or a real (non C/POSIX) locale; all
// output is UTF-8. Call first in main(), before any thread exists: it may
// set LANGUAGE in the environment.
void setup_language();

namespace detail {
inline const char* printf_argument(const std::string& text) { return text.c_str(); }
inline const char* printf_argument(const char* text) { return text; }
inline long long printf_argument(std::integral auto number) { return number; }
}  // namespace detail

// printf-style formatting of a translated pattern. Patterns stay printf
// (%s, %lld) rather than {} so that msgfmt --check verifies that every
// translation keeps the same conversions. Strings are passed as %s, every
// integer as %lld.
template <typename... Args>
std::string format(const char* pattern, const Args&... args) {
  int size = std::snprintf(nullptr, 0, pattern, detail::printf_argument(args)...);
  if (size <= 0) return {};
  std::string text(static_cast<std::size_t>(size) + 1, '\0');
  std::snprintf(text.data(), text.size(), pattern, detail::printf_argument(args)...);
  text.resize(static_cast<std::size_t>(size));
  return text;
}

}  // namespace relais::cli
