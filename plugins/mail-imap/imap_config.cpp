#include "imap_config.h"

#include "durable_files.h"
#include "folder_names.h"

#include <curl/curl.h>

#include <memory>

namespace relais::imap_mail {
namespace {

using mail_plugin::AcknowledgeAction;
using mail_plugin::JsonConfig;

// A URL split by libcurl's own parser, so that what is checked here is what
// libcurl will connect to.
class ParsedUrl {
 public:
  ParsedUrl(const JsonConfig& config, const std::string& key) : url_(curl_url(), curl_url_cleanup) {
    if (!url_ || curl_url_set(url_.get(), CURLUPART_URL, config.text(key).c_str(), 0) != CURLUE_OK) {
      config.fail(key, "is not a URL");
    }
    if (part(CURLUPART_USER) || part(CURLUPART_PASSWORD) || part(CURLUPART_OPTIONS)) {
      config.fail(key, "must not hold credentials: give them as user and password");
    }
    if (part(CURLUPART_QUERY) || part(CURLUPART_FRAGMENT)) config.fail(key, "must not have a query or a fragment");
  }

  std::optional<std::string> part(CURLUPart which, unsigned flags = 0) const {
    char* text = nullptr;
    if (curl_url_get(url_.get(), which, &text, flags) != CURLUE_OK || !text) return std::nullopt;
    std::string copy(text);
    curl_free(text);
    return copy;
  }

  // "scheme://host:port/", the port the scheme's default when not given.
  std::string server() const {
    return *part(CURLUPART_SCHEME) + "://" + *part(CURLUPART_HOST) + ":" + *part(CURLUPART_PORT, CURLU_DEFAULT_PORT) + "/";
  }

 private:
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> url_;
};

void check_scheme(const JsonConfig& config, const std::string& key, const ParsedUrl& url,
                  std::initializer_list<std::string_view> schemes) {
  const auto scheme = url.part(CURLUPART_SCHEME);
  if (!scheme || std::find(schemes.begin(), schemes.end(), *scheme) == schemes.end()) {
    config.fail(key, "must start with " + std::string(*schemes.begin()) + ":// or " + std::string(*(schemes.end() - 1)) + "://");
  }
}

Credentials credentials(const JsonConfig& config, const std::string& prefix, const Credentials* fallback) {
  const std::string user_key = prefix + "user", password_key = prefix + "password", file_key = prefix + "password_file";
  if (!config.has(user_key)) {
    if (config.has(password_key) || config.has(file_key)) config.fail(config.has(password_key) ? password_key : file_key, "needs \"" + user_key + "\"");
    return fallback ? *fallback : Credentials{};
  }
  Credentials result{config.text(user_key), "", config.optional_absolute_path(file_key)};
  if (config.has(password_key) == bool(result.password_file)) {
    config.fail(result.password_file ? file_key : password_key, "give either \"" + password_key + "\" or \"" + file_key + "\"");
  }
  if (config.has(password_key)) result.password = config.text(password_key);
  return result;
}

}  // namespace

std::string Credentials::secret() const {
  if (!password_file) return password;
  std::string text = plugin_files::read_file(*password_file, "read password file");
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

ImapConfig parse_imap_config(std::string_view json_text) {
  const JsonConfig config(json_text, {"url", "user", "password", "password_file", "mailbox", "on_acknowledge", "move_to",
                                      "smtp_url", "smtp_user", "smtp_password", "smtp_password_file", "starttls",
                                      "ca_file", "timeout_seconds"});
  const ParsedUrl url(config, "url");
  check_scheme(config, "url", url, {"imap", "imaps"});
  ImapConfig result;
  result.server = url.server();
  const std::string path = url.part(CURLUPART_PATH, CURLU_URLDECODE).value_or("/");
  result.folder = path.size() > 1 ? path.substr(1) : "INBOX";
  result.folder_name = mail_plugin::modified_utf7(result.folder, "config.url");
  result.login = credentials(config, "", nullptr);
  result.mailbox = config.optional_text("mailbox").value_or(
      (result.login.user.empty() ? "" : result.login.user + "@") + *url.part(CURLUPART_HOST) + "/" + result.folder);
  result.acknowledge = read_acknowledge_config(config, AcknowledgeAction::mark_seen,
                                               {AcknowledgeAction::mark_seen, AcknowledgeAction::move, AcknowledgeAction::keep});
  if (result.acknowledge.action == AcknowledgeAction::move) {
    result.move_to_name = mail_plugin::modified_utf7(result.acknowledge.move_to, "config.move_to");
    if (result.move_to_name == result.folder_name) config.fail("move_to", "is the folder read: nothing would move");
  }
  if (config.has("smtp_url")) {
    check_scheme(config, "smtp_url", ParsedUrl(config, "smtp_url"), {"smtp", "smtps"});
    result.smtp_url = config.text("smtp_url");
  }
  result.smtp_login = credentials(config, "smtp_", &result.login);
  result.transport = {config.boolean("starttls", true), config.optional_absolute_path("ca_file"),
                      config.integer("timeout_seconds", 30, 1, 600)};
  if (result.transport.ca_file && !std::filesystem::is_regular_file(*result.transport.ca_file)) {
    config.fail("ca_file", "is not a file");
  }
  return result;
}

}  // namespace relais::imap_mail
