#pragma once
// One libcurl easy handle with the connector's transport options: TLS
// required (implicit for imaps/smtps, STARTTLS otherwise unless turned off),
// certificates and host names verified, timeouts on connecting, on each
// answer and on a stalled transfer. The handle keeps its connection open
// between requests, so a fetch of many messages logs in once.
//
// Every failure is a PluginError naming the server (never a password), with
// context "server", "operation" and "curl_code", plus the server's last
// answer when it gave one. Not thread-safe: one session per thread.
#include "imap_config.h"

#include <curl/curl.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais::imap_mail {

class CurlSession {
 public:
  // `server` ("imaps://host:993/") names the server in error messages.
  CurlSession(std::string server, const TransportOptions& transport, const Credentials& login);
  ~CurlSession();
  CurlSession(const CurlSession&) = delete;
  CurlSession& operator=(const CurlSession&) = delete;

  // Sends an IMAP command (`request`, without tag) on `url` and returns the
  // untagged response lines libcurl handed back ("* SEARCH 1 2\r\n...").
  // When `url` names a folder, libcurl selects it first. Throws PluginError.
  std::string imap_command(const std::string& url, const std::string& request, const std::string& operation);

  // The body `url` downloads (an IMAP ";UID=n" fetch: the message). Returns
  // nullopt when the server has no such message. Throws PluginError.
  std::optional<std::string> download(const std::string& url, const std::string& operation);

  // Sends `data` over SMTP from `from` to `recipients`. Throws PluginError
  // when the server refuses any step (a recipient too: then nothing is sent).
  void send_mail(const std::string& url, const std::string& from, const std::vector<std::string>& recipients,
                 std::string_view data);

 private:
  // Runs the request set up on the handle; throws PluginError unless it
  // succeeded or failed with one of `tolerated`.
  CURLcode perform(const std::string& operation, std::initializer_list<CURLcode> tolerated = {});
  static std::size_t collect(char* data, std::size_t size, std::size_t count, void* target);
  static std::size_t remember_answer(char* data, std::size_t size, std::size_t count, void* session);

  std::string server_;
  CURL* handle_;
  std::string body_;
  std::string last_answer_;  // the server's last response line, for errors
  char error_text_[CURL_ERROR_SIZE] = "";
};

}  // namespace relais::imap_mail
