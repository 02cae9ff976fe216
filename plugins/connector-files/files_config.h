#pragma once
// The configuration of the "files" ERP connector: JSON text, every key
// checked. A pure function of its input.
//
// {
//   "system": "sage",                       required: Customer::external_ids key,
//                                           [a-z0-9_-], 1 to 32 characters
//   "profile": "/srv/relais/sage100.profile.json",  required: the system's
//                                           mapping profile, an absolute path
//   "outbox": "/srv/exchange/to-sage",      required: where files for the system go
//   "inbox": "/srv/exchange/from-sage",     required: where the system drops its
//                                           files; handled ones move to done/
//                                           or failed/ inside it
//   "id_prefix": "411R",                    optional ("" by default): letters,
//                                           digits, '.', '_' or '-', at most 16
//   "id_width": 5                           optional (6 by default): digits of
//                                           the sequence, 1 to 18, zero-padded
// }
// Paths are absolute: the config is stored in the workspace and read by every
// process that opens it, whatever its working folder.
#include <filesystem>
#include <string>
#include <string_view>

namespace relais::files_connector {

struct FilesConfig {
  std::string system;
  std::filesystem::path profile;
  std::filesystem::path outbox;
  std::filesystem::path inbox;
  std::string id_prefix;
  int id_width = 6;
};

// Throws relais::InvalidInputError naming the key ("config.outbox", or
// "config" for text that is not a JSON object) and its value. Does not touch
// the file system.
FilesConfig parse_files_config(std::string_view json_text);

}  // namespace relais::files_connector
