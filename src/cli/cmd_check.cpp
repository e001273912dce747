// `sujuva check MODEL...`: load each model, run the checks, print findings.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>

#include "check/check.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "io/dot_reader.h"

namespace sujuva::cli {

namespace {
nlohmann::json to_json(const Diagnostic& d) {
  return {{"severity", d.severity == Severity::error ? "error" : "warning"},
          {"file", d.file},
          {"line", d.line},
          {"message", d.message},
          {"route", d.route}};
}
}  // namespace

int check_command(const Args& args, std::ostream& out, std::ostream& err) {
  CLI::App app{
      "Check process models: reachability, traps, probabilities, staffing, mandatory checkpoints and "
      "required roles.\nExit codes: 0 no errors, 1 errors found, 2 unreadable input or usage.",
      "sujuva check"};
  std::vector<std::string> files;
  bool json = false;
  app.add_option("MODEL", files, "DOT process model files")->required();
  app.add_flag("--json", json, "print findings as JSON");
  if (auto code = parse_arguments(app, args, out, err)) return *code;

  int exit_code = kOk;
  nlohmann::json report = nlohmann::json::array();
  for (const auto& file : files) {
    ReadResult result = read_process_file(file);
    Diagnostics findings = result.diagnostics;
    if (result.usable()) {
      auto checked = check_process(*result.process);
      findings.insert(findings.end(), checked.begin(), checked.end());
    }
    int errors = 0, warnings = 0;
    for (const auto& d : findings) (d.severity == Severity::error ? errors : warnings)++;
    int code = !result.usable() ? kUnusable : errors ? kFindings : kOk;
    exit_code = std::max(exit_code, code);
    if (json) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& d : findings) list.push_back(to_json(d));
      report.push_back({{"file", file},
                        {"model", result.process ? result.process->name : ""},
                        {"usable", result.usable()},
                        {"errors", errors},
                        {"warnings", warnings},
                        {"findings", list}});
      continue;
    }
    for (const auto& d : findings) (code == kUnusable ? err : out) << d.format() << "\n";
    if (code == kUnusable)
      err << file << ": cannot be used (" << errors << (errors == 1 ? " error" : " errors") << ")\n";
    else
      out << file << ": " << (errors ? std::to_string(errors) + (errors == 1 ? " error" : " errors") : "ok") << ", "
          << warnings << (warnings == 1 ? " warning" : " warnings") << "\n";
  }
  if (json) out << report.dump(2) << "\n";
  return exit_code;
}

}  // namespace sujuva::cli
