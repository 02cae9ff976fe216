#pragma once
// Error translation at the plugin's edge: whatever an engine reports leaves
// the plugin as a relais::StorageError, or a relais::ConflictError for a
// unique or foreign-key violation.
#include <string>
#include <string_view>

namespace relais::soci_storage {

// Throws ConflictError when `conflict`, StorageError otherwise. The context
// holds "operation" (the SQL, cut to a readable length) and "sql_state" (the
// engine's code: a SQLSTATE, or SQLite's extended result code) when not
// empty.
[[noreturn]] void throw_storage_error(const std::string& message, std::string_view sql,
                                      const std::string& sql_state, bool conflict = false);

// Throws InvalidInputError (field "channel") unless `channel` is a plain SQL
// identifier: a letter or '_', then letters, digits or '_', at most 63 bytes.
void check_channel_name(std::string_view channel);

}  // namespace relais::soci_storage
