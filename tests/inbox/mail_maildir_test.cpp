// The "maildir" mail connector through the plugin host, as the library uses
// it: a Maildir, an mbox file and a folder of .eml files fetched in batches
// with cursors that survive a restart, acknowledged as configured, the
// pickup outbox, and every refusal naming its field.
#include "host/plugin_host.h"
#include "mail_batches.h"
#include "support/files.h"

#include <relais/spi/mail.h>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>

namespace relais {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::raws;
using testing::uids;
using namespace std::chrono_literals;

std::string message(const std::string& subject, const std::string& line_end = "\r\n") {
  return "From: Hélène Martin <helene@example.fr>" + line_end + "Subject: " + subject + line_end +
         "Message-ID: <" + subject + "@example.fr>" + line_end + line_end + "Bonjour," + line_end + subject + line_end;
}

void write(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

void set_time(const fs::path& path, fs::file_time_type base, std::chrono::seconds offset) {
  fs::last_write_time(path, base + offset);
}

class MailMaildirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() / ("relais-maildir-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    for (const char* sub : {"Maildir/new", "Maildir/cur", "Maildir/tmp", "eml"}) fs::create_directories(folder_ / sub);
  }
  void TearDown() override { fs::remove_all(folder_); }

  std::shared_ptr<spi::MailConnector> create(const json& settings) {
    return host_.create_as<spi::MailConnector>("mail", "maildir", settings.dump());
  }
  json maildir_config() const { return {{"path", (folder_ / "Maildir").string()}, {"mailbox", "contact@elec-bretagne.fr"}}; }
  json mbox_config() const { return {{"path", (folder_ / "mbox").string()}, {"format", "mbox"}}; }
  json eml_config() const { return {{"path", (folder_ / "eml").string()}, {"format", "eml"}}; }

  // Delivers a message into new/ the Maildir way (tmp/, then rename), with
  // a modification time `offset` after a fixed base.
  fs::path deliver(const std::string& unique, const std::string& bytes, std::chrono::seconds offset) {
    write(folder_ / "Maildir/tmp" / unique, bytes);
    set_time(folder_ / "Maildir/tmp" / unique, base_, offset);
    fs::rename(folder_ / "Maildir/tmp" / unique, folder_ / "Maildir/new" / unique);
    return folder_ / "Maildir/new" / unique;
  }

  std::string refused_field(const json& settings) {
    return testing::refused_field_of([&] { create(settings); });
  }

  fs::path folder_;
  fs::file_time_type base_ = fs::file_time_type::clock::now() - 24h;
  detail::PluginHost host_;
};

TEST_F(MailMaildirTest, MaildirIsFetchedInArrivalOrderInBatches) {
  auto box = create(maildir_config());
  EXPECT_EQ(box->mailbox(), "contact@elec-bretagne.fr");
  const auto empty = box->fetch_since("", 10);
  EXPECT_TRUE(empty.mails.empty());
  EXPECT_EQ(empty.next_cursor, "");
  deliver("1700000003.M3.host", message("third"), 30s);
  deliver("1700000001.M1.host", message("first"), 10s);
  deliver("1700000002.M2.host", message("second"), 20s);
  // A mail program already read this one: cur/, with flags.
  write(folder_ / "Maildir/cur/1700000004.M4.host:2,FS", message("fourth"));
  set_time(folder_ / "Maildir/cur/1700000004.M4.host:2,FS", base_, 40s);
  write(folder_ / "Maildir/new/.hidden", message("not a message"));

  const auto first = box->fetch_since("", 2);
  EXPECT_EQ(raws(first), (std::vector{message("first"), message("second")}));
  EXPECT_EQ(uids(first), (std::vector<std::string>{"1700000001.M1.host", "1700000002.M2.host"}));
  EXPECT_EQ(first.mails[0].folder, "new");
  const auto second = box->fetch_since(first.next_cursor, 2);
  EXPECT_EQ(raws(second), (std::vector{message("third"), message("fourth")}));
  EXPECT_EQ(second.mails[1].folder, "cur");
  const auto none = box->fetch_since(second.next_cursor, 2);
  EXPECT_TRUE(none.mails.empty());
  EXPECT_EQ(none.next_cursor, second.next_cursor);
}

TEST_F(MailMaildirTest, ASavedCursorGivesOnlyWhatArrivedAfterARestart) {
  deliver("a", message("before"), 10s);
  std::string cursor = create(maildir_config())->fetch_since("", 10).next_cursor;
  deliver("b", message("after"), 20s);
  // A delivery that raced the fetch: written earlier, renamed into new/ later.
  deliver("c", message("late"), 5s);
  detail::PluginHost restarted;
  auto box = restarted.create_as<spi::MailConnector>("mail", "maildir", maildir_config().dump());
  const auto batch = box->fetch_since(cursor, 10);
  EXPECT_EQ(raws(batch), (std::vector{message("late"), message("after")}));
  EXPECT_TRUE(box->fetch_since(batch.next_cursor, 10).mails.empty());
}

TEST_F(MailMaildirTest, AcknowledgingMarksSeenInCurKeepingFlagsAndIsIdempotent) {
  deliver("a", message("new one"), 10s);
  write(folder_ / "Maildir/cur/b:2,F", message("flagged"));
  set_time(folder_ / "Maildir/cur/b:2,F", base_, 20s);
  auto box = create(maildir_config());
  const auto batch = box->fetch_since("", 10);
  ASSERT_EQ(batch.mails.size(), 2u);
  box->acknowledge({"a", "b"});
  box->acknowledge({"a", "b", "gone-already"});
  EXPECT_EQ(testing::file_contents(folder_ / "Maildir/cur/a:2,S"), message("new one"));
  EXPECT_EQ(testing::file_contents(folder_ / "Maildir/cur/b:2,FS"), message("flagged"));
  EXPECT_TRUE(fs::is_empty(folder_ / "Maildir/new"));
  // Renamed, not new: the cursor does not give them again.
  EXPECT_TRUE(box->fetch_since(batch.next_cursor, 10).mails.empty());
  EXPECT_EQ(testing::refused_field_of([&] { box->acknowledge({"ok", "../escape"}); }), "uids[1]");
}

TEST_F(MailMaildirTest, AcknowledgingMovesIntoAMaildirPlusPlusFolderNamedInModifiedUtf7) {
  json settings = maildir_config();
  settings["on_acknowledge"] = "move";
  settings["move_to"] = "Traités";
  deliver("a", message("to file"), 10s);
  auto box = create(settings);
  box->acknowledge({box->fetch_since("", 10).mails.at(0).uid});
  EXPECT_EQ(testing::file_contents(folder_ / "Maildir/.Trait&AOk-s/new/a"), message("to file"));
  EXPECT_TRUE(fs::is_directory(folder_ / "Maildir/.Trait&AOk-s/tmp"));
  EXPECT_TRUE(box->fetch_since("", 10).mails.empty());
}

TEST_F(MailMaildirTest, FolderNamesWithAnAmpersandOrOutsideTheBmpAreEncodedAsDovecotDoes) {
  json settings = maildir_config();
  settings["on_acknowledge"] = "move";
  settings["move_to"] = "R&D \U0001F527";  // a wrench, outside the Basic Multilingual Plane
  deliver("a", message("to file"), 10s);
  auto box = create(settings);
  box->acknowledge({"a"});
  EXPECT_TRUE(fs::exists(folder_ / "Maildir/.R&-D &2D3dJw-/new/a"));
}

TEST_F(MailMaildirTest, MboxMessagesLoseTheirFromLineAndQuotingAndKeepTheirLineEnds) {
  const std::string crlf_body = "Subject: two\r\n\r\nline\r\n";
  write(folder_ / "mbox", "From helene@example.fr Mon Nov 23 08:02:00 2026\n" +
                              std::string("Subject: one\n\n>From the start, a line.\n>>>From quoted twice\n>not a From line\n") +
                              "\n" + "From syndic@example.fr Mon Nov 23 09:00:00 2026\r\n" + crlf_body + "\r\n");
  auto box = create(mbox_config());
  const auto batch = box->fetch_since("", 10);
  ASSERT_EQ(batch.mails.size(), 2u);
  EXPECT_EQ(batch.mails[0].raw, "Subject: one\n\nFrom the start, a line.\n>>From quoted twice\n>not a From line\n");
  EXPECT_EQ(batch.mails[1].raw, crlf_body);
  EXPECT_EQ(batch.mails[0].folder, "mbox");
  EXPECT_NE(batch.mails[0].uid, batch.mails[1].uid);
  box->acknowledge(uids(batch));  // "keep": nothing changes
  EXPECT_TRUE(box->fetch_since(batch.next_cursor, 10).mails.empty());
  EXPECT_EQ(testing::refused_field_of([&] { box->acknowledge({"12x"}); }), "uids[0]");
}

TEST_F(MailMaildirTest, MboxCursorFollowsAppendsAndStartsOverWhenTheFileIsRewritten) {
  const auto from = [](int n) { return "From a@example.fr Mon Nov 23 08:0" + std::to_string(n) + ":00 2026\n"; };
  write(folder_ / "mbox", from(1) + message("one", "\n") + "\n" + from(2) + message("two", "\n") + "\n");
  auto box = create(mbox_config());
  const auto first = box->fetch_since("", 1);
  EXPECT_EQ(raws(first), std::vector{message("one", "\n")});
  const auto second = box->fetch_since(first.next_cursor, 10);
  EXPECT_EQ(raws(second), std::vector{message("two", "\n")});
  std::ofstream(folder_ / "mbox", std::ios::binary | std::ios::app) << from(3) << message("three", "\n") << "\n";
  EXPECT_EQ(raws(box->fetch_since(second.next_cursor, 10)), std::vector{message("three", "\n")});
  // A mail program deleted "one" and compacted the file.
  write(folder_ / "mbox", from(2) + message("two", "\n") + "\n" + from(3) + message("three", "\n") + "\n");
  EXPECT_EQ(raws(box->fetch_since(second.next_cursor, 10)), (std::vector{message("two", "\n"), message("three", "\n")}));
}

TEST_F(MailMaildirTest, TruncatedEmptyAndMissingMboxFilesNeverFail) {
  auto box = create(mbox_config());
  EXPECT_TRUE(box->fetch_since("", 10).mails.empty());  // no file yet
  write(folder_ / "mbox", "");
  EXPECT_TRUE(box->fetch_since("", 10).mails.empty());
  write(folder_ / "mbox", "garbage before any From_ line\n\nFrom a@example.fr Mon Nov 23 08:00:00 2026\n" +
                              message("whole", "\n") + "\nFrom b@example.fr Mon Nov 23 09:00:00 2026\nSubject: cut off in the mid");
  const auto batch = box->fetch_since("", 10);
  EXPECT_EQ(raws(batch), (std::vector<std::string>{message("whole", "\n"), "Subject: cut off in the mid"}));
  write(folder_ / "mbox", "From a@example.fr Mon Nov 23 08:00:00 2026");
  EXPECT_EQ(raws(box->fetch_since("", 10)), std::vector<std::string>{""});
}

TEST_F(MailMaildirTest, EmlFilesAreReadWholeAndMovedAsideOnceStored) {
  json settings = eml_config();
  settings["on_acknowledge"] = "move";
  settings["move_to"] = "traités";
  write(folder_ / "eml/Demande de devis.eml", message("devis"));
  write(folder_ / "eml/PANNE.EML", message("panne"));
  write(folder_ / "eml/notes.txt", "not a message");
  write(folder_ / "eml/.~lock.eml", "not a message");
  auto box = create(settings);
  const auto batch = box->fetch_since("", 10);
  const auto names = uids(batch);
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()),
            (std::set<std::string>{"Demande de devis.eml", "PANNE.EML"}));
  for (const auto& mail : batch.mails) EXPECT_EQ(mail.raw, mail.uid == "PANNE.EML" ? message("panne") : message("devis"));
  EXPECT_TRUE(box->fetch_since(batch.next_cursor, 10).mails.empty());
  box->acknowledge(uids(batch));
  box->acknowledge(uids(batch));
  EXPECT_EQ(testing::file_contents(folder_ / "eml/traités/PANNE.EML"), message("panne"));
  EXPECT_FALSE(fs::exists(folder_ / "eml/PANNE.EML"));
  // Saved again from Outlook under the same name: new, and kept beside the first.
  write(folder_ / "eml/PANNE.EML", message("panne again"));
  const auto again = box->fetch_since(batch.next_cursor, 10);
  EXPECT_EQ(raws(again), std::vector{message("panne again")});
  box->acknowledge(uids(again));
  EXPECT_EQ(testing::file_contents(folder_ / "eml/traités/PANNE-2.EML"), message("panne again"));
}

