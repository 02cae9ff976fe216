#include "i18n.h"

#include "resources.h"

#include <clocale>
#include <cstdlib>
#include <cstring>

namespace relais::cli {
namespace {

// "C", "POSIX" and "C.UTF-8" (also spelt "C.utf8") name no language: they
// are what containers and CI machines run with, not a user's choice.
bool is_c_locale(const char* name) {
  return name == nullptr || std::strcmp(name, "C") == 0 || std::strcmp(name, "POSIX") == 0 ||
         std::strncmp(name, "C.", 2) == 0;
}

}  // namespace

void setup_language() {
  std::setlocale(LC_ALL, "");
  // No locale chosen means nobody asked for a language: default to French.
  // glibc ignores LANGUAGE while LC_MESSAGES is "C" or "POSIX" (what an
  // unset or uninstalled LANG leaves us with); C.UTF-8 is always there and
  // honours it.
  if (is_c_locale(std::setlocale(LC_MESSAGES, nullptr))) {
    std::setlocale(LC_ALL, "C.UTF-8");
    setenv("LANGUAGE", "fr", /*overwrite=*/0);
  }
  // RELAIS_LANG outranks everything, including a LANGUAGE set for other
  // programs. A language without a catalog ("en") shows the English source.
  if (const char* language = std::getenv("RELAIS_LANG"); language && *language) {
    setenv("LANGUAGE", language, /*overwrite=*/1);
  }
  bindtextdomain(kTextDomain, locale_dir().c_str());
  // Customer data is UTF-8 whatever the locale: keep messages in the same
  // encoding so a line never mixes two.
  bind_textdomain_codeset(kTextDomain, "UTF-8");
}

}  // namespace relais::cli
