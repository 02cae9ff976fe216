#pragma once
// File moves that survive a crash and never overwrite, shared by the plugins
// that exchange files through folders (the "files" ERP connector, the local
// mail connector). Every failure is a relais::StorageError with context
// "operation" and "path". Thread-safe; safe between processes sharing the
// folders.
#include <relais/errors.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace relais::plugin_files {

// The StorageError these helpers throw: "<operation> <path>: <why>".
StorageError io_error(const std::string& operation, const std::filesystem::path& path, const std::string& why);

// Creates `folder` and its parents when missing. Throws InvalidInputError
// naming "config.<key>" (the config key that named it) when it cannot be
// created or is not a folder.
void create_folder(const std::filesystem::path& folder, const std::string& key);

// The whole content of `path`.
std::string read_file(const std::filesystem::path& path, const std::string& operation);

// Creates `path` (which must not exist) with `bytes`, flushed to disk before
// returning. Write it under a hidden temporary name, then give it its name
// with move_without_replacing(): a crash leaves at most the hidden file.
void write_durably(const std::filesystem::path& path, std::string_view bytes, const std::string& operation);

// Renames `from` to `name` in `folder`, or to name-2.ext, name-3.ext... when
// taken: never over an existing file. Returns where it went.
std::filesystem::path move_without_replacing(const std::filesystem::path& from, const std::filesystem::path& folder,
                                             const std::string& name, const std::string& operation);

// Makes the renames done in `folder` survive a crash (best effort: some
// network file systems refuse to sync a folder).
void sync_folder(const std::filesystem::path& folder);

}  // namespace relais::plugin_files
