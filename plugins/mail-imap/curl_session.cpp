#include "curl_session.h"

#include <relais/errors.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace relais::imap_mail {
namespace {

// curl_global_init and curl_global_cleanup count their calls but are not
// thread-safe in every libcurl; pairing them per session keeps libcurl's
// global state alive exactly while a session is.
std::mutex global_state_mutex;

template <typename Value>
void set(CURL* handle, CURLoption option, Value value) {
  // Every option set here exists in the libcurl CMake requires (7.80), so a
  // setopt can only fail for lack of memory, which perform() meets again.
  curl_easy_setopt(handle, option, value);
}

std::string why_failed(CURLcode code) {
  switch (code) {
    case CURLE_LOGIN_DENIED:
      return "refused the login";
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
      return "cannot be reached";
    case CURLE_OPERATION_TIMEDOUT:
      return "did not answer in time";
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
      return "has a TLS certificate that is not trusted";
    case CURLE_USE_SSL_FAILED:
      return "does not offer STARTTLS";
    default:
      return "failed";
  }
}

}  // namespace

CurlSession::CurlSession(std::string server, const TransportOptions& transport, const Credentials& login)
    : server_(std::move(server)) {
  // Read first: a password file that cannot be read leaves nothing to undo.
  const std::string secret = login.user.empty() ? std::string() : login.secret();
  {
    std::lock_guard lock(global_state_mutex);
    curl_global_init(CURL_GLOBAL_DEFAULT);
  }
  handle_ = curl_easy_init();
  if (!handle_) {
    curl_global_cleanup();
    throw PluginError("cannot start a libcurl session for " + server_, {{"server", server_}});
  }
  set(handle_, CURLOPT_ERRORBUFFER, error_text_);
  set(handle_, CURLOPT_NOSIGNAL, 1L);
  set(handle_, CURLOPT_HEADERFUNCTION, &CurlSession::remember_answer);
  set(handle_, CURLOPT_HEADERDATA, this);
  set(handle_, CURLOPT_WRITEFUNCTION, &CurlSession::collect);
  set(handle_, CURLOPT_WRITEDATA, &body_);
  // A SEARCH of 10,000 UIDs comes back as one line: libcurl cuts lines
  // longer than half its buffer.
  set(handle_, CURLOPT_BUFFERSIZE, long{CURL_MAX_READ_SIZE});
  set(handle_, CURLOPT_USE_SSL, long{transport.starttls ? CURLUSESSL_ALL : CURLUSESSL_NONE});
  set(handle_, CURLOPT_SSL_VERIFYPEER, 1L);
  set(handle_, CURLOPT_SSL_VERIFYHOST, 2L);
  if (transport.ca_file) set(handle_, CURLOPT_CAINFO, transport.ca_file->c_str());
  set(handle_, CURLOPT_CONNECTTIMEOUT, transport.timeout_seconds);
  set(handle_, CURLOPT_SERVER_RESPONSE_TIMEOUT, transport.timeout_seconds);
  // No total limit: a 20 MB message on a slow line may take long, as long
  // as bytes keep coming.
  set(handle_, CURLOPT_LOW_SPEED_LIMIT, 1L);
  set(handle_, CURLOPT_LOW_SPEED_TIME, transport.timeout_seconds);
  if (!login.user.empty()) {
    set(handle_, CURLOPT_USERNAME, login.user.c_str());
    set(handle_, CURLOPT_PASSWORD, secret.c_str());  // libcurl keeps its own copy
  }
}

CurlSession::~CurlSession() {
  curl_easy_cleanup(handle_);
  std::lock_guard lock(global_state_mutex);
  curl_global_cleanup();
}

std::size_t CurlSession::collect(char* data, std::size_t size, std::size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

std::size_t CurlSession::remember_answer(char* data, std::size_t size, std::size_t count, void* session) {
  std::string line(data, size * count);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (!line.empty()) static_cast<CurlSession*>(session)->last_answer_ = std::move(line);
  return size * count;
}

CURLcode CurlSession::perform(const std::string& operation, std::initializer_list<CURLcode> tolerated) {
  body_.clear();
  last_answer_.clear();
  error_text_[0] = '\0';
  const CURLcode code = curl_easy_perform(handle_);
  if (code == CURLE_OK || std::find(tolerated.begin(), tolerated.end(), code) != tolerated.end()) return code;
  std::string message = server_ + " " + why_failed(code) + " (" + operation + "): " +
                        (error_text_[0] ? error_text_ : curl_easy_strerror(code));
  if (!last_answer_.empty()) message += "; the server said: " + quote_value(last_answer_);
  throw PluginError(message, {{"server", server_}, {"operation", operation}, {"curl_code", std::to_string(code)}});
}

std::string CurlSession::imap_command(const std::string& url, const std::string& request, const std::string& operation) {
  set(handle_, CURLOPT_URL, url.c_str());
  set(handle_, CURLOPT_CUSTOMREQUEST, request.c_str());
  set(handle_, CURLOPT_UPLOAD, 0L);
  perform(operation);
  return body_;
}

std::optional<std::string> CurlSession::download(const std::string& url, const std::string& operation) {
  set(handle_, CURLOPT_URL, url.c_str());
  set(handle_, CURLOPT_CUSTOMREQUEST, static_cast<const char*>(nullptr));
  set(handle_, CURLOPT_UPLOAD, 0L);
  // libcurl answers a FETCH that found no message with "remote file not
  // found"; so does a SELECT whose UIDVALIDITY changed, which the next
  // fetch_since() notices.
  if (perform(operation, {CURLE_REMOTE_FILE_NOT_FOUND}) != CURLE_OK) return std::nullopt;
  return std::move(body_);
}

void CurlSession::send_mail(const std::string& url, const std::string& from, const std::vector<std::string>& recipients,
                            std::string_view data) {
  curl_slist* head = nullptr;
  for (const auto& recipient : recipients) {
    curl_slist* longer = curl_slist_append(head, ("<" + recipient + ">").c_str());
    if (!longer) {
      curl_slist_free_all(head);
      throw PluginError("out of memory listing recipients for " + server_, {{"server", server_}});
    }
    head = longer;
  }
  const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt(head, curl_slist_free_all);
  const std::string sender = "<" + from + ">";
  struct Reading {
    std::string_view rest;
  } reading{data};
  const curl_read_callback read = [](char* buffer, std::size_t size, std::size_t count, void* state) -> std::size_t {
    auto& rest = static_cast<Reading*>(state)->rest;
    const std::size_t chunk = std::min(size * count, rest.size());
    std::copy_n(rest.data(), chunk, buffer);
    rest.remove_prefix(chunk);
    return chunk;
  };
  set(handle_, CURLOPT_URL, url.c_str());
  set(handle_, CURLOPT_MAIL_FROM, sender.c_str());
  set(handle_, CURLOPT_MAIL_RCPT, rcpt.get());
  set(handle_, CURLOPT_UPLOAD, 1L);
  set(handle_, CURLOPT_READFUNCTION, read);
  set(handle_, CURLOPT_READDATA, &reading);
  set(handle_, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(data.size()));
  perform("send");
}

}  // namespace relais::imap_mail
