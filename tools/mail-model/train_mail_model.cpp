// Trains the mail model the fastText classifier ships with, at build time:
// generates the synthetic corpus, trains the plugin on all of it and writes
// the model file, and with --corpus the corpus itself (JSON Lines,
// relais/inbox/mail_corpus.h), which InboxService::retrain() starts from.
//   relais_mail_model <model file> [--corpus <file>] [--mails N] [--seed S]
#include "mail-model/mail_evaluation.h"

#include <relais/errors.h>
#include <relais/inbox/mail_corpus.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace {

using namespace relais;

struct Arguments {
  std::filesystem::path output;
  std::filesystem::path corpus_file;  // none when empty
  synth::MailOptions corpus;
};

Arguments parse_arguments(int argc, char** argv) {
  Arguments arguments;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if ((argument == "--mails" || argument == "--seed") && i + 1 < argc) {
      (argument == "--mails" ? arguments.corpus.count : arguments.corpus.seed) = std::stoull(argv[++i]);
    } else if (argument == "--corpus" && i + 1 < argc) {
      arguments.corpus_file = argv[++i];
    } else if (arguments.output.empty() && !argument.starts_with("--")) {
      arguments.output = argument;
    } else {
      throw std::invalid_argument("usage: relais_mail_model <model file> [--corpus <file>] [--mails N] [--seed S]");
    }
  }
  if (arguments.output.empty())
    throw std::invalid_argument("usage: relais_mail_model <model file> [--corpus <file>] [--mails N] [--seed S]");
  return arguments;
}

// Written beside, then renamed: an interrupted build never leaves half a
// model where the plugin looks for one.
void write_atomically(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  const std::filesystem::path part = path.string() + ".part";
  std::ofstream(part, std::ios::binary | std::ios::trunc) << bytes;
  if (std::filesystem::file_size(part) != bytes.size()) throw std::runtime_error("cannot write " + part.string());
  std::filesystem::rename(part, path);
}

}  // namespace

int main(int argc, char** argv) try {
  const Arguments arguments = parse_arguments(argc, argv);
  std::vector<spi::LabelledMail> examples;
  for (auto& mail : synth::generate_mails(arguments.corpus)) examples.push_back(std::move(mail.labelled));
  const auto classifier = mail_model::fasttext_classifiers(arguments.corpus)();
  const auto started = std::chrono::steady_clock::now();
  classifier->train(examples);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  const std::string model = classifier->save();
  write_atomically(arguments.output, model);
  if (!arguments.corpus_file.empty()) {
    const std::filesystem::path part = arguments.corpus_file.string() + ".part";
    std::filesystem::create_directories(arguments.corpus_file.parent_path());
    relais::write_mail_corpus(part.string(), examples);
    std::filesystem::rename(part, arguments.corpus_file);
  }
  std::printf("%s: %s, %zu bytes, trained in %.1f s\n", arguments.output.c_str(), classifier->model_name().c_str(),
              model.size(), took.count());
  return 0;
} catch (const std::exception& failure) {
  std::cerr << "relais_mail_model: " << failure.what() << "\n";
  return 1;
}
