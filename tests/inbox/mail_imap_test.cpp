// The "imap" mail connector through the plugin host, against a real dovecot
// and SMTP sink started by the mail_servers fixture
// (scripts/mail-servers.sh): batches and cursors across restarts, a
// UIDVALIDITY change, acknowledging, a 20 MB message, SMTP with STARTTLS and
// SMTPS, and the failures (bad config, wrong password, dead or untrusted
// server) each reported as the SPI says.
#include "host/plugin_host.h"
#include "mail_batches.h"
#include "support/files.h"

#include <relais/spi/mail.h>

#include <gtest/gtest.h>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>

namespace relais {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::raws;
using testing::uids;

json servers() {
  const char* file = std::getenv("RELAIS_TEST_MAIL_SERVERS");
  if (!file) return json();
  return json::parse(testing::file_contents(file), nullptr, false);
}

std::string message(const std::string& subject) {
  return "From: Hélène Martin <helene@example.fr>\r\nTo: contact@elec-bretagne.fr\r\nSubject: " + subject +
         "\r\nMessage-ID: <" + subject + "@example.fr>\r\n\r\nBonjour,\r\n" + subject + "\r\n";
}

// Seeds and inspects the test's own folder the way a mail client would,
// through libcurl directly: APPEND, CREATE, UID SEARCH.
class ImapTestClient {
 public:
  explicit ImapTestClient(const json& servers)
      : server_("imaps://127.0.0.1:" + std::to_string(servers["imaps_port"].get<int>()) + "/"),
        user_(servers["user"]),
        password_(servers["password"]),
        ca_file_(servers["ca_file"]) {}

  void create_folder(const std::string& folder) { run(server_, "CREATE \"" + folder + "\"", nullptr); }

  // Delivers `raw` into `folder`, unread (libcurl's APPEND marks it \Seen).
  void append(const std::string& folder, const std::string& raw) {
    std::string_view rest = raw;
    run(url(folder), "", &rest);
    run(url(folder), "UID STORE 1:* -FLAGS.SILENT (\\Seen)", nullptr);
  }

  // The UIDs of `folder` matching `criteria` ("SEEN", "ALL"), as "1 2 3".
  std::string search(const std::string& folder, const std::string& criteria) {
    std::string answer = run(url(folder), "UID SEARCH " + criteria, nullptr);
    const auto at = answer.find("* SEARCH");
    if (at == std::string::npos) return "?";
    std::string line = answer.substr(at + 8, answer.find('\r', at) - at - 8);
    return line.empty() ? "" : line.substr(1);
  }

 private:
  std::string url(const std::string& folder) const {
    char* escaped = curl_easy_escape(nullptr, folder.c_str(), static_cast<int>(folder.size()));
    std::string result = server_ + escaped;
    curl_free(escaped);
    return result;
  }

  std::string run(const std::string& url, const std::string& request, std::string_view* upload) {
    CURL* curl = curl_easy_init();
    std::string body;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_USERNAME, user_.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, password_.c_str());
    curl_easy_setopt(curl, CURLOPT_CAINFO, ca_file_.c_str());
    if (!request.empty()) curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, +[](char* data, size_t size, size_t count, void* target) {
      static_cast<std::string*>(target)->append(data, size * count);
      return size * count;
    });
    if (upload) {
      curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
      curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(upload->size()));
      curl_easy_setopt(curl, CURLOPT_READDATA, upload);
      curl_easy_setopt(curl, CURLOPT_READFUNCTION, +[](char* buffer, size_t size, size_t count, void* state) {
        auto& rest = *static_cast<std::string_view*>(state);
        const size_t chunk = std::min(size * count, rest.size());
        std::copy_n(rest.data(), chunk, buffer);
        rest.remove_prefix(chunk);
        return chunk;
      });
    }
    const CURLcode code = curl_easy_perform(curl);
    curl_easy_cleanup(curl);
    EXPECT_EQ(code, CURLE_OK) << request << " on " << url;
    return body;
  }

  std::string server_, user_, password_, ca_file_;
};

class MailImapTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (servers_.is_discarded() || servers_.is_null()) GTEST_SKIP() << "RELAIS_TEST_MAIL_SERVERS is not set: run through ctest";
    // A folder of its own per test: ctest runs tests in parallel.
    folder_ = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    client_.emplace(servers_);
    client_->create_folder(folder_);
  }

  std::string imaps_url() const { return "imaps://127.0.0.1:" + std::to_string(port("imaps_port")) + "/" + folder_; }
  int port(const char* name) const { return servers_[name].get<int>(); }

  json config() const {
    return {{"url", imaps_url()},
            {"user", servers_["user"]},
            {"password", servers_["password"]},
            {"ca_file", servers_["ca_file"]},
            {"timeout_seconds", 10},
            {"smtp_url", "smtp://127.0.0.1:" + std::to_string(port("smtp_port"))}};
  }

  std::shared_ptr<spi::MailConnector> create(const json& settings) {
    return host_.create_as<spi::MailConnector>("mail", "imap", settings.dump());
  }

  std::string refused_field(const json& settings) {
    return testing::refused_field_of([&] { create(settings); });
  }

  // The message of the PluginError `call` throws.
  template <typename Call>
  static std::string plugin_error(Call call) {
    try {
      call();
    } catch (const PluginError& error) {
      return error.what();
    }
    return "(no PluginError)";
  }

  // What the sink received last: the message and its envelope.
  std::pair<std::string, json> last_received() const {
    const fs::path sink = servers_["sink"].get<std::string>();
    fs::path newest;
    for (const auto& entry : fs::directory_iterator(sink)) {
      if (entry.path().extension() == ".json" &&
          (newest.empty() || std::stoi(entry.path().stem()) > std::stoi(newest.stem()))) {
        newest = entry.path();
      }
    }
    if (newest.empty()) return {"", json()};
    return {testing::file_contents(fs::path(newest).replace_extension(".eml")),
            json::parse(testing::file_contents(newest))};
  }

  const json servers_ = servers();
  std::string folder_;
  std::optional<ImapTestClient> client_;
  detail::PluginHost host_;
};

TEST_F(MailImapTest, FetchesInBatchesOldestFirstWithoutMarkingSeen) {
  for (const char* subject : {"one", "two", "three", "four", "five"}) client_->append(folder_, message(subject));
  auto box = create(config());
  EXPECT_EQ(box->mailbox(), "relais@127.0.0.1/" + folder_);
  const auto first = box->fetch_since("", 2);
  EXPECT_EQ(raws(first), (std::vector{message("one"), message("two")}));
  EXPECT_EQ(first.mails[0].folder, folder_);
  const auto second = box->fetch_since(first.next_cursor, 2);
  EXPECT_EQ(raws(second), (std::vector{message("three"), message("four")}));
  const auto third = box->fetch_since(second.next_cursor, 2);
  EXPECT_EQ(raws(third), std::vector{message("five")});
  const auto none = box->fetch_since(third.next_cursor, 2);
  EXPECT_TRUE(none.mails.empty());
  EXPECT_EQ(none.next_cursor, third.next_cursor);
  EXPECT_EQ(client_->search(folder_, "SEEN"), "");  // fetching changed nothing
  EXPECT_EQ(client_->search(folder_, "ALL"), "1 2 3 4 5");
}

TEST_F(MailImapTest, ASavedCursorGivesOnlyNewMailAfterARestartWithoutDuplicates) {
  client_->append(folder_, message("before"));
  const std::string cursor = create(config())->fetch_since("", 10).next_cursor;
  client_->append(folder_, message("after-1"));
  client_->append(folder_, message("after-2"));
  detail::PluginHost restarted;
  auto box = restarted.create_as<spi::MailConnector>("mail", "imap", config().dump());
  const auto batch = box->fetch_since(cursor, 10);
  EXPECT_EQ(raws(batch), (std::vector{message("after-1"), message("after-2")}));
  EXPECT_TRUE(box->fetch_since(batch.next_cursor, 10).mails.empty());
}

