#pragma once
// The ERP connector SPI: what a plugin of kind "erp" implements. A connector
// is the transport and the numbering of one external system (the ERP, Sage):
// it moves files to and from that system, hands over the mapping profile of
// its files, and says what id the system will know a new customer by. The
// host does the rest: it decides from the journal what to send, writes and
// reads the files with the profile (docs/importing.md), assigns the ids and
// imports what comes back (relais/erp/erp_exchange.h, docs/erp.md).
//
// The plugin descriptor's create(config) returns a relais::spi::ErpConnector*
// for `config`, the text given to ErpExchange::configure() (JSON for the
// "files" connector). A bad config throws InvalidInputError naming the key
// ("config.outbox") and its value, which the caller of configure() receives
// as such. The config is stored in the database and journaled: it must not
// hold a password (a connector reads secrets from the environment or from a
// file its config names).
//
// Threads: the host never calls one connector object from two threads at
// once; connectors of different systems may run concurrently. Two processes
// may each hold a connector for the same system.
// Errors: every member throws relais::Error and nothing else: StorageError
// for I/O (context "operation" and "path"), InvalidInputError for a value it
// refuses, NotFoundError for a file that is gone.
#include <relais/errors.h>
#include <relais/spi/plugin_kind.h>

#include <cstdint>
#include <string>
#include <vector>

namespace relais::inline v1::spi {

// A file for the external system.
struct OutboundFile {
  std::string name;   // suggested file name, without folder, unique per export
  std::string bytes;  // the content, already encoded in the system's charset
};

// A file the external system left for Relais.
struct InboundFile {
  std::string name;   // identifies the file to acknowledge(); quoted in reports
  std::string bytes;
};

class ErpConnector {
 public:
  virtual ~ErpConnector() = default;

  // The system this connector serves: the key of Customer::external_ids
  // ("erp", "sage"). Must equal the name the system is configured under.
  virtual std::string system() const = 0;

  // The mapping profile of this system's files, as JSON text: the host reads
  // the system's files and writes the ones it sends with it. A connector may
  // read it afresh at each call.
  virtual std::string profile() const = 0;

  // The id the external system will know a new customer by, from a sequence
  // number the host allocates per system (1, 2, 3..., never reused).
  // Deterministic: the same sequence always gives the same id, different
  // sequences give different ids. The host skips an id another customer
  // already holds. Throws InvalidInputError when the sequence cannot be
  // numbered (too many digits for the configured width).
  virtual std::string new_external_id(std::uint64_t sequence) const = 0;

  // Delivers `file` to the external system atomically: the system never sees
  // part of it, and an existing file is never overwritten. Returns where it
  // went (for "files": the path), for the export report. The host calls it
  // last inside the export's write transaction: when it throws, nothing of
  // the export is stored.
  virtual std::string send(const OutboundFile& file) = 0;

  // The files the external system left that were not acknowledged yet,
  // oldest first (for "files": in name order), each read whole.
  virtual std::vector<InboundFile> receive() = 0;

  // Marks a received file handled, so receive() no longer returns it:
  // `imported_ok` when it was imported without a rejected row, false when it
  // was refused or had rejected rows and needs a look. Throws NotFoundError
  // when the file is no longer there.
  virtual void acknowledge(const InboundFile& file, bool imported_ok) = 0;
};

template <>
struct PluginKind<ErpConnector> {
  static constexpr const char* name = "erp";
};

}  // namespace relais::inline v1::spi
