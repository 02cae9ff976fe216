#include "host/fixtures/greeter.h"
#include "host/plugin_host.h"

#include <relais/spi/plugin.h>

#include <gtest/gtest.h>

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace relais::detail {
namespace {

namespace fs = std::filesystem;
using relais::testing::Greeter;

const std::string kFixtureDir = RELAIS_FIXTURE_PLUGIN_DIR;

std::string fixture(const std::string& name) { return kFixtureDir + "/librelais-" + name + ".so"; }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Expects `action` to throw PluginError and returns it for inspection.
template <class Action>
PluginError plugin_error(Action&& action) {
  try {
    action();
  } catch (const PluginError& error) {
    return error;
  }
  ADD_FAILURE() << "expected a PluginError";
  return PluginError("none");
}

class PluginHostTest : public ::testing::Test {
 protected:
  void SetUp() override { ::unsetenv("RELAIS_PLUGIN_PATH"); }

  // The host is still usable: the good plugin loads and creates.
  void expect_good_plugin_works() {
    auto greeter = host_.create_as<Greeter>("test", "good", "again");
    ASSERT_NE(greeter, nullptr);
    EXPECT_EQ(greeter->greet(), "hello again");
  }

  PluginHost host_{{kFixtureDir}};
};

TEST_F(PluginHostTest, CreatesAPluginObjectByKindAndName) {
  auto greeter = host_.create_as<Greeter>("test", "good", "world");
  EXPECT_EQ(greeter->greet(), "hello world");
  const std::vector<PluginInfo> plugins = host_.plugins();
  ASSERT_EQ(plugins.size(), 1u);
  EXPECT_EQ(plugins[0], (PluginInfo{"test", "good", "1.2.3", fs::canonical(fixture("test-good")).string()}));
}

TEST_F(PluginHostTest, LoadFileReturnsWhatThePluginDeclares) {
  const PluginInfo info = host_.load_file(fixture("test-good"));
  EXPECT_EQ(info.kind, "test");
  EXPECT_EQ(info.name, "good");
  EXPECT_EQ(info.version, "1.2.3");
  EXPECT_EQ(host_.load_file(fixture("test-good")), info) << "loading the same file again is harmless";
  EXPECT_EQ(host_.plugins().size(), 1u);
}

TEST_F(PluginHostTest, RefusesAnotherAbiVersionNamingFileAndBothVersions) {
  const std::string file = fixture("test-wrong-abi");
  const PluginError error = plugin_error([&] { host_.load_file(file); });
  const std::string plugin_version = std::to_string(RELAIS_PLUGIN_ABI_VERSION + 1);
  const std::string host_version = std::to_string(RELAIS_PLUGIN_ABI_VERSION);
  EXPECT_TRUE(contains(error.what(), file)) << error.what();
  EXPECT_TRUE(contains(error.what(), "ABI version " + plugin_version)) << error.what();
  EXPECT_TRUE(contains(error.what(), "ABI version " + host_version)) << error.what();
  EXPECT_EQ(error.context().at("plugin_abi_version"), plugin_version);
  EXPECT_EQ(error.context().at("host_abi_version"), host_version);
  EXPECT_TRUE(host_.plugins().empty());
  expect_good_plugin_works();
}

TEST_F(PluginHostTest, RefusesALibraryWithoutEntryPoint) {
  const std::string file = fixture("test-no-entry");
  const PluginError error = plugin_error([&] { host_.load_file(file); });
  EXPECT_TRUE(contains(error.what(), file)) << error.what();
  EXPECT_TRUE(contains(error.what(), RELAIS_PLUGIN_ENTRY_NAME)) << error.what();
  EXPECT_EQ(error.context().at("path"), file);
  expect_good_plugin_works();
}

TEST_F(PluginHostTest, RefusesAFileThatIsNotALibraryWithTheLoadersMessage) {
  const std::string file = fixture("junk");
  const PluginError error = plugin_error([&] { host_.load_file(file); });
  EXPECT_TRUE(contains(error.what(), file)) << error.what();
  const std::string loader_message = error.context().at("message");
  EXPECT_FALSE(loader_message.empty());
  EXPECT_TRUE(contains(error.what(), loader_message)) << error.what();
  expect_good_plugin_works();
}

TEST_F(PluginHostTest, TurnsAThrowingFactoryIntoPluginErrorWithItsMessage) {
  const PluginError error = plugin_error([&] { host_.create("test", "throwing", "config"); });
  EXPECT_TRUE(contains(error.what(), "factory refuses: licence expired")) << error.what();
  EXPECT_EQ(error.context().at("message"), "factory refuses: licence expired");
  EXPECT_EQ(error.context().at("name"), "throwing");
  expect_good_plugin_works();
}

TEST_F(PluginHostTest, MissingPluginListsEveryFolderSearched) {
  const PluginError error = plugin_error([&] { host_.create("test", "absent", ""); });
  EXPECT_TRUE(contains(error.what(), "librelais-test-absent.so")) << error.what();
  for (const std::string& folder : host_.search_path()) {
    EXPECT_TRUE(contains(error.what(), folder)) << folder << " missing from: " << error.what();
  }
  expect_good_plugin_works();
}

TEST_F(PluginHostTest, ScanReportsAndSkipsTheBadFiles) {
  const ScanReport report = host_.scan();
  std::vector<std::string> failed;
  for (const ScanFailure& failure : report.failures) {
    EXPECT_FALSE(failure.message.empty()) << failure.path;
    // Other folders of the search path (the real plugin folders) are not
    // this test's business.
    if (failure.path.starts_with(kFixtureDir)) failed.push_back(failure.path);
  }
  std::sort(failed.begin(), failed.end());
  EXPECT_EQ(failed, (std::vector<std::string>{fixture("junk"), fixture("test-no-entry"),
                                               fixture("test-wrong-abi")}));
  auto loaded = [&](const std::string& name) {
    return std::any_of(report.loaded.begin(), report.loaded.end(),
                       [&](const PluginInfo& info) { return info.kind == "test" && info.name == name; });
  };
  EXPECT_TRUE(loaded("good"));
  EXPECT_TRUE(loaded("throwing")) << "it loads; only its factory fails";
  expect_good_plugin_works();
}

TEST_F(PluginHostTest, RefusesASecondFileDeclaringTheSamePlugin) {
  const fs::path copy_dir = fs::temp_directory_path() / ("relais-host-test-" + std::to_string(::getpid()));
  fs::create_directories(copy_dir);
  const fs::path copy = copy_dir / "librelais-test-good.so";
  fs::copy_file(fixture("test-good"), copy, fs::copy_options::overwrite_existing);
  host_.load_file(fixture("test-good"));
  const PluginError error = plugin_error([&] { host_.load_file(copy.string()); });
  EXPECT_TRUE(contains(error.what(), "already loaded from")) << error.what();
  fs::remove_all(copy_dir);
  expect_good_plugin_works();
}

TEST_F(PluginHostTest, SearchPathOrdersExtraThenEnvironmentThenInstallFolder) {
  ::setenv("RELAIS_PLUGIN_PATH", "/opt/one::/opt/two", 1);
  const std::vector<std::string> path = PluginHost({"/first"}).search_path();
  ::unsetenv("RELAIS_PLUGIN_PATH");
  ASSERT_GE(path.size(), 4u);
  EXPECT_EQ(path[0], "/first");
  EXPECT_EQ(path[1], "/opt/one");
  EXPECT_EQ(path[2], "/opt/two");
  EXPECT_EQ(path[3], RELAIS_INSTALL_PLUGIN_DIR_FOR_TEST);
  // This test runs against the build tree's library: its plugins come last.
  EXPECT_EQ(path.back(), RELAIS_BUILD_PLUGIN_DIR_FOR_TEST);
}

TEST_F(PluginHostTest, ObjectKeepsItsLibraryLoadedAfterTheHostIsGone) {
  std::shared_ptr<Greeter> greeter;
  {
    PluginHost host({kFixtureDir});
    greeter = host.create_as<Greeter>("test", "good", "survivor");
  }
  EXPECT_EQ(greeter->greet(), "hello survivor");
  const std::string file = fs::canonical(fixture("test-good")).string();
  void* still_loaded = ::dlopen(file.c_str(), RTLD_NOW | RTLD_NOLOAD);
  ASSERT_NE(still_loaded, nullptr);
  ::dlclose(still_loaded);
  greeter.reset();
  EXPECT_EQ(::dlopen(file.c_str(), RTLD_NOW | RTLD_NOLOAD), nullptr) << "unloaded with its last object";
}

TEST_F(PluginHostTest, ConcurrentCreatesShareOneRegistration) {
  std::vector<std::thread> threads;
  std::vector<std::string> greetings(8);
  for (std::size_t i = 0; i < greetings.size(); ++i) {
    threads.emplace_back([&, i] {
      greetings[i] = host_.create_as<Greeter>("test", "good", std::to_string(i))->greet();
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t i = 0; i < greetings.size(); ++i) EXPECT_EQ(greetings[i], "hello " + std::to_string(i));
  EXPECT_EQ(host_.plugins().size(), 1u);
}

}  // namespace
}  // namespace relais::detail
