// `sujuva check MODEL...`: load each model, run the checks, print findings.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <map>
#include <ostream>

#include "check/check.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "io/dot_reader.h"
#include "present/table.h"
#include "text/format.h"

namespace sujuva::cli {

namespace {
nlohmann::json to_json(const Diagnostic& d) {
  return {{"severity", d.severity == Severity::error ? "error" : "warning"},
          {"kind", to_string(d.kind)},
          {"file", d.file},
          {"line", d.line},
          {"column", d.column},
          {"message", d.message},
          {"route", d.route},
          {"rule", d.rule},
          {"basis", d.basis.empty() ? nlohmann::json() : nlohmann::json(d.basis)}};
}

// "1 error", "2 virhettä", "0 varningar": the count and the noun in `lang`.
std::string counted(int n, Lang lang, bool error) {
  const char* word =
      error ? (n == 1 ? say(lang, "virhe", "fel", "error") : say(lang, "virhettä", "fel", "errors"))
            : (n == 1 ? say(lang, "varoitus", "varning", "warning") : say(lang, "varoitusta", "varningar", "warnings"));
  return std::to_string(n) + " " + word;
}

// "2 rules broken, 1 error in the model, 0 warnings", leaving out the kinds of error not found.
std::string tally(const Diagnostics& findings, int warnings, Lang lang) {
  const int service = count_errors(findings, DiagnosticKind::service);
  const int model = count_errors(findings, DiagnosticKind::model);
  std::string out;
  if (service)
    out += std::to_string(service) + (service == 1 ? say(lang, " sääntörikkomus", " regelbrott", " rule broken")
                                                   : say(lang, " sääntörikkomusta", " regelbrott", " rules broken"));
  if (model)
    out += (out.empty() ? "" : ", ") + std::to_string(model) +
           (model == 1 ? say(lang, " virhe mallissa", " fel i modellen", " error in the model")
                       : say(lang, " virhettä mallissa", " fel i modellen", " errors in the model"));
  if (out.empty()) out = say(lang, "kunnossa", "ok", "ok");
  return out + ", " + counted(warnings, lang, false);
}

// A finding's lines wrapped to the width: "file:line: message" goes on four spaces in, the route
// line four further than its own indent; a quoted source line stays as it is.
std::string wrapped(const std::string& finding, const TextFit& fit) {
  std::string out;
  size_t start = 0;
  while (start <= finding.size()) {
    size_t end = std::min(finding.find('\n', start), finding.size());
    std::string_view line = std::string_view(finding).substr(start, end - start);
    const size_t indent = std::min(line.find_first_not_of(' '), line.size());
    // The source line and its caret ("    2 |   a -> b", "      |   ^") keep every space.
    const size_t bar = line.find(" | ");
    if (bar != std::string_view::npos && line.find_first_not_of("0123456789 ") == bar + 1) {
      out += std::string(line) + "\n";
      start = end + 1;
      continue;
    }
    out += wrap_text(line.substr(indent), fit.width, std::string(indent, ' '), std::string(indent + 4, ' '));
    start = end + 1;
  }
  return out;
}

// The findings in three headed groups: the service's broken rules first (the point of a
// current-state model), then errors in the model, then warnings of either kind.
// More findings of one rule than this are summed up in one line, unless --all: a generated model
// of 200 000 steps without effort gave 400 000 lines of the same warning.
constexpr int kShownPerRule = 10;

void print_groups(const Diagnostics& findings, Lang lang, const TextFit& fit, bool all, std::ostream& out) {
  auto group = [&](const char* heading, auto&& belongs) {
    bool any = false;
    std::map<std::string, int> shown, more;  // by rule
    std::vector<std::string> order;          // rules in the order of their first finding
    for (const auto& d : findings) {
      if (!belongs(d)) continue;
      if (!any) out << heading << "\n";
      any = true;
      if (!shown.count(d.rule)) order.push_back(d.rule);
      if (!all && shown[d.rule] >= kShownPerRule) {
        ++more[d.rule];
        continue;
      }
      ++shown[d.rule];
      out << wrapped(d.format(lang), fit);
    }
    for (const auto& rule : order)
      if (more[rule] > 0)
        out << wrapped(fmt::format(fmt::runtime(say(lang, "… ja {} muuta samanlaista; kaikki näkyvät valinnalla --all",
                                                    "… och {} till av samma slag; alla visas med --all",
                                                    "… and {} more like these; --all shows every one")),
                                   format_decimal(more[rule], 0, lang)),
                       fit);
  };
  group(say(lang, "Palvelu rikkoo sääntöä:", "Tjänsten bryter mot en regel:", "The service breaks a rule:"),
        [](const Diagnostic& d) { return d.severity == Severity::error && d.kind == DiagnosticKind::service; });
  group(say(lang, "Mallissa on virheitä:", "Modellen har fel:", "The model has errors:"),
        [](const Diagnostic& d) { return d.severity == Severity::error && d.kind == DiagnosticKind::model; });
  group(say(lang, "Varoitukset:", "Varningar:", "Warnings:"),
        [](const Diagnostic& d) { return d.severity == Severity::warning; });
}
}  // namespace

int check_command(const Args& args, std::ostream& out, std::ostream& err) {
  const Lang help = args_lang(args);
  CLI::App app{
      say(help,
          "Tarkistaa prosessimallit: saavutettavuus, umpikujat, todennäköisyydet, henkilöstö, pakolliset "
          "tarkistuspisteet ja vaaditut roolit.\nPaluuarvot: 0 ei virheitä, 1 virheitä (palvelu rikkoo sääntöä "
          "tai mallissa on virheitä), 2 lukukelvoton syöte tai väärä käyttö.",
          "Kontrollerar processmodeller: nåbarhet, återvändsgränder, sannolikheter, bemanning, obligatoriska "
          "kontrollpunkter och krävda roller.\nSlutkoder: 0 inga fel, 1 fel (tjänsten bryter mot en regel eller "
          "modellen har fel), 2 oläslig indata eller felaktig användning.",
          "Check process models: reachability, traps, probabilities, staffing, mandatory checkpoints and "
          "required roles.\nExit codes: 0 no errors, 1 errors found (the service breaks a rule, or the model has "
          "errors), 2 unreadable input or usage."),
      "sujuva check"};
  std::vector<std::string> files;
  Lang lang = Lang::fi;
  bool wide = false, all = false;
  bool json = false;
  app.add_option(say(help, "MALLI", "MODELL", "MODEL"), files,
                 say(help, "prosessimallit (DOT)", "processmodeller (DOT)", "DOT process model files"))
      ->required();
  app.add_flag("--json", json, say(help, "löydökset JSON-muodossa", "fynden som JSON", "print findings as JSON"));
  add_lang_option(app, lang,
                  say(help, "löydösten kieli: fi, sv tai en (oletus fi tai SUJUVA_LANG)",
                      "fyndens språk: fi, sv eller en (standard fi eller SUJUVA_LANG)",
                      "language of the findings: fi, sv or en (default fi, or SUJUVA_LANG)"),
                  LangHelp::choices);
  add_wide_option(app, wide, help);
  app.add_flag("--all", all,
               say(help, "kaikki löydökset, myös saman säännön kymmenen ensimmäisen jälkeen",
                   "alla fynd, också efter de tio första av samma regel",
                   "every finding, also after the first ten of one rule"));
  if (auto code = parse_arguments(app, args, out, err)) return *code;
  const TextFit fit = text_fit(wide);

  int exit_code = kOk;
  nlohmann::json report = nlohmann::json::array();
  for (const auto& file : files) {
    ReadResult result = read_process_file(file, lang);
    Diagnostics findings = result.diagnostics;
    if (result.usable()) {
      auto checked = check_process(*result.process, lang);
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
                        {"rules_broken", count_errors(findings, DiagnosticKind::service)},
                        {"model_errors", count_errors(findings, DiagnosticKind::model)},
                        {"warnings", warnings},
                        {"findings", list}});
      continue;
    }
    print_groups(findings, lang, fit, all, code == kUnusable ? err : out);
    if (code == kUnusable)
      err << file << say(lang, ": ei käyttökelpoinen (", ": kan inte användas (", ": cannot be used (")
          << counted(errors, lang, true) << ")\n";
    else
      out << file << ": " << tally(findings, warnings, lang) << "\n";
  }
  if (json) out << report.dump(2) << "\n";
  return exit_code;
}

}  // namespace sujuva::cli
