#pragma once
// The connectors of configured mailboxes, shared by configuring, fetching
// and sending.
#include <relais/inbox/mail.h>
#include <relais/spi/mail.h>

#include "host/connector_cache.h"
#include "workspace/workspace_core.h"

#include <memory>
#include <string_view>

namespace relais::inline v1::detail {

// A new connector of mail plugin `plugin` for `config`. Throws PluginError,
// InvalidInputError ("config.<key>").
std::shared_ptr<spi::MailConnector> create_mail_connector(PluginHost& host, std::string_view plugin,
                                                          std::string_view config);

// The connector of a configured mailbox, from the engine's cache (created
// when missing or reconfigured). Throws NotFoundError naming "mailbox",
// PluginError, InvalidInputError ("config.<key>").
std::shared_ptr<ConnectorSlot<spi::MailConnector>> mailbox_slot(WorkspaceCore& core, std::string_view mailbox);

}  // namespace relais::inline v1::detail
