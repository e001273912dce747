// `sujuva analyze MODEL`: steady-state flow, utilisation, waiting, lead time and bottlenecks of a model.
#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "flow/analysis.h"
#include "io/dot_reader.h"
#include "model/scenario.h"
#include "model/timeline.h"
#include "present/analysis_json.h"
#include "present/analysis_csv.h"
#include "present/analysis_text.h"
#include "text/format.h"

namespace sujuva::cli {

namespace {

struct Options {
  std::string file;
  std::vector<std::string> sets;
  std::optional<double> scale;
  int weeks = -1;
  std::vector<std::string> backlogs;
  std::string timeline_file;
  Lang lang = Lang::fi;
  bool json = false;
  bool wide = false;
  std::string csv_dir;
};

// Applies --set, --scale-arrivals, --backlog and --timeline; false after printing why not.
bool prepare(const Options& o, Lang lang, Process& process, AnalysisOptions& options, std::ostream& err) {
  for (const auto& text : o.sets) {
    auto change = parse_override(text, lang);
    std::string problem = change ? apply_override(process, *change.value, lang) : change.error;
    if (!problem.empty()) {
      err << "sujuva analyze: --set " << problem << "\n";
      return false;
    }
  }
  if (o.scale) {
    if (!(*o.scale >= 0) || *o.scale > 1e12) {
      err << "sujuva analyze: --scale-arrivals "
          << say(lang, "on luku 0 tai suurempi\n", "ska vara ett tal 0 eller större\n", "must be a number from 0 up\n");
      return false;
    }
    scale_arrivals(process, *o.scale);
  }
  for (const auto& text : o.backlogs) {
    auto eq = text.find('=');
    auto clients = eq == std::string::npos ? Parsed<double>{} : parse_number(text.substr(eq + 1));
    if (!clients || *clients.value < 0) {
      err << "sujuva analyze: --backlog \"" << text
          << say(lang, "\": kirjoita ROOLI=ASIAKKAITA, esim. sw=40\n", "\": skriv ROLL=KLIENTER, t.ex. sw=40\n",
                 "\": expected ROLE=CLIENTS, e.g. sw=40\n");
      return false;
    }
    std::string role = text.substr(0, eq);
    if (!process.find_role(role)) {
      std::vector<std::string> ids;
      for (const auto& r : process.roles) ids.push_back(r.id);
      auto best = did_you_mean(role, ids);
      err << "sujuva analyze: --backlog: " << say(lang, "ei roolia \"", "ingen roll \"", "no role \"") << role << "\""
          << did_you_mean_hint(best, lang) << "\n";
      return false;
    }
    options.initial_backlog[role] += *clients.value;
  }
  if (!o.timeline_file.empty()) {
    auto read = read_timeline_file(o.timeline_file, lang);
    Diagnostics problems = read.diagnostics;
    if (read.timeline)
      for (auto& d : validate_timeline(*read.timeline, process, lang)) problems.push_back(d);
    if (!problems.empty()) {
      for (const auto& d : problems) err << d.format(lang) << "\n";
      return false;
    }
    options.timeline = *read.timeline;
  }
  options.projection_weeks = o.weeks >= 0                                                      ? o.weeks
                             : (!options.timeline.empty() || !options.initial_backlog.empty()) ? 26
                                                                                               : 0;
  return true;
}

}  // namespace

int analyze_command(const Args& args, std::ostream& out, std::ostream& err) {
  const Lang help = args_lang(args);
  CLI::App app{
      say(help,
          "Analysoi prosessimallin tasapainotilan virtauksen: käynnit, työmäärä, käyttöaste, odotus, läpimenoaika, "
          "pullonkaulat, herkkyys ja jonon ennuste.\nPaluuarvot: 0 kunnossa, 1 löydöksiä (roolin kysyntä ylittää "
          "kapasiteetin), 2 käyttökelvoton syöte tai väärä käyttö.",
          "Analyserar processmodellens flöde i jämvikt: besök, arbetsmängd, beläggning, väntan, genomloppstid, "
          "flaskhalsar, känslighet och en prognos för kön.\nSlutkoder: 0 i ordning, 1 fynd (en roll vars efterfrågan "
          "överstiger kapaciteten), 2 oanvändbar indata eller felaktig användning.",
          "Analyse the steady-state flow of a process model: visits, workload, utilisation, waiting, lead time, "
          "bottlenecks, sensitivity and a backlog projection.\nExit codes: 0 ok, 1 findings (a role whose "
          "demand exceeds its capacity), 2 unusable input or usage."),
      "sujuva analyze"};
  Options o;
  app.add_option(say(help, "MALLI", "MODELL", "MODEL"), o.file,
                 say(help, "prosessimalli (DOT)", "processmodell (DOT)", "DOT process model file"))
      ->required();
  app.add_option("--set", o.sets,
                 say(help,
                     "entä jos -muutos, esim. sw.fte=4, sw.absence=0,2, sw.fte=+1, absence=0,2, arvio->swplan.p=0,4, "
                     "effort x1,2 (voi toistaa)",
                     "tänkt förändring, t.ex. sw.fte=4, sw.absence=0,2, sw.fte=+1, absence=0,2, arvio->swplan.p=0,4, "
                     "effort x1,2 (kan upprepas)",
                     "what-if change, e.g. sw.fte=4, sw.absence=0.2, sw.fte=+1, absence=0.2, "
                     "arvio->swplan.p=0.4, effort x1.2 (repeatable)"));
  app.add_option(
      "--scale-arrivals", o.scale,
      say(help, "kertoo jokaisen aloitusvaiheen saapumiset, esim. 1,2",
          "multiplicerar varje startstegs ankomster, t.ex. 1,2", "multiply every start step's arrivals, e.g. 1.2"));
  app.add_option("--weeks", o.weeks,
                 say(help, "jonon ennusteen viikot (oletus 26, kun --timeline tai --backlog)",
                     "veckor i köprognosen (standard 26 med --timeline eller --backlog)",
                     "weeks of backlog projection (default 26 with --timeline or --backlog)"))
      ->check(CLI::Range(0, 100000));  // NonNegativeNumber printed its upper end, DBL_MAX, in full
  app.add_option("--backlog", o.backlogs,
                 say(help, "roolin jonossa jo viikolla 0 olevat asiakkaat, esim. sw=40 (voi toistaa)",
                     "klienter som redan köar hos en roll vecka 0, t.ex. sw=40 (kan upprepas)",
                     "clients already queued at a role at week 0, e.g. sw=40 (repeatable)"));
  app.add_option("--timeline", o.timeline_file,
                 say(help, "muutokset CSV-tiedostona viikko,kohde,arvo, esim. 10,sw.fte,2.5",
                     "förändringar som CSV vecka,mål,värde, t.ex. 10,sw.fte,2.5",
                     "CSV of changes week,target,value, e.g. 10,sw.fte,2.5"));
  add_lang_option(
      app, o.lang,
      say(help, "tekstin kieli: fi, sv tai en", "textens språk: fi, sv eller en", "language of the text: fi, sv or en"),
      LangHelp::choices);
  app.add_flag("--json", o.json,
               say(help, "analyysi yhtenä JSON-dokumenttina", "analysen som ett JSON-dokument",
                   "print the analysis as one JSON document"));
  app.add_option("--csv", o.csv_dir,
                 say(help, "kirjoittaa myös roles.csv, steps.csv ja projection.csv tähän kansioon",
                     "skriver också roles.csv, steps.csv och projection.csv i den här mappen",
                     "also write roles.csv, steps.csv and projection.csv into this directory"));
  add_wide_option(app, o.wide, help);
  if (auto code = parse_arguments(app, args, out, err)) return *code;
  const Lang lang = o.lang;

  ReadResult read = read_process_file(o.file, lang);
  for (const auto& d : read.diagnostics)
    if (d.severity == Severity::error || !read.usable()) err << d.format(lang) << "\n";
  if (!read.usable()) {
    err << unusable_file(o.file, lang) << "\n";
    return kUnusable;
  }
  // A reference: moving a Boost adjacency_list copies it (1 s at a million steps).
  Process& process = *read.process;
  AnalysisOptions options;
  options.lang = lang;
  if (!prepare(o, lang, process, options, err)) return kUnusable;

  Analysis analysis;
  try {
    analysis = analyze(process, options);
  } catch (const AnalysisError& e) {
    err << e.what() << "\n";
    return kUnusable;
  }
  if (!o.csv_dir.empty()) {
    try {
      write_analysis_csv(o.csv_dir, analysis, process, lang);
    } catch (const std::exception& e) {
      err << "sujuva analyze: " << e.what() << "\n";
      return kUnusable;
    }
  }
  if (o.json) {
    write_json(analysis, process, out);
    out << "\n";
  } else
    print_analysis(analysis, process, lang, out, text_fit(o.wide));
  return analysis.stable() ? kOk : kFindings;
}

}  // namespace sujuva::cli
