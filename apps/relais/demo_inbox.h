#pragma once
// The inbox part of `relais demo` (demo_inbox.cpp).
#include <relais/workspace.h>

#include <filesystem>

namespace relais::cli {

// Fetches the demo Maildir (copied next to `workspace_file`) through a
// configured mailbox, prints what became of each mail, then sorts one mail
// of the triage queue as the assistant would.
void run_inbox_day(Workspace& admin, Workspace& assistant, const std::filesystem::path& workspace_file);

}  // namespace relais::cli
