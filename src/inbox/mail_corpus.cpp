// Corpus files: JSON Lines, read and written with nlohmann::json (escapes
// and UTF-8 handled once, in one place).
#include <relais/inbox/mail_corpus.h>

#include <relais/errors.h>

#include <dlfcn.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace relais {
inline namespace v1 {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCorpusFile = "mail-corpus.jsonl";
const int library_anchor = 0;

std::string text_field(const nlohmann::json& line, const char* key) {
  const auto found = line.find(key);
  if (found == line.end() || !found->is_string()) throw std::invalid_argument(std::string("no text \"") + key + "\"");
  return found->get<std::string>();
}

}  // namespace

std::string shipped_mail_corpus_path() {
  // This copy's own models first (a build tree, a moved install), then the
  // build tree's and the install prefix's, as the plugin host looks for
  // plugins.
  std::vector<fs::path> candidates;
  Dl_info info{};
  if (::dladdr(&library_anchor, &info) != 0 && info.dli_fname != nullptr) {
    std::error_code error;
    const fs::path folder = fs::weakly_canonical(fs::absolute(info.dli_fname), error).parent_path();
    candidates.push_back((folder / RELAIS_MODELS_FROM_LIBRARY_DIR / kCorpusFile).lexically_normal());
  }
  candidates.push_back(fs::path(RELAIS_BUILD_MODEL_DIR) / kCorpusFile);
  candidates.push_back(fs::path(RELAIS_INSTALL_MODEL_DIR) / kCorpusFile);
  for (const auto& each : candidates) {
    std::error_code error;
    if (fs::is_regular_file(each, error)) return each.string();
  }
  return candidates.front().string();
}

std::vector<spi::LabelledMail> read_mail_corpus(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw NotFoundError("corpus", path);
  std::vector<spi::LabelledMail> mails;
  std::string text;
  for (std::size_t number = 1; std::getline(file, text); ++number) {
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string field = "corpus:" + std::to_string(number);
    try {
      const nlohmann::json line = nlohmann::json::parse(text);
      if (!line.is_object()) throw std::invalid_argument("not a JSON object");
      mails.push_back({{text_field(line, "subject"), text_field(line, "sender"), text_field(line, "body")},
                       parse_mail_category(text_field(line, "category"), field),
                       parse_mail_urgency(text_field(line, "urgency"), field)});
    } catch (const InvalidInputError&) {
      throw;
    } catch (const std::exception& error) {
      throw InvalidInputError(field, text.substr(0, 80), std::string("not a labelled mail: ") + error.what());
    }
  }
  return mails;
}

void write_mail_corpus(const std::string& path, const std::vector<spi::LabelledMail>& mails) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  for (const auto& each : mails) {
    const nlohmann::json line = {{"category", std::string(to_string(each.category))},
                                 {"urgency", std::string(to_string(each.urgency))},
                                 {"subject", each.mail.subject},
                                 {"sender", each.mail.sender},
                                 {"body", each.mail.body}};
    // Invalid UTF-8 is replaced rather than refused: the corpus is for
    // learning words, and one bad byte must not lose the mail.
    file << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  file.flush();
  if (!file) throw StorageError("cannot write the corpus file " + path, {{"operation", "write_mail_corpus"}});
}

}  // namespace v1
}  // namespace relais
