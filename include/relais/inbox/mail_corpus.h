#pragma once
// Training corpora for the mail classifier as files: one labelled mail per
// line, as JSON ({"category": "breakdown", "urgency": "urgent", "subject":
// "...", "sender": "...", "body": "..."}, UTF-8). The model build step
// (tools/mail-model) writes the corpus the shipped fastText model was
// trained on next to the model, share/relais/models/mail-corpus.jsonl, so
// that InboxService::retrain() can start from it in any process, Python
// and the command line included, without the generator (tools/synth).
#include <relais/export.h>
#include <relais/spi/classifier.h>

#include <string>
#include <vector>

namespace relais {
inline namespace v1 {

// The corpus file installed with this copy of the library: found relative
// to the library's own folder, in the build tree as in an install (moved or
// not): <lib>/../share/relais/models/mail-corpus.jsonl. The file may be
// missing (the model was not built); read_mail_corpus() says so. Never throws.
RELAIS_API std::string shipped_mail_corpus_path();

// Reads a corpus file. Blank lines are skipped. Throws NotFoundError
// (entity "corpus", the path) when the file cannot be opened,
// InvalidInputError naming "corpus:<line>" for a line that is not such an
// object (bad JSON, a missing field, an unknown category or urgency).
RELAIS_API std::vector<spi::LabelledMail> read_mail_corpus(const std::string& path);

// Writes `mails` to `path` in that format, replacing the file. Throws
// StorageError when it cannot be written.
RELAIS_API void write_mail_corpus(const std::string& path, const std::vector<spi::LabelledMail>& mails);

}  // namespace v1
}  // namespace relais
