// Fuzz target for the storage-soci plugin's URI parser: any input either
// parses or is refused with InvalidInputError; nothing else may escape, and
// a parsed URI must satisfy the parser's own invariants.
#include "uri.h"

#include <relais/errors.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  try {
    const auto parsed = relais::soci_storage::parse_database_uri(input);
    const bool sqlite = parsed.engine == relais::soci_storage::EngineKind::sqlite;
    if (sqlite && parsed.sqlite_path.empty()) std::abort();
    if (!sqlite && parsed.connection_string.find("dbname='") == std::string::npos) std::abort();
    if (parsed.busy_timeout_ms < 0) std::abort();
  } catch (const relais::InvalidInputError&) {
    // Refusing bad input is the expected outcome.
  }
  return 0;
}
