#pragma once
// The connectors of configured mailboxes, shared by configuring, fetching
// and sending.
#include <relais/inbox/mail.h>
#include <relais/spi/mail.h>

#include "host/connector_cache.h"
#include "workspace/workspace_core.h"

#include <memory>
#include <string_view>
#include <vector>

namespace relais::inline v1::detail {

inline constexpr std::string_view kMailboxEntity = "mailbox";

// find_mailbox() or NotFoundError naming "mailbox".
Mailbox existing_mailbox(spi::Connection& connection, std::string_view name, bool lock = false);

// The journal fields of a mailbox: every one of a new mailbox, or those
// that differ.
std::vector<FieldChange> mailbox_changes(const Mailbox* before, const Mailbox& after);

// A new connector of mail plugin `plugin` for `config`. Throws PluginError,
// InvalidInputError ("config.<key>").
std::shared_ptr<spi::MailConnector> create_mail_connector(PluginHost& host, std::string_view plugin,
                                                          std::string_view config);

// The connector of a configured mailbox, from the engine's cache (created
// when missing or reconfigured). Throws NotFoundError naming "mailbox",
// PluginError, InvalidInputError ("config.<key>").
std::shared_ptr<ConnectorSlot<spi::MailConnector>> mailbox_slot(WorkspaceCore& core, std::string_view mailbox);

}  // namespace relais::inline v1::detail
