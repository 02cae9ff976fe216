#pragma once
// The inbox part of `relais demo` (demo_inbox.cpp).
#include <relais/workspace.h>

#include <filesystem>

namespace relais::cli {

// Copies the demo Maildir next to `workspace_file` and configures the
// mailbox "contact" that reads it, with the inbox's settings and a few FAQ
// entries. Returns the copy's folder.
std::filesystem::path set_up_inbox(Workspace& admin, const std::filesystem::path& workspace_file);
// Fetches the mailbox set up above, prints what became of each mail, then
// sorts one mail of the triage queue as the assistant would.
void read_nights_mail(Workspace& assistant, const std::filesystem::path& folder);

}  // namespace relais::cli
