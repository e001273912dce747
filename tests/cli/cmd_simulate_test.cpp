// `sujuva simulate` on bad input and unstable models: clear messages and the documented exit codes.
#include <fmt/format.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "io/dot_reader.h"
#include "support.h"

using namespace sujuva;

namespace {

using Run = test::CommandRun;

Run simulate(std::vector<std::string> args) {
  args.insert(args.begin(), "simulate");
  return test::run_command(args);
}

// Writes a model into a fresh temporary directory and returns its path.
std::string model_file(const std::string& name, const std::string& text) {
  auto dir = std::filesystem::temp_directory_path() / ("sujuva-sim-test-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

const std::string kMm1 = R"dot(digraph mm1 { hours_per_fte=40; hours_per_day=8;
  in [kind=start, arrivals="24/week"];
  subgraph cluster_team { role=team; fte=1; label="Tiimi"; work [effort="exp(1h)", deadline="1wd"]; }
  out [kind=end]; in -> work -> out; })dot";

}  // namespace

TEST_CASE("simulate refuses unusable options with a message and exit code 2", "[sim]") {
  std::string file = model_file("mm1.dot", kMm1);
  SECTION("an absurd horizon") {
    Run r = simulate({file, "--weeks", "1e12"});
    CHECK(r.code == 2);
    CHECK(r.err == "sujuva simulate: --weeks on oltava yli 0 ja enintään 100000 (annettu 1e+12)\n");
    CHECK(simulate({file, "--weeks", "0", "--lang", "sv"}).err ==
          "sujuva simulate: --weeks ska vara över 0 och högst 100000 (angivet 0)\n");
    CHECK(simulate({file, "--weeks", "0", "--lang", "en"}).err ==
          "sujuva simulate: --weeks must be above 0 and at most 100000 (got 0)\n");
  }
  SECTION("a horizon that is too much work in total") {
    Run r = simulate({file, "--weeks", "100000", "--replications", "10000", "--lang", "en"});
    CHECK(r.code == 2);
    CHECK(r.err.find("client arrivals") != std::string::npos);
    CHECK(simulate({file, "--weeks", "100000", "--replications", "10000"}).err.find("asiakkaan saapumista") !=
          std::string::npos);  // Finnish by default
  }
  SECTION("no replications") {
    Run r = simulate({file, "--replications", "0"});
    CHECK(r.code == 2);
    CHECK(r.err == "sujuva simulate: --replications on oltava 1–100000 (annettu 0)\n");
  }
  SECTION("a negative seed") {
    Run r = simulate({file, "--seed", "-5"});
    CHECK(r.code == 2);
    CHECK(r.err == "sujuva simulate: --seed on kokonaisluku väliltä 0–18446744073709551615, ei \"-5\"\n");
  }
  SECTION("an unknown absence model") {
    Run r = simulate({file, "--absence-model", "sometimes"});
    CHECK(r.code == 2);
    CHECK(r.err == "sujuva simulate: --absence-model on capacity tai random, ei \"sometimes\"\n");
  }
  SECTION("a missing file") {
    Run r = simulate({file + ".missing"});
    CHECK(r.code == 2);
  }
}

TEST_CASE("simulate refuses a model whose work nobody can do", "[sim]") {
  std::string file = model_file("zero.dot", R"dot(digraph z { hours_per_fte=40; hours_per_day=8;
  in [kind=start, arrivals="5/week"];
  subgraph cluster_sw { role=sw; fte=0; work [effort="2h"]; }
  out [kind=end]; in -> work -> out; })dot");
  Run r = simulate({file, "--lang", "en"});
  CHECK(r.code == 2);
  CHECK(r.err.find(file + ":3: step \"work\" needs the work of role \"sw\", which has no capacity for the "
                          "client flow (fte 0") != std::string::npos);
  // In the language of the run, Finnish by default.
  Run fi = simulate({file});
  CHECK(fi.code == 2);
  CHECK(fi.err.find(file + ":3: vaihe \"work\" tarvitsee roolin \"sw\" työtä, mutta roolilla ei ole kapasiteettia "
                           "asiakasvirralle (fte 0") != std::string::npos);
  CHECK(simulate({file, "--lang", "sv"}).err.find(file + ":3: steget \"work\" behöver arbete av rollen \"sw\"") !=
        std::string::npos);
}

