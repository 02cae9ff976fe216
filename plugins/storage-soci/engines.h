#pragma once
// The two engines behind the storage-soci plugin. Each function opens what
// it returns; everything they throw is already a relais::Error
// (StorageError when the database cannot be opened or reached).
#include "uri.h"

#include <relais/spi/storage.h>

#include <memory>
#include <string_view>

namespace relais::soci_storage {

std::unique_ptr<spi::Connection> connect_sqlite(const DatabaseUri& uri);
// SQLite has no notifications: the listener sleeps and the caller polls.
std::unique_ptr<spi::ChangeListener> listen_sqlite(std::string_view channel);

std::unique_ptr<spi::Connection> connect_postgresql(const DatabaseUri& uri);
// A dedicated libpq session doing LISTEN <channel>.
std::unique_ptr<spi::ChangeListener> listen_postgresql(const DatabaseUri& uri, std::string_view channel);

}  // namespace relais::soci_storage
