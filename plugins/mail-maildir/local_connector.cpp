// The "maildir" mail connector, librelais-mail-maildir.so (kind "mail",
// name "maildir"): reads a mailbox on this machine's disk (a Maildir, an
// mbox file or a folder of .eml files) and "sends" by dropping messages into
// a pickup folder, which a mail server (or IIS's SMTP service, as Outlook
// set-ups often have) delivers from. Its config is described in
// local_mail_config.h.
#include "durable_files.h"
#include "local_mail_config.h"
#include "local_mailbox.h"
#include "outgoing_mail.h"

#include <relais/spi/mail.h>
#include <relais/spi/plugin.h>
#include <relais/version.h>

#include <unistd.h>

#include <atomic>
#include <chrono>

namespace relais::local_mail {
namespace {

namespace fs = std::filesystem;

std::unique_ptr<LocalMailbox> open_mailbox(const LocalMailConfig& config) {
  switch (config.format) {
    case LocalFormat::mbox:
      return open_mbox(config);
    case LocalFormat::eml:
      return open_eml_folder(config);
    case LocalFormat::maildir:
      break;
  }
  return open_maildir(config);
}

// The pickup-folder form: the envelope as X-Sender and X-Receiver lines
// before the message, in the message's own line ends.
std::string pickup_file(const mail_plugin::Envelope& envelope, const std::string& raw) {
  const auto first_line_end = raw.find('\n');
  const std::string line_end = first_line_end != std::string::npos && first_line_end > 0 && raw[first_line_end - 1] == '\r' ? "\r\n" : "\n";
  std::string file = "X-Sender: " + envelope.from + line_end;
  for (const auto& recipient : envelope.recipients) file += "X-Receiver: " + recipient + line_end;
  return file + raw;
}

class LocalConnector final : public spi::MailConnector {
 public:
  explicit LocalConnector(LocalMailConfig config) : config_(std::move(config)), mailbox_(open_mailbox(config_)) {}

  std::string mailbox() const override { return config_.mailbox; }

  spi::MailBatch fetch_since(std::string_view cursor, std::size_t limit) override {
    if (limit == 0) throw InvalidInputError("limit", "0", "must be 1 or more");
    return mailbox_->fetch_since(cursor, limit);
  }

  void acknowledge(const std::vector<std::string>& uids) override { mailbox_->acknowledge(uids); }

  // Written whole under a hidden name, then renamed: a pickup service never
  // sees part of a message.
  void send(const spi::OutgoingMail& mail) override {
    const auto envelope = mail_plugin::checked_envelope(mail);
    if (!config_.outbox) {
      throw PluginError("mailbox " + config_.mailbox + " has no outbox to send from: set \"outbox\" in its config",
                        {{"mailbox", config_.mailbox}});
    }
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch());
    const std::string name = std::to_string(now.count()) + "-" + std::to_string(::getpid()) + "-" +
                             std::to_string(sent_in_process.fetch_add(1) + 1) + ".eml";
    const fs::path part = *config_.outbox / ("." + name + ".part");
    try {
      plugin_files::write_durably(part, pickup_file(envelope, mail.raw), "send");
      plugin_files::move_without_replacing(part, *config_.outbox, name, "send");
      plugin_files::sync_folder(*config_.outbox);
    } catch (...) {
      std::error_code ignored;
      fs::remove(part, ignored);
      throw;
    }
  }

 private:
  const LocalMailConfig config_;
  const std::unique_ptr<LocalMailbox> mailbox_;
  // Counted for the whole process, not per connector: two connectors on one
  // outbox, in one process, within one millisecond must still name their
  // files apart (the pid only separates processes).
  static inline std::atomic<unsigned long> sent_in_process{0};
};

}  // namespace
}  // namespace relais::local_mail

RELAIS_DEFINE_PLUGIN(relais::spi::MailConnector, "mail", "maildir", RELAIS_VERSION, [](const char* config) {
  return new relais::local_mail::LocalConnector(relais::local_mail::parse_local_mail_config(config));
})
