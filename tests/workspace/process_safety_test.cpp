// Several processes on one database, and processes killed mid-write: every
// acknowledged write survives and the database stays intact.
#include "support/workspace_fixture.h"

#include <relais/errors.h>

#include <csignal>
#include <cstdio>
#include <random>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace relais;
using namespace std::chrono_literals;
using relais::testing::Engine;
using relais::testing::TestDatabase;

namespace {

// Runs `body` in a child process; returns its pid. The child never returns
// into the test framework.
template <typename Body>
pid_t spawn(Body body) {
  pid_t pid = fork();
  if (pid == 0) {
    int status = 1;
    try {
      status = body();
    } catch (const std::exception& error) {
      std::fprintf(stderr, "child failed: %s\n", error.what());
    }
    std::_Exit(status);
  }
  return pid;
}

int exit_code(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::vector<std::string> read_lines(int fd) {
  std::string data;
  char buffer[4096];
  for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) data.append(buffer, static_cast<std::size_t>(n));
  std::vector<std::string> lines;
  for (std::size_t start = 0, end; (end = data.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(data.substr(start, end - start));
  }
  return lines;  // a torn last line (killed mid-write) is dropped
}

// Creates customers until killed, writing each acknowledged id to `fd`.
int write_until_killed(const std::string& uri, int fd) {
  auto ws = Workspace::open(uri);
  for (int i = 0;; ++i) {
    Customer customer = ws.customers().create(
        {.name = "Client " + std::to_string(i), .phones = {"06 12 34 56 78"}, .tags = {"crash"}},
        {.allow_duplicates = true});
    std::string line = customer.id.to_string() + "\n";
    if (write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) return 1;
  }
}

}  // namespace

class CrashTest : public ::testing::Test {};

TEST_F(CrashTest, KilledWritersNeverLoseAnAcknowledgedWrite) {
  TestDatabase database(Engine::sqlite);  // synchronous=FULL, the default
  { Workspace::open(database.uri()); }
  std::mt19937 random(20261124);
  std::set<std::string> acknowledged;
  for (int round = 0; round < 50; ++round) {
    int pipe_fds[2];
    ASSERT_EQ(pipe(pipe_fds), 0);
    pid_t child = spawn([&] { close(pipe_fds[0]); return write_until_killed(database.uri(), pipe_fds[1]); });
    close(pipe_fds[1]);
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution(5, 80)(random)));
    kill(child, SIGKILL);
    exit_code(child);
    for (auto& id : read_lines(pipe_fds[0])) acknowledged.insert(id);
    close(pipe_fds[0]);
  }
  auto ws = Workspace::open(database.uri());
  for (const auto& id : acknowledged) EXPECT_NO_THROW(ws.customers().get(Uuid::parse(id))) << id;
  EXPECT_GT(acknowledged.size(), 50u);
  EXPECT_TRUE(ws.verify_journal().ok);
  EXPECT_EQ(relais::testing::query_single_text(database, "SELECT group_concat(integrity_check) FROM pragma_integrity_check"), "ok");
}

class TwoProcessTest : public relais::testing::WorkspaceTest {};
RELAIS_INSTANTIATE_FOR_ENGINES(TwoProcessTest);

TEST_P(TwoProcessTest, TwoProcessesWritingAtOnceLoseNothing) {
  { open(); }
  std::string uri = database().uri();
  auto writer = [uri](int process) {
    return [uri, process] {
      auto ws = Workspace::open(uri);
      for (int i = 0; i < 40; ++i) {
        ws.customers().create({.name = "P" + std::to_string(process) + " client " + std::to_string(i)});
      }
      return 0;
    };
  };
  pid_t first = spawn(writer(1));
  pid_t second = spawn(writer(2));
  EXPECT_EQ(exit_code(first), 0);
  EXPECT_EQ(exit_code(second), 0);
  auto ws = open();
  EXPECT_EQ(ws.customers().list({.limit = 500}).items.size(), 80u);
  EXPECT_EQ(ws.journal_head().sequence, 81);
  EXPECT_TRUE(ws.verify_journal().ok);
}

TEST_P(TwoProcessTest, StaleUpdateFromAnotherProcessIsAConflict) {
  auto ws = open();
  Customer created = ws.customers().create({.name = "Durand"});
  std::string uri = database().uri();
  pid_t child = spawn([uri, created] {
    auto other = Workspace::open(uri);
    CustomerChanges changes;
    changes.name = "Durand (process 2)";
    other.customers().update(created.id, created.version, changes);
    return 0;
  });
  ASSERT_EQ(exit_code(child), 0);
  CustomerChanges changes;
  changes.name = "Durand (process 1)";
  EXPECT_THROW(ws.customers().update(created.id, created.version, changes), ConflictError);
  EXPECT_EQ(ws.customers().get(created.id).name, "Durand (process 2)");
}
