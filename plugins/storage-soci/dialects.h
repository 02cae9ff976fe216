#pragma once
// The SQL fragments that differ between SQLite and PostgreSQL. Both objects
// are stateless singletons, thread-safe, living as long as the plugin.
#include <relais/spi/storage.h>

namespace relais::soci_storage {

const spi::Dialect& sqlite_dialect() noexcept;
const spi::Dialect& postgresql_dialect() noexcept;

}  // namespace relais::soci_storage
