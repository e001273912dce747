// `sujuva simulate MODEL`: discrete-event simulation with replications, confidence intervals and guards.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "io/dot_reader.h"
#include "model/scenario.h"
#include "model/timeline.h"
#include "present/simulation_json.h"
#include "present/simulation_text.h"
#include "sim/simulation.h"
#include "text/format.h"

namespace sujuva::cli {

namespace {

// A one-line bar on stderr, shown only on a terminal and only once the run has taken a second.
class ProgressBar {
 public:
  ProgressBar(std::ostream& err, bool enabled) : err_(err), enabled_(enabled) {}
  ~ProgressBar() {
    if (shown_) err_ << "\r" << std::string(60, ' ') << "\r" << std::flush;
  }
  void operator()(int done, int total) {
    if (!enabled_) return;
    if (std::chrono::steady_clock::now() - start_ < std::chrono::seconds(1)) return;
    shown_ = true;
    int filled = total > 0 ? 30 * done / total : 30;
    err_ << "\rsimulate [" << std::string(filled, '#') << std::string(30 - filled, ' ') << "] " << done << "/" << total
         << std::flush;
  }

 private:
  std::ostream& err_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace

int simulate_command(const Args& args, std::ostream& out, std::ostream& err) {
  const Lang help = args_lang(args);
  CLI::App app{
      say(help,
          "Simuloi prosessimallin: tapahtumat, henkilöstö, asiakasluokat, määräajat, 95 %:n luottamusvälit "
          "toistoista.\nPaluuarvot: 0 kunnossa, 1 malli ei ole vakaa tai raja pysäytti toiston (rajaton jono, kiertävä "
          "asiakas), 2 käyttökelvoton syöte tai väärä käyttö.",
          "Simulerar en processmodell: händelser, personal, klientklasser, tidsfrister, 95 % konfidensintervall över "
          "upprepningar.\nSlutkoder: 0 i ordning, 1 modellen är instabil eller en gräns stoppade en upprepning (en kö "
          "utan gräns, en klient som går i cirkel), 2 oanvändbar indata eller felaktig användning.",
          "Simulate a process model: discrete events, staff pools, client classes, deadlines, 95% "
          "confidence intervals over replications.\nExit codes: 0 ok, 1 the model is unstable or a guard "
          "stopped a replication (a queue without bound, a client looping), 2 unusable input or usage."),
      "sujuva simulate"};
  std::string file, timeline_file, seed_text = "1", absence_model = "capacity", calendar = "continuous", csv_dir;
  std::vector<std::string> sets;
  SimulationOptions options;
  Lang lang = Lang::fi;
  double scale = 1;
  bool json = false, wide = false;
  app.add_option(say(help, "MALLI", "MODELL", "MODEL"), file,
                 say(help, "prosessimalli (DOT)", "processmodell (DOT)", "DOT process model file"))
      ->required();
  app.add_option(
      "--weeks", options.weeks,
      say(help, "mitatut viikot lämmittelyn jälkeen (oletus 52)", "uppmätta veckor efter uppvärmningen (standard 52)",
          "measured weeks after the warm-up (default 52)"));
  auto* warmup =
      app.add_option("--warmup", options.warmup_weeks,
                     say(help,
                         "tilastoista pois jätettävät lämmittelyviikot (oletus: 8 × pisin odotettu aika loppuun ilman "
                         "jonoja, 4–1040 viikkoa)",
                         "uppvärmningsveckor som inte räknas (standard: 8 × den längsta väntade tiden till slutet utan "
                         "köer, 4–1040 veckor)",
                         "warm-up weeks left out of the statistics (default: 8 × the longest expected time to "
                         "the end without queueing, 4 to 1040 weeks)"));
  app.add_option("--replications", options.replications,
                 say(help, "toisistaan riippumattomat toistot (oletus 10)", "oberoende upprepningar (standard 10)",
                     "independent replications (default 10)"));
  app.add_option(
      "--seed", seed_text,
      say(help, "satunnaislukujen siemen, 0–18446744073709551615 (oletus 1)",
          "slumpfrö, 0–18446744073709551615 (standard 1)", "random seed, 0 to 18446744073709551615 (default 1)"));
  app.add_option("--threads", options.threads,
                 say(help, "säikeet, 0 = kaikki ytimet (oletus); ei koskaan muuta tuloksia",
                     "trådar, 0 = alla kärnor (standard); ändrar aldrig resultaten",
                     "worker threads, 0 = all cores (default); never changes results"));
  app.add_option(
      "--absence-model", absence_model,
      say(help,
          "capacity: poissaolot vähentävät kapasiteettia (oletus, kuten analyze); random: poissaolojaksot "
          "henkilöittäin",
          "capacity: frånvaro minskar kapaciteten (standard, som analyze); random: frånvaroperioder per person",
          "capacity: absence reduces capacity (default, as analyze); random: absence spells per person"));
  app.add_option("--absence-spell", options.absence_spell_weeks,
                 say(help, "yhden poissaolojakson keskipituus viikkoina, kun --absence-model random (oletus 1)",
                     "en frånvaroperiods medellängd i veckor med --absence-model random (standard 1)",
                     "mean length of one absence spell in weeks with --absence-model random (default 1)"));
  app.add_option("--calendar", calendar,
                 say(help,
                     "continuous (oletus, kuten analyze) tai office: työ ja saapumiset vain maanantaista perjantaihin, "
                     "hours_per_day tuntia klo 8 alkaen",
                     "continuous (standard, som analyze) eller office: arbete och ankomster bara måndag till fredag, "
                     "hours_per_day timmar från kl. 8",
                     "continuous (default, as analyze) or office: work and arrivals only Monday to Friday, "
                     "hours_per_day hours from 08:00"));
  app.add_option(
      "--timeline", timeline_file,
      say(help, "muutokset CSV-tiedostona viikko,kohde,arvo (esim. 20,sw.fte,3.5); viikot lasketaan lämmittelyn alusta",
          "förändringar som CSV vecka,mål,värde (t.ex. 20,sw.fte,3.5); veckorna räknas från uppvärmningens början",
          "CSV of changes week,target,value (e.g. 20,sw.fte,3.5); weeks count from the start of the warm-up"));
  app.add_option("--set", sets,
                 say(help, "entä jos -muutos, esim. sw.fte=4, sw.absence=0,2, arvio->swplan.p=0,4",
                     "tänkt förändring, t.ex. sw.fte=4, sw.absence=0,2, arvio->swplan.p=0,4",
                     "what-if change, e.g. sw.fte=4, sw.absence=0.2, arvio->swplan.p=0.4"));
  app.add_option("--scale-arrivals", scale,
                 say(help, "kertoo jokaisen aloitusvaiheen saapumiset", "multiplicerar varje startstegs ankomster",
                     "multiply every start step's arrivals"));
  app.add_option("--max-queue", options.max_queue,
                 say(help, "pysäyttää toiston, kun jono ylittää tämän (oletus 1000000)",
                     "stoppar en upprepning när en kö blir längre än så (standard 1000000)",
                     "stop a replication when a queue passes this (default 1000000)"));
  app.add_option("--max-visits", options.max_visits,
                 say(help, "pysäyttää, kun asiakas tekee enemmän käyntejä (oletus 100000)",
                     "stoppar när en klient gör fler besök (standard 100000)",
                     "stop when a client makes more visits (default 100000)"));
  app.add_flag("--json", json, say(help, "tulos JSON-muodossa", "resultatet som JSON", "print the result as JSON"));
  app.add_option(
      "--csv", csv_dir,
      say(help, "kirjoittaa myös roles.csv, classes.csv, by_assessment.csv, deadlines.csv ja weekly.csv tähän kansioon",
          "skriver också roles.csv, classes.csv, by_assessment.csv, deadlines.csv och weekly.csv i den här mappen",
          "also write roles.csv, classes.csv, by_assessment.csv, deadlines.csv, weekly.csv into this directory"));
  add_lang_option(
      app, lang,
      say(help, "tekstin ja CSV:n kieli: fi (oletus), sv, en", "språk för text och CSV: fi (standard), sv, en",
          "language of text and CSV: fi (default), sv, en"));
  add_wide_option(app, wide, help);
  if (auto code = parse_arguments(app, args, out, err)) return *code;

  auto seed = parse_number(seed_text);
  if (!seed || *seed.value < 0 || *seed.value != std::floor(*seed.value) || *seed.value > 1.8446744073709552e19) {
    err << "sujuva simulate: --seed "
        << say(lang, "on kokonaisluku väliltä 0–18446744073709551615, ei \"",
               "ska vara ett heltal från 0 till 18446744073709551615, inte \"",
               "must be a whole number from 0 to 18446744073709551615 (got \"")
        << seed_text << say(lang, "\"\n", "\"\n", "\")\n");
    return kUnusable;
  }
  options.seed = seed_text.find_first_not_of("0123456789") == std::string::npos ? std::stoull(seed_text)
                                                                                : std::uint64_t(*seed.value);
  options.lang = lang;
  if (absence_model == "random")
    options.absence_model = AbsenceModel::random;
  else if (absence_model != "capacity") {
    err << "sujuva simulate: --absence-model "
        << say(lang, "on capacity tai random, ei \"", "ska vara capacity eller random, inte \"",
               "must be capacity or random (got \"")
        << absence_model << say(lang, "\"\n", "\"\n", "\")\n");
    return kUnusable;
  }
  if (calendar == "office")
    options.calendar = CalendarModel::office;
  else if (calendar != "continuous") {
    err << "sujuva simulate: --calendar "
        << say(lang, "on continuous tai office, ei \"", "ska vara continuous eller office, inte \"",
               "must be continuous or office (got \"")
        << calendar << say(lang, "\"\n", "\"\n", "\")\n");
    return kUnusable;
  }

  ReadResult read = read_process_file(file, lang);
  for (const auto& d : read.diagnostics) err << d.format(lang) << "\n";
  if (!read.usable()) return err << unusable_file(file, lang) << "\n", kUnusable;
  Process process = *read.process;
  for (const auto& text : sets) {
    auto change = parse_override(text, lang);
    std::string problem = change ? apply_override(process, *change.value, lang) : change.error;
    if (!problem.empty()) {
      err << "sujuva simulate: --set " << problem << "\n";
      return kUnusable;
    }
  }
  if (!(scale >= 0) || !std::isfinite(scale)) {
    err << "sujuva simulate: --scale-arrivals "
        << say(lang, "on luku 0 tai suurempi\n", "ska vara ett tal 0 eller större\n", "must be a number >= 0\n");
    return kUnusable;
  }
  if (scale != 1) scale_arrivals(process, scale);

  if (!timeline_file.empty()) {
    TimelineRead timeline = read_timeline_file(timeline_file, lang);
    Diagnostics problems = timeline.diagnostics;
    if (timeline.timeline && problems.empty()) {
      if (timeline.timeline->empty())
        problems.push_back({Severity::error, timeline_file, 0, "the timeline has no changes", {}});
      for (auto& d : validate_timeline(*timeline.timeline, process, lang)) problems.push_back(d);
    }
    for (const auto& d : problems) err << d.format(lang) << "\n";
    if (!timeline.timeline || has_errors(problems)) return kUnusable;
    options.timeline = *timeline.timeline;
  }

  ProgressBar bar(err, isatty(STDERR_FILENO) == 1);
  options.progress = [&bar](int done, int total) { bar(done, total); };
  Simulation sim;
  try {
    if (warmup->count() == 0) options.warmup_weeks = suggested_warmup_weeks(process, lang);
    sim = simulate(process, options);
  } catch (const SimulationError& e) {
    err << (e.usage ? "sujuva simulate: " : "") << e.what() << "\n";
    return kUnusable;
  }
  sim.options.progress = nullptr;
  if (!csv_dir.empty()) {
    try {
      write_simulation_csv(sim, csv_dir, lang);
    } catch (const std::exception& e) {
      err << "sujuva simulate: " << e.what() << "\n";
      return kUnusable;
    }
  }
  if (json)
    out << to_json(sim).dump(2) << "\n";
  else
    out << simulation_text(sim, lang, text_fit(wide));
  bool trouble = sim.unstable() || !sim.guards.empty();
  if (trouble && json)
    for (const auto& g : sim.guards) err << file << ": " << g.message << "\n";
  return trouble ? kFindings : kOk;
}

}  // namespace sujuva::cli