TEST_F(MailImapTest, AChangedUidValidityStartsAgainFromTheStartOfTheFolder) {
  client_->append(folder_, message("one"));
  client_->append(folder_, message("two"));
  const auto batch = create(config())->fetch_since("", 10);
  ASSERT_EQ(batch.mails.size(), 2u);
  const std::string doveadm = servers_["doveadm"].get<std::string>() + " mailbox update -u " +
                              servers_["user"].get<std::string>() + " --uid-validity 424242 " + folder_;
  ASSERT_EQ(std::system(doveadm.c_str()), 0) << doveadm;
  // The folder was rebuilt on the server; the host comes back with its
  // saved cursor.
  auto box = create(config());
  const auto again = box->fetch_since(batch.next_cursor, 10);
  ASSERT_EQ(raws(again), (std::vector{message("one"), message("two")}));
  EXPECT_NE(again.next_cursor, batch.next_cursor);
  EXPECT_EQ(again.mails[0].uid.rfind("424242:", 0), 0u) << again.mails[0].uid;
  // A uid of the old UIDVALIDITY names nothing any more: skipped.
  box->acknowledge(uids(batch));
  EXPECT_EQ(client_->search(folder_, "SEEN"), "");
}

TEST_F(MailImapTest, AcknowledgingMarksSeenAndIsIdempotent) {
  for (const char* subject : {"one", "two", "three"}) client_->append(folder_, message(subject));
  auto box = create(config());
  const auto batch = box->fetch_since("", 10);
  box->acknowledge({batch.mails[0].uid, batch.mails[2].uid});
  box->acknowledge({batch.mails[0].uid, batch.mails[2].uid});
  EXPECT_EQ(client_->search(folder_, "SEEN"), "1 3");
  try {
    box->acknowledge({batch.mails[1].uid, "seven"});
    FAIL() << "acknowledged a uid it never gave";
  } catch (const InvalidInputError& error) {
    EXPECT_EQ(error.field_errors().front().field, "uids[1]");
  }
  json keep = config();
  keep["on_acknowledge"] = "keep";
  create(keep)->acknowledge({batch.mails[1].uid});
  EXPECT_EQ(client_->search(folder_, "SEEN"), "1 3");
}

TEST_F(MailImapTest, AcknowledgingMovesToAFolderCreatedWhenMissing) {
  for (const char* subject : {"one", "two"}) client_->append(folder_, message(subject));
  json settings = config();
  settings["on_acknowledge"] = "move";
  settings["move_to"] = folder_ + " traités";
  auto box = create(settings);
  const auto batch = box->fetch_since("", 10);
  box->acknowledge(uids(batch));
  box->acknowledge(uids(batch));
  EXPECT_EQ(client_->search(folder_, "ALL"), "");
  // Dovecot stores the folder under its modified UTF-7 name.
  EXPECT_EQ(client_->search(folder_ + " trait&AOk-s", "ALL"), "1 2");
  EXPECT_TRUE(box->fetch_since(batch.next_cursor, 10).mails.empty());
}

TEST_F(MailImapTest, ATwentyMegabyteMessageComesBackByteForByte) {
  std::mt19937 random(5);
  std::string raw = message("big") + "--\r\n";
  raw.reserve(21'000'000);
  static constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  while (raw.size() < 20'000'000) {
    for (int i = 0; i < 76; ++i) raw += kBase64[random() % 64];
    raw += "\r\n";
  }
  client_->append(folder_, raw);
  const auto batch = create(config())->fetch_since("", 10);
  ASSERT_EQ(batch.mails.size(), 1u);
  EXPECT_EQ(batch.mails[0].raw.size(), raw.size());
  EXPECT_TRUE(batch.mails[0].raw == raw);
}

TEST_F(MailImapTest, PlainImapSwitchesToTlsWithStarttls) {
  client_->append(folder_, message("one"));
  json settings = config();
  settings["url"] = "imap://127.0.0.1:" + std::to_string(port("imap_port")) + "/" + folder_;
  EXPECT_EQ(raws(create(settings)->fetch_since("", 10)), std::vector{message("one")});
}

