#include "storage_errors.h"

#include <relais/errors.h>

#include <map>

namespace relais::soci_storage {
namespace {

constexpr std::size_t kOperationLimit = 200;
// PostgreSQL's NAMEDATALEN - 1.
constexpr std::size_t kChannelLimit = 63;

// Cut on a UTF-8 character boundary: the SQL may quote accented text.
std::string cut_operation(std::string_view sql) {
  if (sql.size() <= kOperationLimit) return std::string(sql);
  std::size_t cut = kOperationLimit;
  while (cut > 0 && (static_cast<unsigned char>(sql[cut]) & 0xC0) == 0x80) --cut;
  return std::string(sql.substr(0, cut)) + "...";
}

bool is_identifier_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

}  // namespace

void throw_storage_error(const std::string& message, std::string_view sql,
                         const std::string& sql_state, bool conflict) {
  std::map<std::string, std::string> context{{"operation", cut_operation(sql)}};
  if (!sql_state.empty()) context.emplace("sql_state", sql_state);
  if (conflict) throw ConflictError(message, std::move(context));
  throw StorageError(message, std::move(context));
}

void check_channel_name(std::string_view channel) {
  bool valid = !channel.empty() && channel.size() <= kChannelLimit && is_identifier_start(channel[0]);
  for (char c : channel) valid = valid && (is_identifier_start(c) || (c >= '0' && c <= '9'));
  if (!valid) {
    throw InvalidInputError("channel", channel,
                            "expected a letter or '_', then letters, digits or '_' (63 at most)");
  }
}

}  // namespace relais::soci_storage
