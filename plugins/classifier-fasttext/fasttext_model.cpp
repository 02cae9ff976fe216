#include "fasttext_model.h"

#include <relais/errors.h>

#include <fasttext/fasttext.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace relais::fasttext_classifier {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kLabelPrefix = "__label__";
// All predictions, however many labels the model has.
constexpr std::int32_t kEveryLabel = -1;

StorageError scratch_error(const std::string& operation, const std::string& path, const std::string& why) {
  return StorageError(operation + " " + path + ": " + why, {{"operation", operation}, {"path", path}});
}

// A file only this process can read (mkstemp makes it 0600 under a name
// nobody can guess), removed when it goes out of scope: what the model is
// trained from is the company's mail.
class ScratchFile {
 public:
  ScratchFile() {
    std::error_code error;
    const fs::path folder = fs::temp_directory_path(error);
    if (error) throw scratch_error("create scratch file", "$TMPDIR", error.message());
    std::string pattern = (folder / "relais-fasttext-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw scratch_error("create scratch file", pattern, std::strerror(errno));
    ::close(fd);
    path_ = std::move(pattern);
  }
  ~ScratchFile() {
    std::error_code ignored;
    fs::remove(path_, ignored);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  const std::string& path() const { return path_; }

  void write(const std::string& bytes) const {
    std::ofstream file(path_, std::ios::binary | std::ios::trunc);
    file << bytes;
    file.close();
    if (!file) throw scratch_error("write scratch file", path_, "write failed");
  }

  std::string read() const {
    std::ifstream file(path_, std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    if (!file) throw scratch_error("read scratch file", path_, "read failed");
    return bytes.str();
  }

 private:
  std::string path_;
};

// fastText checks a model file's signature only when it opens the file
// itself; this reads one from memory with the same check.
class ModelReader : public fasttext::FastText {
 public:
  void read(std::istream& in) {
    if (!checkModel(in)) throw std::invalid_argument("not a fastText model, or a version this library cannot read");
    loadModel(in);
    if (!in || getArgs().model != fasttext::model_name::sup) {
      throw std::invalid_argument("not a whole supervised fastText model");
    }
  }
};

fasttext::Args arguments(const TrainingParameters& parameters, const std::string& input) {
  fasttext::Args args;
  args.input = input;
  args.model = fasttext::model_name::sup;
  args.loss = fasttext::loss_name::softmax;
  args.epoch = parameters.epochs;
  args.dim = parameters.dim;
  args.lr = parameters.learning_rate;
  args.wordNgrams = parameters.word_ngrams;
  args.minn = parameters.char_ngram_min;
  args.maxn = parameters.char_ngram_max;
  // Buckets hold word runs and character n-grams; with neither they would
  // only waste room.
  args.bucket = parameters.word_ngrams > 1 || parameters.char_ngram_max > 0 ? parameters.buckets : 0;
  args.minCount = 1;  // a correction's rare word is what it teaches
  args.thread = 1;    // several threads race on the weights: not reproducible
  args.seed = 1;
  args.verbose = 0;
  return args;
}

}  // namespace

FastTextModel FastTextModel::train(const std::vector<LabelledLine>& lines, const TrainingParameters& parameters) {
  std::string text;
  for (const auto& line : lines) {
    text.append(kLabelPrefix).append(line.label).append(" ").append(line.words).append("\n");
  }
  const ScratchFile input;
  input.write(text);
  auto model = std::make_shared<fasttext::FastText>();
  try {
    model->train(arguments(parameters, input.path()));
  } catch (const std::exception& failure) {
    throw PluginError(std::string("fastText could not train: ") + failure.what());
  }
  return FastTextModel(std::move(model));
}

FastTextModel FastTextModel::from_bytes(std::string_view bytes) {
  auto model = std::make_shared<ModelReader>();
  std::istringstream in{std::string(bytes)};
  model->read(in);
  return FastTextModel(std::move(model));
}

std::string FastTextModel::to_bytes() const {
  const ScratchFile output;
  try {
    model_->saveModel(output.path());
  } catch (const std::exception& failure) {
    throw scratch_error("write scratch file", output.path(), failure.what());
  }
  return output.read();
}

std::vector<std::string> FastTextModel::labels() const {
  const auto dictionary = model_->getDictionary();
  std::vector<std::string> labels;
  for (std::int32_t i = 0; i < dictionary->nlabels(); ++i) {
    labels.push_back(dictionary->getLabel(i).substr(kLabelPrefix.size()));
  }
  return labels;
}

std::vector<std::pair<std::string, double>> FastTextModel::predict(const std::string& words) const {
  std::istringstream in(words);
  std::vector<std::pair<fasttext::real, std::string>> predictions;
  model_->predictLine(in, predictions, kEveryLabel, 0.0);
  std::vector<std::pair<std::string, double>> result;
  result.reserve(predictions.size());
  for (const auto& [probability, label] : predictions) {
    // fastText gives exp(log p) in single precision: 1.00001 happens.
    result.emplace_back(label.substr(kLabelPrefix.size()), std::min(1.0, static_cast<double>(probability)));
  }
  return result;
}

}  // namespace relais::fasttext_classifier