TEST_F(MailImapTest, SendsOverSmtpWithStarttlsAndAuthTheExactBytes) {
  auto box = create(config());
  const std::string raw = message("envoi") + ".a line starting with a dot\r\n";
  box->send({"contact@elec-bretagne.fr", {"helene@example.fr", "syndic@example.fr"}, raw});
  const auto [received, envelope] = last_received();
  EXPECT_EQ(received, raw);
  EXPECT_EQ(envelope["mail_from"], "contact@elec-bretagne.fr");
  EXPECT_EQ(envelope["rcpt_tos"], json({"helene@example.fr", "syndic@example.fr"}));
  EXPECT_EQ(envelope["authenticated_as"], servers_["user"]);
  EXPECT_EQ(envelope["tls"], true);
}

TEST_F(MailImapTest, SendsOverSmtpsAndFoldsBareLineFeedsToCrlf) {
  json settings = config();
  settings["smtp_url"] = "smtps://127.0.0.1:" + std::to_string(port("smtps_port"));
  create(settings)->send({"contact@elec-bretagne.fr", {"helene@example.fr"}, "Subject: lf\n\nbody"});
  const auto [received, envelope] = last_received();
  EXPECT_EQ(received, "Subject: lf\r\n\r\nbody\r\n");
  EXPECT_EQ(envelope["tls"], true);
}

TEST_F(MailImapTest, SendingWithoutSmtpOrToABadAddressIsRefused) {
  json settings = config();
  settings.erase("smtp_url");
  EXPECT_NE(plugin_error([&] { create(settings)->send({"a@example.fr", {"b@example.fr"}, message("x")}); })
                .find("smtp_url"),
            std::string::npos);
  try {
    create(config())->send({"a@example.fr", {"not an address"}, message("x")});
    FAIL() << "sent to a bad address";
  } catch (const InvalidInputError& error) {
    EXPECT_EQ(error.field_errors().front().field, "mail.recipients[0]");
  }
}

TEST_F(MailImapTest, AWrongPasswordIsAPluginErrorThatNeverShowsThePassword) {
  json settings = config();
  settings["password"] = "Wr0ng-S3cret-Value";
  const std::string message = plugin_error([&] { create(settings)->fetch_since("", 10); });
  EXPECT_NE(message.find("127.0.0.1"), std::string::npos) << message;
  EXPECT_NE(message.find("refused the login"), std::string::npos) << message;
  EXPECT_EQ(message.find("Wr0ng-S3cret-Value"), std::string::npos) << message;
  settings["smtp_password"] = "Wr0ng-S3cret-Value";
  settings["smtp_user"] = servers_["user"];
  const std::string smtp = plugin_error([&] { create(settings)->send({"a@example.fr", {"b@example.fr"}, "x"}); });
  EXPECT_NE(smtp.find("smtp://127.0.0.1"), std::string::npos) << smtp;
  EXPECT_NE(smtp.find("refused the login"), std::string::npos) << smtp;
  EXPECT_EQ(smtp.find("Wr0ng-S3cret-Value"), std::string::npos) << smtp;
}

