#pragma once
// The mail classifier every session of an engine shares: an object of the
// workspace's classifier plugin (InboxSettings::classifier_plugin) holding
// the model stored in the workspace when there is one (retrain() puts it
// there, so that every process classifies alike), else the model the
// plugin ships with.
#include <relais/spi/classifier.h>

#include "host/plugin_host.h"
#include "inbox/inbox_store.h"

#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace relais::inline v1::detail {

class ClassifierSlot {
 public:
  // The classifier for `plugin` and the workspace's stored model (`stored`,
  // read by the caller; `model_bytes` loads its bytes when they are needed).
  // Created on first use and again when the plugin or the stored model
  // changed (another process retrained). The object is never changed once
  // handed out: classify() may run on it from any thread. Throws
  // PluginError, InvalidInputError ("model": stored bytes the plugin
  // refuses).
  template <class LoadBytes>
  std::shared_ptr<const spi::MailClassifier> get(PluginHost& host, const std::string& plugin,
                                                 const std::optional<StoredModel>& stored, LoadBytes&& model_bytes) {
    std::lock_guard lock(mutex_);
    const std::string model = stored ? stored->sha256 : "";
    if (!current_ || plugin_ != plugin || model_ != model) {
      // Created with the plugin's defaults; a stored model replaces its own.
      auto fresh = host.create_as<spi::MailClassifier>(plugin, "{}");
      if (stored) fresh->load(model_bytes());
      current_ = std::move(fresh);
      plugin_ = plugin;
      model_ = model;
    }
    return current_;
  }

 private:
  std::mutex mutex_;
  std::shared_ptr<const spi::MailClassifier> current_;
  std::string plugin_;
  std::string model_;
};

}  // namespace relais::inline v1::detail
