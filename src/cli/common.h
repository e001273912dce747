// Helpers shared by the subcommands: argument parsing with the shared exit codes.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>

#include "cli/commands.h"

namespace sujuva::cli {

// Parses `args` into `app`. Returns an exit code when the command should stop
// (help printed: 0; usage error: 2), nullopt to go on.
std::optional<int> parse_arguments(CLI::App& app, const Args& args, std::ostream& out, std::ostream& err);

}  // namespace sujuva::cli