TEST_F(MailImapTest, ADeadServerTimesOutAndAClosedPortFailsAsPluginErrors) {
  // A socket that listens but never answers: the kernel accepts the
  // connection, no greeting ever comes.
  const int silent = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ASSERT_EQ(::bind(silent, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(silent, 8), 0);
  ASSERT_EQ(::getsockname(silent, reinterpret_cast<sockaddr*>(&address), &length), 0);
  const int silent_port = ntohs(address.sin_port);
  json settings = config();
  settings["url"] = "imap://127.0.0.1:" + std::to_string(silent_port) + "/INBOX";
  settings["timeout_seconds"] = 1;
  const auto start = std::chrono::steady_clock::now();
  const std::string dead = plugin_error([&] { create(settings)->fetch_since("", 10); });
  // Far below libcurl's own default of 120 s without an answer, even on a busy machine.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  EXPECT_NE(dead.find("127.0.0.1:" + std::to_string(silent_port)), std::string::npos) << dead;
  ::close(silent);  // now nothing listens there
  const std::string closed = plugin_error([&] { create(settings)->fetch_since("", 10); });
  EXPECT_NE(closed.find("cannot be reached"), std::string::npos) << closed;
}

TEST_F(MailImapTest, AnUntrustedCertificateIsRefused) {
  json settings = config();
  settings.erase("ca_file");
  const std::string message = plugin_error([&] { create(settings)->fetch_since("", 10); });
  EXPECT_NE(message.find("not trusted"), std::string::npos) << message;
}

TEST_F(MailImapTest, ACursorOrLimitItNeverGaveIsRefusedByName) {
  auto box = create(config());
  for (const char* cursor : {"garbage", "imap:", "imap:1", "imap:x:2", "imap:1:0", "mbox:1:0:00", "imap:1:2:3"}) {
    try {
      box->fetch_since(cursor, 10);
      ADD_FAILURE() << "accepted cursor " << cursor;
    } catch (const InvalidInputError& error) {
      EXPECT_EQ(error.field_errors().front().field, "cursor");
    }
  }
  EXPECT_THROW(box->fetch_since("", 0), InvalidInputError);
}

TEST_F(MailImapTest, EveryBadKeyIsRefusedByName) {
  const auto with = [&](const char* key, json value) {
    json settings = config();
    settings[key] = std::move(value);
    return settings;
  };
  const auto without = [&](const char* key) {
    json settings = config();
    settings.erase(key);
    return settings;
  };
  EXPECT_EQ(refused_field("{"), "config");
  EXPECT_EQ(refused_field(without("url")), "config.url");
  EXPECT_EQ(refused_field(with("url", "http://127.0.0.1/INBOX")), "config.url");
  EXPECT_EQ(refused_field(with("url", "imaps://relais:secret@127.0.0.1/INBOX")), "config.url");
  EXPECT_EQ(refused_field(with("url", "not a url")), "config.url");
  EXPECT_EQ(refused_field(without("password")), "config.password");
  EXPECT_EQ(refused_field(with("password_file", "/etc/relais/secret")), "config.password_file");
  EXPECT_EQ(refused_field(with("password_file", "secret.txt")), "config.password_file");
  EXPECT_EQ(refused_field(without("user")), "config.password");
  EXPECT_EQ(refused_field(with("smtp_url", "imap://127.0.0.1")), "config.smtp_url");
  EXPECT_EQ(refused_field(with("smtp_password", "x")), "config.smtp_password");
  EXPECT_EQ(refused_field(with("starttls", "yes")), "config.starttls");
  EXPECT_EQ(refused_field(with("ca_file", "/no/such/ca.pem")), "config.ca_file");
  EXPECT_EQ(refused_field(with("timeout_seconds", 0)), "config.timeout_seconds");
  EXPECT_EQ(refused_field(with("timeout_seconds", 601)), "config.timeout_seconds");
  EXPECT_EQ(refused_field(with("on_acknowledge", "delete")), "config.on_acknowledge");
  EXPECT_EQ(refused_field(with("on_acknowledge", "move")), "config.move_to");
  EXPECT_EQ(refused_field(with("move_to", "Traités")), "config.move_to");
  EXPECT_EQ(refused_field(with("passwd", "x")), "config.passwd");
}

TEST_F(MailImapTest, APasswordFileIsReadAtEachConnection) {
  client_->append(folder_, message("one"));
  const fs::path secret = fs::temp_directory_path() / ("relais-imap-secret-" + std::to_string(::getpid()));
  std::ofstream(secret) << servers_["password"].get<std::string>() << "\n";
  json settings = config();
  settings.erase("password");
  settings["password_file"] = secret.string();
  EXPECT_EQ(create(settings)->fetch_since("", 10).mails.size(), 1u);
  fs::remove(secret);
}

}  // namespace
}  // namespace relais
