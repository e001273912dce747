#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "support.h"

using namespace sujuva;
namespace fs = std::filesystem;

namespace {

using Run = test::CommandRun;

Run analyze(std::vector<std::string> args) {
  args.insert(args.begin(), "analyze");
  return test::run_command(args);
}

fs::path temp_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("sujuva-flow-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kMm1 = SUJUVA_SOURCE_DIR "/processes/examples/mm1.dot";

// M/M/1: 3 clients a week, exp(10h) on one 40-hour server: rho 0.75, Wq 0.75 weeks, W 1 week.
const char* kUnstable = R"dot(digraph u {
  hours_per_fte=40; hours_per_day=8;
  in [kind=start, arrivals="5/week"];
  subgraph cluster_w { role=w; fte=1; label="Työntekijä"; a [effort="exp(10h)"]; }
  out [kind=end]; in -> a -> out;
})dot";

}  // namespace

TEST_CASE("analyze prints tables and exits 0 on a stable model", "[flow][cli]") {
  auto run = analyze({kMm1});
  CHECK(run.code == 0);
  // Wq = 0.75 weeks = 3.75 working days (hours_per_fte 40 / hours_per_day 8 = 5 days a week).
  CHECK(run.out.find("käyttöaste 75\u00A0%, odotus keskimäärin 3,8 työpäivää") != std::string::npos);
  SECTION("JSON with the contract's names") {
    auto json_run = analyze({kMm1, "--json"});
    REQUIRE(json_run.code == 0);
    auto j = nlohmann::json::parse(json_run.out);
    CHECK(j["roles"][0]["utilisation"].get<double>() == Approx(0.75));
    CHECK(j["roles"][0]["wait_weeks"].get<double>() == Approx(0.75));
    CHECK(j["lead_time_weeks"]["mean"].get<double>() == Approx(1.0));
    CHECK(j["lead_time_weeks"]["by_class"]["standard"].get<double>() == Approx(1.0));
    CHECK(j["saturation"]["arrivals_per_week"].get<double>() == Approx(4.0));
    CHECK(j["steps"][1].contains("visits"));
    CHECK(j["steps"][1].contains("reach"));
    CHECK(j["bottlenecks"][0]["kind"] == "role");
    CHECK(j["sensitivity"].is_array());
    CHECK(j["projection"].is_null());
  }
  SECTION("what-if: one more worker makes it M/M/2 (Wq = C/(2mu - lambda) = 0.6429/5 weeks)") {
    // a = 0.75, B2 = 0.28125/2.03125 = 0.138462, C = B/(1 - 0.375 (1 - B)) = 0.204545, Wq = C/5.
    auto j = nlohmann::json::parse(analyze({kMm1, "--json", "--set", "worker.fte=+1"}).out);
    CHECK(j["roles"][0]["wait_weeks"].get<double>() == Approx(0.2045454545 / 5).epsilon(1e-8));
  }
}

TEST_CASE("analyze exits 1 on an unstable role and 2 on unusable input", "[flow][cli]") {
  auto dir = temp_dir("exit");
  auto unstable = write(dir / "u.dot", kUnstable);
  auto run = analyze({unstable, "--lang", "en", "--wide"});  // --wide: the sentence on one line
  CHECK(run.code == 1);
  CHECK(run.out.find("Työntekijä: utilisation 125% – demand exceeds capacity, the queue grows by 1.0 clients (10.0 "
                     "hours) a week.") != std::string::npos);
  CHECK(analyze({unstable, "--set", "w.fte=2"}).code == 0);
  CHECK(analyze({unstable, "--scale-arrivals", "0.5"}).code == 0);

  auto bad_set = analyze({unstable, "--set", "x.fte=2", "--lang", "en"});
  CHECK(bad_set.code == 2);
  CHECK(bad_set.err == "sujuva analyze: --set x.fte=2: no role \"x\" (did you mean \"w\"?)\n");
  // The default language is Finnish, for the what-if's message too.
  CHECK(analyze({unstable, "--set", "x.fte=2"}).err ==
        "sujuva analyze: --set x.fte=2: ei roolia \"x\" (tarkoititko \"w\"?)\n");
  CHECK(analyze({(dir / "missing.dot").string()}).code == 2);
  auto negative_weeks = analyze({unstable, "--weeks", "-5"});
  CHECK(negative_weeks.code == 2);
  CHECK(negative_weeks.err.rfind("sujuva analyze: --weeks: Value -5 not in range 0 to 100000\n", 0) == 0);
  auto trap = write(dir / "trap.dot",
                    "digraph t {\n in [kind=start, arrivals=\"1/week\"];\n a [effort=\"1h\"];\n"
                    " b [effort=\"1h\"];\n out [kind=end];\n in -> a; a -> b; b -> a;\n}\n");
  auto trapped = analyze({trap});
  CHECK(trapped.code == 2);
  CHECK(trapped.err.find("eivät koskaan pääse pois prosessista") != std::string::npos);  // Finnish by default
  CHECK(analyze({trap, "--lang", "en"}).err.find("can never leave the process") != std::string::npos);
  auto empty_timeline = analyze({unstable, "--timeline", write(dir / "empty.csv", ""), "--lang", "en"});
  CHECK(empty_timeline.code == 2);
  CHECK(empty_timeline.err.find("empty.csv: the timeline is empty") != std::string::npos);
  auto timeline = write(dir / "t.csv", "week,target,value\n10,sw.fte,2\n");
  auto unknown_role = analyze({unstable, "--timeline", timeline, "--lang", "en"});
  CHECK(unknown_role.code == 2);
  CHECK(unknown_role.err.find("t.csv:2: sw.fte=2: no role \"sw\"") != std::string::npos);
  CHECK(analyze({unstable, "--timeline", timeline, "--lang", "sv"}).err.find("t.csv:2: sw.fte=2: ingen roll \"sw\"") !=
        std::string::npos);
  CHECK(analyze({unstable, "--lang", "de"}).code == 2);
  fs::remove_all(dir);
}

