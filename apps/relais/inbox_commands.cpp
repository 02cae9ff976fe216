// relais inbox fetch|ingest|triage|retrain: taking mail in, listing what
// waits for the assistant, and retraining the classifier with its
// corrections.
#include "commands.h"
#include "desk_output.h"
#include "output.h"

#include <relais/inbox/inbox_service.h>
#include <relais/inbox/mail_corpus.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace relais::cli {
namespace {

namespace fs = std::filesystem;

struct FetchArguments {
  WorkspaceArguments workspace;
  std::string mailbox;
};

struct IngestArguments {
  WorkspaceArguments workspace;
  std::string path;
};

struct RetrainArguments {
  WorkspaceArguments workspace;
  std::string corpus;  // "" for the shipped one
};

struct TriageArguments {
  WorkspaceArguments workspace;
  std::size_t limit = 50;
};

const char* state_label(MailState state) {
  switch (state) {
    case MailState::triage: return _("to triage");
    case MailState::ticket_opened: return _("ticket opened");
    case MailState::joined_ticket: return _("joined its ticket");
    case MailState::filed: return _("filed");
    case MailState::sent: return _("sent");
  }
  return "";
}

std::string file_bytes(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Failure(format(_("Cannot read %s."), path.string()));
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

// The messages of a path: one .eml file, or every file of a folder (a
// Maildir's new/ and cur/ included), by name.
std::vector<fs::path> message_files(const fs::path& path) {
  if (!fs::is_directory(path)) return {path};
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(path)) {
    if (entry.is_regular_file() && entry.path().parent_path().filename() != "tmp") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void print_result(const IngestResult& result) {
  const Mail& mail = result.mail;
  std::string what = result.duplicate ? _("already stored") : state_label(mail.state);
  if (result.ticket) what += " " + result.ticket->number;
  if (!mail.parse_error.empty()) what += " (" + std::string(_("unreadable")) + ")";
  std::cout << "  " << mail.from_address << " | " << mail.subject << " -> " << what << '\n';
}

int run_fetch(const FetchArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  FetchReport report = workspace.inbox().fetch(arguments.mailbox);
  std::cout << format(_("Mailbox %s: %lld read, %lld stored, %lld already stored, %lld unreadable."), report.mailbox,
                      report.fetched, report.stored, report.already_stored, report.unreadable)
            << '\n';
  return 0;
}

// Files are read and committed kBatch at a time: one transaction per batch,
// as fetch() does, and a folder of thousands never sits in memory at once.
constexpr std::size_t kBatch = 50;

int run_ingest(const IngestArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  const std::vector<fs::path> files = message_files(arguments.path);
  for (std::size_t first = 0; first < files.size(); first += kBatch) {
    std::vector<std::string> raws;
    for (std::size_t i = first; i < std::min(files.size(), first + kBatch); ++i) {
      raws.push_back(file_bytes(files[i]));
      if (raws.back().empty()) throw Failure(format(_("%s is empty: it is not a message."), files[i].string()));
    }
    for (const IngestResult& result : workspace.inbox().ingest(raws)) print_result(result);
  }
  return 0;
}

int run_retrain(const RetrainArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  const std::string model = arguments.corpus.empty()
                                ? workspace.inbox().retrain()
                                : workspace.inbox().retrain(read_mail_corpus(arguments.corpus));
  std::cout << format(_("New model stored, every process now classifies with it: %s"), model) << '\n';
  return 0;
}

int run_triage(const TriageArguments& arguments) {
  Workspace workspace = open_workspace(arguments.workspace);
  MailPage page = workspace.inbox().triage(arguments.limit);
  if (page.mails.empty()) {
    std::cout << _("Nothing to triage.") << '\n';
    return 0;
  }
  std::vector<std::vector<std::string>> rows{{_("Received"), _("From"), _("Subject"), _("Guess"), _("Id")}};
  for (const auto& mail : page.mails) {
    std::string guess = mail.parse_error.empty() ? "" : _("unreadable");
    if (mail.category) guess = format("%s %lld %%", std::string(to_string(*mail.category)), static_cast<long long>(mail.confidence * 100));
    rows.push_back({paris_time(mail.received_at), mail.from_address, mail.subject, guess, mail.id.to_string()});
  }
  print_table(std::cout, rows);
  std::cout << format(P_("%lld mail waits for a category.", "%lld mails wait for a category.", page.mails.size()),
                      page.mails.size())
            << '\n';
  return 0;
}

}  // namespace

void add_inbox_commands(CLI::App& app) {
  CLI::App& inbox = add_command_group(app, "inbox", _("Take mail in and sort what the classifier was unsure of."));

  auto fetch = std::make_shared<FetchArguments>();
  CLI::App& fetch_command = add_command(inbox, "fetch", _("Read what arrived in a configured mailbox."),
                                        [fetch] { return run_fetch(*fetch); });
  add_workspace_arguments(fetch_command, fetch->workspace);
  fetch_command.add_option(_("<mailbox>"), fetch->mailbox, _("The mailbox's name."))->required();

  auto ingest = std::make_shared<IngestArguments>();
  CLI::App& ingest_command =
      add_command(inbox, "ingest", _("Take in .eml files, or every message of a folder (a Maildir)."),
                  [ingest] { return run_ingest(*ingest); });
  add_workspace_arguments(ingest_command, ingest->workspace);
  ingest_command.add_option(_("<file.eml|folder>"), ingest->path, _("A message file, or a folder of them."))
      ->required();

  auto retrain = std::make_shared<RetrainArguments>();
  CLI::App& retrain_command = add_command(
      inbox, "retrain", _("Train a new classifier model with the assistant's corrections (admin, a few seconds)."),
      [retrain] { return run_retrain(*retrain); });
  add_workspace_arguments(retrain_command, retrain->workspace);
  retrain_command
      .add_option("--corpus", retrain->corpus,
                  _("A corpus file to start from instead of the one shipped with Relais (see docs/inbox.md)."))
      ->option_text(_("FILE"));

  auto triage = std::make_shared<TriageArguments>();
  CLI::App& triage_command = add_command(inbox, "triage", _("List the mails waiting for a category, oldest first."),
                                         [triage] { return run_triage(*triage); });
  add_workspace_arguments(triage_command, triage->workspace);
  add_parsed_option(triage_command, "--limit", triage->limit, parse_positive_number,
                    _("a positive number is expected, not \"%s\""), _("Show at most N mails (1 to 500, default 50)."))
      ->option_text("N");
}

}  // namespace relais::cli
