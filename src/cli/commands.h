// The sujuva subcommands: one table of {name, description, function}.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace sujuva::cli {

// Exit codes shared by every command.
enum ExitCode { kOk = 0, kFindings = 1, kUnusable = 2 };

using Args = std::vector<std::string>;
struct Command {
  const char* name;
  const char* description_fi;
  const char* description_sv;
  const char* description_en;
  int (*run)(const Args& args, std::ostream& out, std::ostream& err);
};

const std::vector<Command>& commands();

// Runs `sujuva ARGS...` (without the program name); returns the exit code.
int run(const Args& args, std::ostream& out, std::ostream& err);

// One function per command, each in its own cmd_<name>.cpp.
int check_command(const Args& args, std::ostream& out, std::ostream& err);
int analyze_command(const Args& args, std::ostream& out, std::ostream& err);
int simulate_command(const Args& args, std::ostream& out, std::ostream& err);
int render_command(const Args& args, std::ostream& out, std::ostream& err);
int report_command(const Args& args, std::ostream& out, std::ostream& err);
int compare_command(const Args& args, std::ostream& out, std::ostream& err);

}  // namespace sujuva::cli
