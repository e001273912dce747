#include "cli/commands.h"

#include <ostream>

#include "model/diagnostic.h"

namespace sujuva::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"check", "check models for unreachable steps, traps, skipped checkpoints and bypassed roles", check_command},
      {"analyze", "steady-state flow: workload, utilisation, waiting, lead time, bottlenecks", analyze_command},
      {"simulate", "discrete-event simulation: percentiles, deadlines, confidence intervals", simulate_command},
      {"render", "draw the process as SVG, PNG, PDF or annotated DOT", render_command},
      {"report", "write a self-contained HTML report with diagram and charts", report_command},
      {"compare", "compare models or scenarios before and after a change", compare_command},
  };
  return table;
}

namespace {
void print_help(std::ostream& out) {
  out << "sujuva " SUJUVA_VERSION " - process maps and bottlenecks for social services\n\n"
      << "usage: sujuva <command> [options] MODEL...\n\ncommands:\n";
  for (const auto& c : commands())
    out << "  " << c.name << std::string(10 - std::string(c.name).size(), ' ') << c.description << "\n";
  out << "\n'sujuva <command> --help' shows a command's options.\n"
      << "exit codes: 0 ok, 1 findings, 2 unusable input or usage\n";
}
}  // namespace

int run(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    if (args.size() >= 2 && args[0] == "help") return run({args[1], "--help"}, out, err);
    print_help(args.empty() ? err : out);
    return args.empty() ? kUnusable : kOk;
  }
  if (args[0] == "--version" || args[0] == "version") {
    out << "sujuva " SUJUVA_VERSION "\n";
    return kOk;
  }
  for (const auto& c : commands())
    if (args[0] == c.name) {
      try {
        return c.run(Args(args.begin() + 1, args.end()), out, err);
      } catch (const std::exception& e) {
        err << "sujuva " << c.name << ": " << e.what() << "\n";
        return kUnusable;
      }
    }
  std::vector<std::string> names;
  for (const auto& c : commands()) names.push_back(c.name);
  std::string suggestion = did_you_mean(args[0], names);
  err << "sujuva: unknown command \"" << args[0] << "\"" << did_you_mean_hint(suggestion) << "; see 'sujuva help'\n";
  return kUnusable;
}

}  // namespace sujuva::cli
