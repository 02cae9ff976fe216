#include "local_mail_config.h"

#include "durable_files.h"
#include "folder_names.h"

namespace relais::local_mail {
namespace {

namespace fs = std::filesystem;
using mail_plugin::AcknowledgeAction;

mail_plugin::AcknowledgeConfig acknowledge_config(const mail_plugin::JsonConfig& config, LocalFormat format) {
  switch (format) {
    case LocalFormat::maildir:
      return read_acknowledge_config(config, AcknowledgeAction::mark_seen,
                                     {AcknowledgeAction::mark_seen, AcknowledgeAction::move, AcknowledgeAction::keep});
    case LocalFormat::eml:
      return read_acknowledge_config(config, AcknowledgeAction::keep, {AcknowledgeAction::keep, AcknowledgeAction::move});
    case LocalFormat::mbox:
      break;
  }
  return read_acknowledge_config(config, AcknowledgeAction::keep, {AcknowledgeAction::keep});
}

void check_path(const mail_plugin::JsonConfig& config, const fs::path& path, LocalFormat format) {
  switch (format) {
    case LocalFormat::maildir:
      if (!fs::is_directory(path / "new") || !fs::is_directory(path / "cur")) {
        config.fail("path", "is not a Maildir (no new/ and cur/ folders)");
      }
      return;
    case LocalFormat::eml:
      if (!fs::is_directory(path)) config.fail("path", "is not a folder");
      return;
    case LocalFormat::mbox:
      // A missing file is an empty mailbox (a mail spool is removed when
      // emptied); its folder must exist.
      if (fs::is_directory(path) || !fs::is_directory(path.parent_path())) {
        config.fail("path", "is not an mbox file in an existing folder");
      }
      return;
  }
}

fs::path move_folder(const mail_plugin::JsonConfig& config, const LocalMailConfig& result) {
  const std::string& name = result.acknowledge.move_to;
  if (name.find('/') != std::string::npos || name.front() == '.') {
    config.fail("move_to", "must be a folder name, without '/' and not starting with '.'");
  }
  if (result.format == LocalFormat::eml) return result.path / name;
  return result.path / ("." + mail_plugin::modified_utf7(name, "config.move_to"));
}

}  // namespace

LocalMailConfig parse_local_mail_config(std::string_view json_text) {
  const mail_plugin::JsonConfig config(json_text, {"path", "format", "mailbox", "on_acknowledge", "move_to", "outbox"});
  LocalMailConfig result;
  result.path = config.absolute_path("path");
  result.format = config.choice("format", kLocalFormats, LocalFormat::maildir);
  result.mailbox = config.optional_text("mailbox").value_or(result.path.string());
  result.acknowledge = acknowledge_config(config, result.format);
  check_path(config, result.path, result.format);
  if (result.acknowledge.action == AcknowledgeAction::move) result.move_folder = move_folder(config, result);
  result.outbox = config.optional_absolute_path("outbox");
  if (result.outbox) plugin_files::create_folder(*result.outbox, "outbox");
  return result;
}

}  // namespace relais::local_mail