TEST_F(MailMaildirTest, EmlCopiedWithAnOldModificationTimeStillArrives) {
  auto box = create(eml_config());
  write(folder_ / "eml/a.eml", message("a"));
  const auto cursor = box->fetch_since("", 10).next_cursor;
  write(folder_ / "eml/old.eml", message("old"));
  set_time(folder_ / "eml/old.eml", base_, -24h * 300);  // cp -p from last year's backup
  EXPECT_EQ(raws(box->fetch_since(cursor, 10)), std::vector{message("old")});
}

TEST_F(MailMaildirTest, AFileNameThatIsNotUtf8StillGivesAUsableCursor) {
  auto box = create(eml_config());
  write(folder_ / "eml/caf\xE9.eml", message("latin-1 name"));  // saved by an old Windows tool
  const auto batch = box->fetch_since("", 10);
  ASSERT_EQ(raws(batch), std::vector{message("latin-1 name")});
  EXPECT_TRUE(box->fetch_since(batch.next_cursor, 10).mails.empty());
}

TEST_F(MailMaildirTest, SendingDropsTheMessageWithItsEnvelopeIntoThePickupFolder) {
  EXPECT_THROW(create(maildir_config())->send({"contact@elec-bretagne.fr", {"helene@example.fr"}, message("x")}),
               PluginError);
  json settings = maildir_config();
  settings["outbox"] = (folder_ / "pickup").string();
  auto box = create(settings);
  box->send({"contact@elec-bretagne.fr", {"helene@example.fr", "syndic@EXAMPLE.fr"}, message("réponse")});
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder_ / "pickup")) files.push_back(entry.path());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].extension(), ".eml");
  EXPECT_EQ(testing::file_contents(files[0]),
            "X-Sender: contact@elec-bretagne.fr\r\nX-Receiver: helene@example.fr\r\nX-Receiver: syndic@example.fr\r\n" +
                message("réponse"));
  EXPECT_EQ(testing::refused_field_of([&] { box->send({"not an address", {"helene@example.fr"}, message("x")}); }), "mail.from");
  EXPECT_EQ(testing::refused_field_of([&] { box->send({"a@example.fr", {}, message("x")}); }), "mail.recipients");
  EXPECT_EQ(testing::refused_field_of([&] { box->send({"a@example.fr", {"b@example.fr", "c@example.fr\r\nBcc: x"}, message("x")}); }),
            "mail.recipients[1]");
  EXPECT_EQ(testing::refused_field_of([&] { box->send({"a@example.fr", {"b@example.fr"}, ""}); }), "mail.raw");
}