TEST_CASE("simulate stops an unstable model with a report of the role and its growth, exit 1", "[sim]") {
  // 60 clients a week of 1 h each at one 40 h server: rho = 1.5, the queue grows by about
  // 60 − 40 = 20 clients a week.
  std::string file = model_file("unstable.dot", R"dot(digraph u { hours_per_fte=40; hours_per_day=8;
  in [kind=start, arrivals="60/week"];
  subgraph cluster_sw { role=sw; fte=1; work [effort="exp(1h)"]; }
  out [kind=end]; in -> work -> out; })dot");
  SECTION("the queue guard fires first") {
    Run r = simulate({file, "--max-queue", "500", "--weeks", "1000", "--replications", "2", "--lang", "en"});
    CHECK(r.code == 1);
    CHECK(r.out.find("NOTE: role \"sw\": the queue passed 500 clients by week") != std::string::npos);
    CHECK(r.out.find("the model is unstable") != std::string::npos);
    Run fi = simulate({file, "--max-queue", "500", "--weeks", "1000", "--replications", "2"});
    CHECK(fi.code == 1);
    CHECK(fi.out.find("HUOM: rooli \"sw\": jono ylitti 500 asiakasta viikkoon") != std::string::npos);
  }
  SECTION("over a short horizon the growth is measured") {
    Run r = simulate({file, "--weeks", "20", "--replications", "4", "--json"});
    CHECK(r.code == 1);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["unstable"] == true);
    CHECK(j["roles"][0]["unstable"] == true);
    double growth = j["roles"][0]["backlog_growth_per_week"]["mean"];
    CHECK(growth == Approx(20).margin(4));
    // rho = 1.5 give or take the randomness of 4 × 20 weeks of arrivals.
    double offered = j["roles"][0]["offered_load"]["mean"];
    CHECK(offered == Approx(1.5).margin(0.1));
    CHECK(r.err.find(fmt::format("work arrives at {:.0f} % of its capacity", 100 * offered)) != std::string::npos);
  }
}

TEST_CASE("simulate stops a client that loops beyond the visit limit, exit 1", "[sim]") {
  // Exit probability 1e-6 per round: clients almost never leave.
  std::string file = model_file("loop.dot", R"dot(digraph l { hours_per_fte=40; hours_per_day=8;
  in [kind=start, arrivals="1/week"];
  again [kind=decision];
  out [kind=end];
  in -> again; again -> again [p=0.999999]; again -> out [p=0.000001]; })dot");
  Run r = simulate({file, "--max-visits", "1000", "--lang", "en", "--replications", "1"});
  CHECK(r.code == 1);
  CHECK(r.out.find("step \"again\": a client made more than 1000 visits by week") != std::string::npos);
  Run sv = simulate({file, "--max-visits", "1000", "--lang", "sv", "--replications", "1"});
  CHECK(sv.out.find("OBS: steget \"again\": en klient gjorde fler än 1000 besök till vecka") != std::string::npos);
}

TEST_CASE("simulate prints tables with decimal commas in Finnish and writes CSV files", "[sim]") {
  std::string file = model_file("mm1.dot", kMm1);
  Run fi = simulate({file, "--weeks", "20", "--replications", "3"});
  CHECK(fi.code == 0);
  CHECK(fi.out.find("Roolit") != std::string::npos);
  CHECK(fi.out.find("Tiimi") != std::string::npos);
  CHECK(fi.out.find("0,0") != std::string::npos);
  CHECK(fi.out.rfind("Simulointi: mm1 — 3 toistoa × 20 viikkoa (lämmittely", 0) == 0);
  // deadline="1wd" in working days (40 / 8 = 5 a week) by the duration rule, not as 0,20 weeks.
  CHECK(fi.out.find("  Vaihe  Määräaika ") != std::string::npos);
  CHECK(fi.out.find("  work        1 tp  ") != std::string::npos);
  // One replication of one week: the words in the singular.
  CHECK(
      simulate({file, "--weeks", "1", "--replications", "1"}).out.rfind("Simulointi: mm1 — 1 toisto × 1 viikko (", 0) ==
      0);
  CHECK(simulate({file, "--weeks", "1", "--replications", "1", "--lang", "en"})
            .out.rfind("Simulation: mm1 — 1 replication × 1 week (", 0) == 0);
  Run sv = simulate({file, "--weeks", "20", "--replications", "3", "--lang", "sv"});
  CHECK(sv.out.find("Beläggning") != std::string::npos);
  auto dir = std::filesystem::path(file).parent_path() / "csv";
  Run csv = simulate({file, "--weeks", "20", "--replications", "3", "--csv", dir.string()});
  CHECK(csv.code == 0);
  std::ifstream roles(dir / "roles.csv");
  std::string first;
  std::getline(roles, first);
  CHECK(first.rfind("\xEF\xBB\xBFrole;label;servers;unstable;utilisation;", 0) == 0);
  CHECK(std::filesystem::exists(dir / "weekly.csv"));
  CHECK(std::filesystem::exists(dir / "deadlines.csv"));
}

TEST_CASE("simulate fits 100 columns when not printing to a terminal, and --wide adds p50 and p95", "[sim][cli]") {
  // The adult social work model's role names are up to 43 code points and its deadline steps'
  // up to 53; with p50 and p95 the role table takes 131 columns.
  const std::string model = SUJUVA_SOURCE_DIR "/processes/aikuissosiaalityo-nykytila.dot";
  for (const char* lang : {"fi", "sv", "en"}) {
    INFO(lang);
    auto run = simulate({model, "--lang", lang, "--weeks", "10", "--replications", "2", "--warmup", "2"});
    CHECK(test::widest_line(run.out) <= 100);
    CHECK(run.out.find("p50") == std::string::npos);
    auto wide = simulate({model, "--lang", lang, "--weeks", "10", "--replications", "2", "--warmup", "2", "--wide"});
    CHECK(wide.out.find("p50") != std::string::npos);
    CHECK(test::widest_line(wide.out) > 100);
  }
}