TEST_CASE("analyze projects the backlog week by week", "[flow][cli][projection]") {
  auto dir = temp_dir("projection");
  auto unstable = write(dir / "u.dot", kUnstable);
  SECTION("demand over capacity: the queue grows by (50 h - 40 h) / 10 h = 1 client a week") {
    auto j = nlohmann::json::parse(analyze({unstable, "--json", "--weeks", "8"}).out);
    const auto& weeks = j["projection"]["weeks"];
    REQUIRE(weeks.size() == 9);
    CHECK(weeks[8]["queue_clients"]["w"].get<double>() == Approx(8));
  }
  SECTION("a recruit from week 10 drains it at 8 - 5 = 3 clients a week") {
    auto timeline = write(dir / "t.csv", "week,target,value\n10,w.fte,2\n");
    auto j = nlohmann::json::parse(analyze({unstable, "--json", "--timeline", timeline, "--weeks", "14"}).out);
    const auto& weeks = j["projection"]["weeks"];
    CHECK(weeks[10]["queue_clients"]["w"].get<double>() == Approx(10));
    CHECK(weeks[11]["queue_clients"]["w"].get<double>() == Approx(7));
    CHECK(weeks[13]["queue_clients"]["w"].get<double>() == Approx(1));
    CHECK(weeks[14]["queue_clients"]["w"].get<double>() == Approx(0).margin(1e-12));
  }
  SECTION("a starting backlog at a stable role drains at capacity minus demand (4 - 3 = 1 a week)") {
    auto j = nlohmann::json::parse(analyze({kMm1, "--json", "--backlog", "worker=12", "--weeks", "5"}).out);
    CHECK(j["projection"]["weeks"][0]["queue_clients"]["worker"].get<double>() == Approx(12));
    CHECK(j["projection"]["weeks"][5]["queue_clients"]["worker"].get<double>() == Approx(7));
  }
  fs::remove_all(dir);
}

TEST_CASE("analyze --csv writes Excel-ready files", "[flow][cli]") {
  auto dir = temp_dir("csv");
  REQUIRE(analyze({kMm1, "--csv", (dir / "out").string(), "--weeks", "2"}).code == 0);
  std::string roles = read(dir / "out" / "roles.csv");
  CHECK(roles.rfind("\xEF\xBB\xBFid;label;fte;", 0) == 0);
  CHECK(roles.find("worker;Työntekijä;1;1;40;30;0;0,75;1;0,75;2,25;") != std::string::npos);
  CHECK(fs::exists(dir / "out" / "steps.csv"));
  CHECK(read(dir / "out" / "projection.csv").find("week;worker;arrivals_per_week;completions_per_week") !=
        std::string::npos);
  REQUIRE(analyze({kMm1, "--csv", (dir / "en").string(), "--lang", "en"}).code == 0);
  CHECK(read(dir / "en" / "roles.csv").rfind("id,label,fte,", 0) == 0);
  fs::remove_all(dir);
}

TEST_CASE("analyze escapes labels in CSV and formats Swedish text", "[flow][cli]") {
  auto dir = temp_dir("escape");
  auto model = write(dir / "e.dot", R"dot(digraph e {
  hours_per_fte=40; hours_per_day=8;
  in [kind=start, arrivals="3/week"];
  subgraph cluster_w { role=w; fte=1; label="Työ; \"A\""; label_sv="Arbete; <b>"; a [effort="exp(10h)"]; }
  out [kind=end]; in -> a -> out;
})dot");
  REQUIRE(analyze({model, "--csv", (dir / "out").string()}).code == 0);
  CHECK(read(dir / "out" / "roles.csv").find("\r\nw;\"Työ; \"\"A\"\"\";1;") != std::string::npos);
  auto sv = analyze({model, "--lang", "sv", "--wide"});  // --wide: the sentence on one line
  // M/M/1 rho 0.75: Wq = 0.75 weeks, the wait is the whole lead time minus effort: 0.75/1.0.
  CHECK(sv.out.find("Arbete; <b>: beläggningsgrad 75\u00A0%, väntetid i genomsnitt 3,8 arbetsdagar, 100\u00A0% av "
                    "genomloppstiden.") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("analyze fits 100 columns when not printing to a terminal, in every language, and --wide does not",
          "[flow][cli]") {
  // The bundled adult social work model's step labels are up to 79 code points long and its
  // roles' up to 43: every column of the step table takes 225.
  const std::string model = SUJUVA_SOURCE_DIR "/processes/aikuissosiaalityo-nykytila.dot";
  auto widest = test::widest_line;
  for (const char* lang : {"fi", "sv", "en"}) {
    INFO(lang);
    auto run = analyze({model, "--lang", lang});
    CHECK(run.code <= 1);
    CHECK(widest(run.out) <= 100);
    CHECK(widest(analyze({model, "--lang", lang, "--wide"}).out) > 200);
  }
  // Each role's name heads its steps; whole where it fits.
  CHECK(analyze({model}).out.find("\n  Sosiaalityöntekijät, aikuiset 30–64\n    Asiakasjako tiimipalaverissa (30–64)") !=
        std::string::npos);
}
