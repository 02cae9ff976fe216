// The "files" ERP connector through the plugin host, as the library uses
// it: its config checked key by key, ids numbered, files sent atomically,
// received in name order and filed once handled.
#include "host/plugin_host.h"
#include "support/files.h"

#include <relais/spi/erp.h>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace relais {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class ConnectorFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() / ("relais-files-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  json config() const {
    return {{"system", "sage"},
            {"profile", testing::demo_data("sage100.profile.json").string()},
            {"outbox", (folder_ / "to-sage").string()},
            {"inbox", (folder_ / "from-sage").string()},
            {"id_prefix", "411R"},
            {"id_width", 5}};
  }

  std::shared_ptr<spi::ErpConnector> create(const json& settings) {
    return host_.create_as<spi::ErpConnector>("erp", "files", settings.dump());
  }

  // The field of the InvalidInputError that creating with `settings` throws.
  std::string refused_field(const json& settings) {
    try {
      create(settings);
    } catch (const InvalidInputError& error) {
      return error.field_errors().front().field;
    }
    return "(accepted)";
  }

  void drop(const std::string& name, const std::string& bytes) {
    std::ofstream(folder_ / "from-sage" / name, std::ios::binary) << bytes;
  }

  fs::path folder_;
  detail::PluginHost host_;
};

TEST_F(ConnectorFilesTest, ServesItsSystemWithItsProfileAndCreatesItsFolders) {
  auto connector = create(config());
  EXPECT_EQ(connector->system(), "sage");
  EXPECT_EQ(connector->profile(), testing::file_contents(testing::demo_data("sage100.profile.json")));
  for (const char* folder : {"to-sage", "from-sage/done", "from-sage/failed"}) {
    EXPECT_TRUE(fs::is_directory(folder_ / folder)) << folder;
  }
}

TEST_F(ConnectorFilesTest, NumbersIdsFromThePrefixAndTheZeroPaddedSequence) {
  auto connector = create(config());
  EXPECT_EQ(connector->new_external_id(42), "411R00042");
  EXPECT_EQ(connector->new_external_id(42), "411R00042");
  EXPECT_EQ(connector->new_external_id(99999), "411R99999");
  try {
    connector->new_external_id(100000);
    FAIL() << "numbered past the width";
  } catch (const InvalidInputError& error) {
    EXPECT_EQ(error.field_errors().front().field, "config.id_width");
  }
}

TEST_F(ConnectorFilesTest, EveryBadKeyIsRefusedByName) {
  const auto without = [&](const char* key) {
    json settings = config();
    settings.erase(key);
    return settings;
  };
  const auto with = [&](const char* key, json value) {
    json settings = config();
    settings[key] = std::move(value);
    return settings;
  };
  EXPECT_EQ(refused_field("not json"), "config");
  EXPECT_EQ(refused_field(json::array()), "config");
  for (const char* key : {"system", "profile", "outbox", "inbox"}) {
    EXPECT_EQ(refused_field(without(key)), std::string("config.") + key);
  }
  EXPECT_EQ(refused_field(with("system", "Sage 100")), "config.system");
  EXPECT_EQ(refused_field(with("outbox", "relative/to-sage")), "config.outbox");
  EXPECT_EQ(refused_field(with("inbox", 3)), "config.inbox");
  EXPECT_EQ(refused_field(with("profile", (folder_ / "missing.json").string())), "config.profile");
  EXPECT_EQ(refused_field(with("id_prefix", "411/R")), "config.id_prefix");
  EXPECT_EQ(refused_field(with("id_width", 0)), "config.id_width");
  EXPECT_EQ(refused_field(with("id_width", 19)), "config.id_width");
  EXPECT_EQ(refused_field(with("id_width", "5")), "config.id_width");
  EXPECT_EQ(refused_field(with("outbx", "/tmp")), "config.outbx");
  std::ofstream(folder_ / "a-file") << "not a folder";
  EXPECT_EQ(refused_field(with("outbox", (folder_ / "a-file" / "out").string())), "config.outbox");
}

TEST_F(ConnectorFilesTest, SendsWholeFilesWithoutOverwriting) {
  auto connector = create(config());
  const std::string first = connector->send({"clients.csv", "a;b\r\n"});
  const std::string second = connector->send({"clients.csv", "c;d\r\n"});
  EXPECT_EQ(first, (folder_ / "to-sage" / "clients.csv").string());
  EXPECT_EQ(second, (folder_ / "to-sage" / "clients-2.csv").string());
  EXPECT_EQ(testing::file_contents(first), "a;b\r\n");
  EXPECT_EQ(testing::file_contents(second), "c;d\r\n");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder_ / "to-sage")) ++files;
  EXPECT_EQ(files, 2u);  // no temporary file left behind
  EXPECT_THROW(connector->send({"../escape.csv", "x"}), InvalidInputError);
  EXPECT_THROW(connector->send({".hidden", "x"}), InvalidInputError);
}

TEST_F(ConnectorFilesTest, ReceivesInNameOrderAndFilesWhatWasHandled) {
  auto connector = create(config());
  drop("2024-03-02.csv", "second");
  drop("2024-03-01.csv", "first");
  drop(".being-written.csv", "partial");
  auto files = connector->receive();
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].name, "2024-03-01.csv");
  EXPECT_EQ(files[0].bytes, "first");
  EXPECT_EQ(files[1].name, "2024-03-02.csv");
  connector->acknowledge(files[0], true);
  connector->acknowledge(files[1], false);
  EXPECT_TRUE(connector->receive().empty());
  EXPECT_EQ(testing::file_contents(folder_ / "from-sage" / "done" / "2024-03-01.csv"), "first");
  EXPECT_EQ(testing::file_contents(folder_ / "from-sage" / "failed" / "2024-03-02.csv"), "second");
  EXPECT_THROW(connector->acknowledge(files[0], true), NotFoundError);
  drop("2024-03-01.csv", "first, sent again");
  connector->acknowledge(connector->receive().at(0), true);
  EXPECT_EQ(testing::file_contents(folder_ / "from-sage" / "done" / "2024-03-01-2.csv"), "first, sent again");
}

}  // namespace
}  // namespace relais