TEST_F(MailMaildirTest, ACursorOrLimitItNeverGaveIsRefusedByName) {
  write(folder_ / "eml/a.eml", message("a"));
  write(folder_ / "mbox", "From a@example.fr Mon Nov 23 08:00:00 2026\n" + message("a", "\n"));
  for (const json& settings : {maildir_config(), mbox_config(), eml_config()}) {
    auto box = create(settings);
    for (const char* cursor : {"garbage", "{\"kind\":\"other\"}", "mbox:1:2:zz", "mbox:5:9:00", "imap:1:2"}) {
      EXPECT_EQ(testing::refused_field_of([&] { box->fetch_since(cursor, 10); }), "cursor") << settings << cursor;
    }
    EXPECT_EQ(testing::refused_field_of([&] { box->fetch_since("", 0); }), "limit");
  }
  // An eml cursor is not a Maildir one.
  const auto eml_cursor = create(eml_config())->fetch_since("", 10).next_cursor;
  EXPECT_EQ(testing::refused_field_of([&] { create(maildir_config())->fetch_since(eml_cursor, 10); }), "cursor");
}

TEST_F(MailMaildirTest, EveryBadKeyIsRefusedByName) {
  const auto with = [&](json settings, const char* key, json value) {
    settings[key] = std::move(value);
    return settings;
  };
  EXPECT_EQ(refused_field("not json"), "config");
  EXPECT_EQ(refused_field(json::array()), "config");
  EXPECT_EQ(refused_field(json::object()), "config.path");
  EXPECT_EQ(refused_field(with(maildir_config(), "path", "relative/Maildir")), "config.path");
  EXPECT_EQ(refused_field(with(maildir_config(), "path", (folder_ / "eml").string())), "config.path");  // no new/, cur/
  EXPECT_EQ(refused_field(with(eml_config(), "path", (folder_ / "missing").string())), "config.path");
  EXPECT_EQ(refused_field(with(mbox_config(), "path", (folder_ / "no-folder/mbox").string())), "config.path");
  EXPECT_EQ(refused_field(with(maildir_config(), "format", "pst")), "config.format");
  EXPECT_EQ(refused_field(with(maildir_config(), "on_acknowledge", "delete")), "config.on_acknowledge");
  EXPECT_EQ(refused_field(with(mbox_config(), "on_acknowledge", "mark_seen")), "config.on_acknowledge");
  EXPECT_EQ(refused_field(with(eml_config(), "on_acknowledge", "mark_seen")), "config.on_acknowledge");
  EXPECT_EQ(refused_field(with(maildir_config(), "on_acknowledge", "move")), "config.move_to");
  EXPECT_EQ(refused_field(with(maildir_config(), "move_to", "Traités")), "config.move_to");
  EXPECT_EQ(refused_field(with(with(maildir_config(), "on_acknowledge", "move"), "move_to", "a/b")), "config.move_to");
  EXPECT_EQ(refused_field(with(with(maildir_config(), "on_acknowledge", "move"), "move_to", "Tab\there")), "config.move_to");
  EXPECT_EQ(refused_field(with(maildir_config(), "outbox", "pickup")), "config.outbox");
  EXPECT_EQ(refused_field(with(maildir_config(), "mailbox", 3)), "config.mailbox");
  EXPECT_EQ(refused_field(with(maildir_config(), "pth", "/tmp")), "config.pth");
  try {
    create(with(maildir_config(), "format", "pst"));
  } catch (const InvalidInputError& error) {
    EXPECT_EQ(error.field_errors().front().value, "pst");
    EXPECT_NE(error.field_errors().front().message.find("maildir, mbox, eml"), std::string::npos);
  }
}

}  // namespace
}  // namespace relais
