// `sujuva report MODEL [-o DIR]`: a self-contained HTML report (plus Markdown, JSON, SVG, PNG, PDF) for staff events.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>

#include "check/check.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "compare/comparison.h"
#include "flow/analysis.h"
#include "io/dot_reader.h"
#include "model/scenario.h"
#include "model/timeline.h"
#include "report/comparison.h"
#include "report/simulation_section.h"
#include "report/write.h"
#include "sim/simulation.h"
#include "text/format.h"

namespace sujuva::cli {

namespace {

struct Options {
  std::string file, dir, timeline_file, compare;
  Lang lang = Lang::fi;
  std::vector<std::string> sets;
  int weeks = 26;
  bool simulate = false;
  int replications = 10;
  double sim_weeks = 52;
  std::uint64_t seed = 1;
};

// --set and --timeline, as `analyze` reads them; false after saying why not.
bool apply_what_ifs(const Options& o, Lang lang, Process& process, AnalysisOptions& options, std::ostream& err) {
  for (const auto& text : o.sets) {
    auto change = parse_override(text, lang);
    std::string problem = change ? apply_override(process, *change.value, lang) : change.error;
    if (!problem.empty()) return err << "sujuva report: --set " << problem << "\n", false;
  }
  if (!o.timeline_file.empty()) {
    auto read = read_timeline_file(o.timeline_file, lang);
    Diagnostics problems = read.diagnostics;
    if (read.timeline)
      for (auto& d : validate_timeline(*read.timeline, process, lang)) problems.push_back(d);
    for (const auto& d : problems) err << d.format(lang) << "\n";
    if (!problems.empty() || !read.timeline) return false;
    options.timeline = *read.timeline;
  }
  options.projection_weeks = o.weeks;
  return true;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The analysis that colours the BEFORE model's diagram in the before/after section (no
// sensitivity or projection: the diagram shows neither; the AFTER model's diagram reads the
// report's own analysis); none when the model has no steady state.
std::optional<Analysis> diagram_analysis(const Process& process, Lang lang) {
  AnalysisOptions options;
  options.lang = lang;
  options.sensitivity = false;
  try {
    return analyze(process, options);
  } catch (const AnalysisError&) {
    return std::nullopt;
  }
}

}  // namespace

int report_command(const Args& args, std::ostream& out, std::ostream& err) {
  const Lang help = args_lang(args);
  CLI::App app{say(help,
                   "Kirjoittaa mallin raportin tiimin kokoukseen: DIR/index.html (yksi itsenäinen tiedosto: "
                   "yhteenveto, kaavio, roolit, tarkistuspisteet, tarkistuksen löydökset, herkkyys, kuviot, oletukset) "
                   "sekä report.md, analysis.json, diagram.svg, diagram.png ja poster.pdf.\nPaluuarvot: 0 kirjoitettu, "
                   "2 käyttökelvoton syöte, väärä käyttö tai tiedostoa ei voi kirjoittaa.",
                   "Skriver en rapport om modellen för ett teammöte: DIR/index.html (en fristående fil: "
                   "sammanfattning, diagram, roller, kontrollpunkter, kontrollens fynd, känslighet, figurer, "
                   "antaganden) samt report.md, analysis.json, diagram.svg, diagram.png och poster.pdf.\nSlutkoder: 0 "
                   "skriven, 2 oanvändbar indata, felaktig användning eller filen kan inte skrivas.",
                   "Write a model's report for a team meeting: DIR/index.html (one self-contained file: summary, "
                   "diagram, roles, checkpoints, check findings, sensitivity, charts, assumptions) plus report.md, "
                   "analysis.json, diagram.svg, diagram.png and poster.pdf.\nExit codes: 0 written, 2 unusable input, "
                   "usage or unwritable output."),
               "sujuva report"};
  Options o;
  app.add_option(say(help, "MALLI", "MODELL", "MODEL"), o.file,
                 say(help, "prosessimalli (DOT)", "processmodell (DOT)", "DOT process model file"))
      ->required();
  app.add_option(
      "-o,--output", o.dir,
      say(help, "kansio, johon kirjoitetaan (oletus reports/<mallin nimi>)",
          "mapp som skrivs (standard reports/<modellens namn>)", "output folder (default reports/<model name>)"));
  add_lang_option(app, o.lang,
                  say(help, "raportin kieli: fi, sv tai en", "rapportens språk: fi, sv eller en",
                      "language of the report: fi, sv or en"),
                  LangHelp::choices);
  app.add_option(
         "--weeks", o.weeks,
         say(help, "jonon ennusteen viikot kuviossa (oletus 26)", "veckor i köprognosen i figuren (standard 26)",
             "weeks of backlog projection in the chart (default 26)"))
      ->check(CLI::Range(1, 520));
  app.add_option("--set", o.sets,
                 say(help, "entä jos -muutos kuten analyze-komennossa, esim. sw.fte=+1 (voi toistaa)",
                     "tänkt förändring som i analyze, t.ex. sw.fte=+1 (kan upprepas)",
                     "what-if change as in analyze, e.g. sw.fte=+1 (repeatable)"));
  app.add_option(
      "--timeline", o.timeline_file,
      say(help, "ennusteen muutokset CSV-tiedostona viikko,kohde,arvo",
          "förändringar för prognosen som CSV vecka,mål,värde", "CSV of changes week,target,value for the projection"));
  app.add_flag(
      "--simulate", o.simulate,
      say(help, "lisää simulointiosion: läpimenoajan prosenttipisteet, määräajat, jonot viikoittain",
          "lägger till ett avsnitt om simulering: percentiler för genomloppstiden, tidsfrister, köer per vecka",
          "add a simulation section: lead-time percentiles, deadlines, weekly queues"));
  app.add_option("--replications", o.replications,
                 say(help, "simuloinnin toistot (oletus 10)", "simuleringens upprepningar (standard 10)",
                     "simulation replications (default 10)"))
      ->check(CLI::Range(2, 1000));
  app.add_option("--sim-weeks", o.sim_weeks,
                 say(help, "simuloidut viikot toistoa kohden (oletus 52)",
                     "simulerade veckor per upprepning (standard 52)", "simulated weeks per replication (default 52)"))
      ->check(CLI::Range(1.0, 520.0));
  app.add_option(
      "--seed", o.seed,
      say(help, "simuloinnin siemen (oletus 1)", "simuleringens frö (standard 1)", "simulation seed (default 1)"));
  app.add_option("--compare", o.compare,
                 say(help, "malli ENNEN: lisää ennen/jälkeen-osion (tämä MODEL on jälkeen)",
                     "en modell FÖRE: lägger till ett avsnitt före/efter (den här MODEL är efter)",
                     "a BEFORE model: adds a before/after section (this MODEL is after)"));
  if (auto code = parse_arguments(app, args, out, err)) return *code;
  const Lang lang = o.lang;
  // -o names a folder for six files; `-o raportti.html` would otherwise make a folder of that name.
  static const std::set<std::string> kFileExtensions{".html", ".htm", ".md", ".json", ".svg", ".png", ".pdf"};
  if (const std::filesystem::path output(o.dir); kFileExtensions.count(output.extension().string())) {
    err << "sujuva report: -o " << o.dir
        << say(lang,
               ": anna kansio, ei tiedoston nimeä: raportti on kuuden tiedoston kansio (index.html, report.md, "
               "analysis.json, diagram.svg, diagram.png, poster.pdf), esim. -o reports/",
               ": ange en mapp, inte ett filnamn: rapporten är en mapp med sex filer (index.html, report.md, "
               "analysis.json, diagram.svg, diagram.png, poster.pdf), t.ex. -o reports/",
               ": give a folder, not a file name: the report is a folder of six files (index.html, report.md, "
               "analysis.json, diagram.svg, diagram.png, poster.pdf), e.g. -o reports/")
        << output.stem().string() << "\n";
    return kUnusable;
  }

  ReadResult read = read_process_file(o.file, lang);
  for (const auto& d : read.diagnostics) err << d.format(lang) << "\n";
  if (!read.usable()) return err << unusable_file(o.file, lang) << "\n", kUnusable;
  Process& process = *read.process;  // an adjacency_list copies even when moved
  AnalysisOptions options;
  options.lang = lang;
  if (!apply_what_ifs(o, lang, process, options, err)) return kUnusable;

  Diagnostics findings = check_process(process, lang);
  std::optional<Analysis> analysis;
  std::string analysis_error;
  try {
    analysis = analyze(process, options);
  } catch (const AnalysisError& e) {
    // The report still shows the model, its checkpoints and the check's findings.
    analysis_error = e.what();
    for (const auto& d : e.diagnostics) err << d.format(lang) << "\n";
    err << "sujuva report: "
        << say(lang, "raporttiin ei tule virtausanalyysiä: ", "rapporten får ingen flödesanalys: ",
               "no flow analysis in the report: ")
        << analysis_error << "\n";
  }
  ReportFolder folder{.dir = o.dir.empty() ? default_report_dir(process) : o.dir, .lang = lang};
  if (o.simulate) {
    try {
      // Capacity absence model and continuous time, as the analysis; the same warm-up as
      // `sujuva simulate`, long enough for the queues to fill, so that the measured weeks show
      // the steady state the analysis describes.
      SimulationOptions sim_options;
      sim_options.replications = o.replications;
      sim_options.weeks = o.sim_weeks;
      sim_options.seed = o.seed;
      sim_options.lang = lang;
      sim_options.warmup_weeks = suggested_warmup_weeks(process, lang);
      SimulationSection section = simulation_section(process, simulate(process, sim_options), sim_options, lang);
      folder.simulation_html = section.html;
      folder.simulation_markdown = section.markdown;
    } catch (const std::exception& e) {
      return err << "sujuva report: --simulate: " << error_text(e, lang) << "\n", kUnusable;
    }
  }
  if (!o.compare.empty()) {
    ReadResult before = read_process_file(o.compare, lang);
    for (const auto& d : before.diagnostics) err << d.format(lang) << "\n";
    if (!before.usable()) return err << unusable_file(o.compare, lang) << "\n", kUnusable;
    try {
      Comparison comparison = compare_processes({&*before.process, &process}, {}, lang);
      std::optional<Analysis> before_analysis = diagram_analysis(*before.process, lang);
      Diagnostics before_findings = check_process(*before.process, lang);
      ComparisonSection section =
          comparison_section({&*before.process, before_analysis ? &*before_analysis : nullptr, &before_findings},
                             {&process, analysis ? &*analysis : nullptr, &findings}, comparison, lang);
      folder.comparison_html = section.html;
      folder.comparison_markdown = section.markdown;
    } catch (const CompareError& e) {
      for (const auto& d : e.diagnostics) err << d.format(lang) << "\n";
      return err << "sujuva report: --compare: " << e.what() << "\n", kUnusable;
    } catch (const std::exception& e) {
      return err << "sujuva report: --compare: " << error_text(e, lang) << "\n", kUnusable;
    }
  }
  try {
    write_report(process, read_text(o.file), analysis ? &*analysis : nullptr, analysis_error, findings, folder);
  } catch (const std::exception& e) {
    err << "sujuva report: " << error_text(e, lang) << "\n";
    return kUnusable;
  }
  out << (std::filesystem::path(folder.dir) / "index.html").string() << "\n";
  return kOk;
}

}  // namespace sujuva::cli
