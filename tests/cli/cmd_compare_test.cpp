#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "support.h"

using namespace sujuva;
namespace fs = std::filesystem;

namespace {

using Run = test::CommandRun;

Run compare(std::vector<std::string> args) {
  args.insert(args.begin(), "compare");
  return test::run_command(args);
}

std::string bundled(const std::string& name) { return std::string(SUJUVA_SOURCE_DIR) + "/processes/" + name; }

// A scratch directory of its own for each test case, removed afterwards.
struct Scratch {
  fs::path dir;
  explicit Scratch(const std::string& name)
      : dir(fs::temp_directory_path() / ("sujuva-compare-" + std::to_string(::getpid()) + "-" + name)) {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Scratch() { fs::remove_all(dir); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  }
};

const char* kModel = R"dot(digraph m {
  hours_per_fte=40;
  subgraph cluster_sw { role=sw; label="Sosiaalityöntekijä"; fte=2; tyo [effort="exp(10h)"]; }
  in [kind=start, arrivals="4/week"];
  out [kind=end];
  in -> tyo -> out;
})dot";

}  // namespace

TEST_CASE("compare prints the narrative and the table, or JSON", "[compare]") {
  auto run =
      compare({bundled("aikuissosiaalityo-nykytila.dot"), bundled("aikuissosiaalityo-tavoite.dot"), "--lang", "en"});
  CHECK(run.code == 0);
  CHECK(run.out.find("The bottleneck moved from Social workers, adults 30–64") != std::string::npos);
  CHECK(run.out.find("Lead time, mean") != std::string::npos);

  auto json = compare({bundled("aikuissosiaalityo-nykytila.dot"), bundled("aikuissosiaalityo-tavoite.dot"), "--json"});
  REQUIRE(json.code == 0);
  auto j = nlohmann::json::parse(json.out);
  CHECK(j["before"]["model"] == "aikuissosiaalityo-nykytila");
  CHECK(j["after"]["top_bottleneck"] == "ohjaus");
}

TEST_CASE("compare --scenario compares a model with its variations", "[compare]") {
  Scratch scratch("scenario");
  std::string model = scratch.write("m.dot", kModel);
  auto run = compare({model, "--scenario", "sw.fte=+1", "--scenario", "absence=0.2;in.arrivals=5/week", "--json"});
  REQUIRE(run.code == 0);
  auto j = nlohmann::json::parse(run.out);
  CHECK(j["models"] == nlohmann::json::array({"m", "m: sw.fte=+1", "m: absence=0.2;in.arrivals=5/week"}));
  CHECK(j["delta"]["roles"][0]["fte"] == 1.0);
  // ρ = 4 × 10 h / (2 × 40 h) = 0.5 before; 4 × 10 / (3 × 40) = 1/3 with one more FTE.
  CHECK(j["before"]["roles"][0]["utilisation"].get<double>() == Approx(0.5));
  CHECK(j["after"]["roles"][0]["utilisation"].get<double>() == Approx(1.0 / 3));
  // Both changes of the second scenario: 5 × 10 / (2 × 40 × 0.8) = 0.78125.
  CHECK(j["variants"][0]["after"]["roles"][0]["utilisation"].get<double>() == Approx(0.78125));
}

TEST_CASE("compare refuses bad input with a clear message and exit code 2", "[compare]") {
  Scratch scratch("bad");
  std::string model = scratch.write("m.dot", kModel);

  SECTION("one unreadable file") {
    auto run = compare({model, (scratch.dir / "puuttuu.dot").string()});
    CHECK(run.code == 2);
    CHECK(run.err.find((scratch.dir / "puuttuu.dot").string() + ": ei käyttökelpoinen") != std::string::npos);
  }
  SECTION("a syntax error names its line") {
    std::string broken = scratch.write("rikki.dot", "digraph r {\n  a -> ;\n}\n");
    auto run = compare({model, broken});
    CHECK(run.code == 2);
    CHECK(run.err.find(broken + ":2:") != std::string::npos);
  }
  SECTION("different working-time units name the line of hours_per_fte") {
    std::string text = kModel;
    text.replace(text.find("hours_per_fte=40"), 16, "hours_per_fte=37.5");
    std::string other = scratch.write("muu.dot", text);
    auto run = compare({model, other, "--lang", "en"});
    CHECK(run.code == 2);
    CHECK(run.err == other + ":2: hours_per_fte is 37.5 but " + model +
                         " has 40: the models count working time in different units; set the same hours_per_fte in "
                         "both to compare them\n");
  }
  SECTION("no step in common") {
    std::string other = scratch.write("x.dot", R"dot(digraph x { hours_per_fte=40;
      subgraph cluster_q { role=q; fte=1; muu [effort="1h"]; }
      alku [kind=start, arrivals="1/week"]; loppu [kind=end]; alku -> muu -> loppu; })dot");
    auto run = compare({model, other});
    CHECK(run.code == 2);
    CHECK(run.err.find("ei yhteisiä vaiheita mallin") != std::string::npos);  // Finnish by default
    CHECK(compare({model, other, "--lang", "en"}).err.find("no step in common") != std::string::npos);
  }
  SECTION("one model without a scenario") {
    auto run = compare({model});
    CHECK(run.code == 2);
    CHECK(run.err == "sujuva compare: anna vähintään kaksi mallia tai yksi malli ja --scenario\n");
  }
  SECTION("a scenario naming an unknown role") {
    auto run = compare({model, "--scenario", "sx.fte=+1", "--lang", "en"});
    CHECK(run.code == 2);
    CHECK(run.err == "sujuva compare: --scenario sx.fte=+1: no role \"sx\" (did you mean \"sw\"?)\n");
    auto several = compare({model, "--scenario", "absence=0.2;sx.fte=+1", "--lang", "en"});
    CHECK(several.err ==
          "sujuva compare: --scenario \"absence=0.2;sx.fte=+1\": sx.fte=+1: no role \"sx\" (did you mean \"sw\"?)\n");
  }
  SECTION("an unknown language") {
    auto run = compare({model, model, "--lang", "de"});
    CHECK(run.code == 2);
    CHECK(run.err == "sujuva compare: --lang: pitää olla fi, sv tai en, ei \"de\"\nkatso 'sujuva compare --help'\n");
  }
}

TEST_CASE("compare --diagram writes the diff graph", "[compare]") {
  Scratch scratch("diagram");
  std::string before = scratch.write("a.dot", kModel);
  std::string text = kModel;
  text.replace(text.find("tyo -> out;"), 11,
               "tyo -> uusi -> out; uusi [role=sw, label=\"Uusi \\\"vaihe\\\"\", effort=\"1h\"];");
  std::string after = scratch.write("b.dot", text);

  SECTION("DOT") {
    auto run = compare({before, after, "--diagram", (scratch.dir / "d.dot").string()});
    REQUIRE(run.code == 0);
    std::ifstream in(scratch.dir / "d.dot");
    std::string dot((std::istreambuf_iterator<char>(in)), {});
    // The new step's label, escaped for HTML, in a node outlined in the added green.
    auto at = dot.find("Uusi &quot;vaihe&quot;");
    REQUIRE(at != std::string::npos);
    CHECK(dot.find("color=\"#1b7837\"", at) < dot.find("\n", at));
    CHECK(dot.find("style=dashed") != std::string::npos);  // the removed route tyo -> out
  }
  SECTION("SVG through gvc") {
    auto run = compare({before, after, "--diagram", (scratch.dir / "d.svg").string()});
    REQUIRE(run.code == 0);
    std::ifstream in(scratch.dir / "d.svg");
    std::string svg((std::istreambuf_iterator<char>(in)), {});
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("Uusi &quot;vaihe&quot;") != std::string::npos);
  }
  SECTION("each side's heat map") {
    std::string a = (scratch.dir / "h1.svg").string(), b = (scratch.dir / "h2.dot").string();
    auto run = compare({before, after, "--heatmap", a, "--heatmap", b});
    REQUIRE(run.code == 0);
    CHECK(fs::file_size(a) > 0);
    std::ifstream in(b);
    std::string dot((std::istreambuf_iterator<char>(in)), {});
    CHECK(dot.find("Uusi &quot;vaihe&quot;") != std::string::npos);  // only the after model has the new step
    auto extra = compare({before, after, "--heatmap", a, "--heatmap", b, "--heatmap", a});
    CHECK(extra.code == 2);
    CHECK(extra.err == "sujuva compare: --heatmap-tiedostoja 3 mutta malleja 2; anna enintään yksi mallia kohden\n");
    CHECK(compare({before, after, "--heatmap", a, "--heatmap", b, "--heatmap", a, "--lang", "en"}).err ==
          "sujuva compare: 3 --heatmap files for 2 models; give at most one per model\n");
  }
  SECTION("an unknown extension") {
    auto run = compare({before, after, "--diagram", (scratch.dir / "d.txt").string()});
    CHECK(run.code == 2);
    CHECK(run.err.find("d.txt: tuntematon muoto") != std::string::npos);
  }
  SECTION("a diagram or heat map over one of the models") {
    for (const char* option : {"--diagram", "--heatmap"}) {
      auto run = compare({before, after, option, after});
      CHECK(run.code == 2);
      CHECK(run.err == "sujuva compare: " + std::string(option) + " " + after + " on sama tiedosto kuin " + after +
                           ", jota komento lukee; anna toinen nimi\n");
    }
  }
}

TEST_CASE("compare --simulate adds simulated lead times with intervals and significance", "[compare]") {
  // Two M/M/1 pools at ρ = 0.8 against one M/M/2 pool (see the pooling test in
  // comparison_test.cpp): mean lead time 4.0 against 2.22 weeks analytically.
  Scratch scratch("simulate");
  const char* two = R"dot(digraph pools { hours_per_fte=40; hours_per_day=8;
    subgraph cluster_r1 { role=r1; fte=1; a1 [effort="exp(32h)"]; }
    subgraph cluster_r2 { role=r2; fte=1; a2 [effort="exp(32h)"]; }
    in [kind=start, arrivals="2/week"]; split [kind=decision]; out [kind=end];
    in -> split; split -> a1 [p=0.5]; split -> a2 [p=0.5]; a1 -> out; a2 -> out; })dot";
  const char* one = R"dot(digraph pools { hours_per_fte=40; hours_per_day=8;
    subgraph cluster_r1 { role=r1; fte=2; a1 [effort="exp(32h)"]; a2 [effort="exp(32h)"]; }
    in [kind=start, arrivals="2/week"]; split [kind=decision]; out [kind=end];
    in -> split; split -> a1 [p=0.5]; split -> a2 [p=0.5]; a1 -> out; a2 -> out; })dot";
  auto run = compare({scratch.write("two.dot", two), scratch.write("one.dot", one), "--simulate", "--replications",
                      "10", "--weeks", "1000", "--warmup", "50", "--json"});
  INFO(run.err);
  REQUIRE(run.code == 0);
  auto sim = nlohmann::json::parse(run.out)["simulation"];
  double before = sim["before"]["lead_time_weeks"]["mean"]["mean"];
  double after = sim["after"]["lead_time_weeks"]["mean"]["mean"];
  // Loose bounds: the simulation's own accuracy is the sim tests' business;
  // here the sign and the significance flag matter. 1000 weeks (2000 clients a
  // replication) make the intervals (about ±0.4 and ±0.15 weeks at ρ = 0.8)
  // far narrower than the 1.8-week difference, whatever the random stream.
  CHECK(before == Approx(4.0).epsilon(0.25));
  CHECK(after == Approx(2.22).epsilon(0.25));
  const auto& mean = sim["delta"]["lead_time_weeks"]["mean"];
  CHECK(mean["delta"].get<double>() == Approx(after - before));
  CHECK(mean["significant"] == true);
  // The paired interval (replication by replication) lies around the difference and below 0.
  CHECK(mean["low"].get<double>() <= mean["delta"].get<double>());
  CHECK(mean["delta"].get<double>() <= mean["high"].get<double>());
  CHECK(mean["high"].get<double>() < 0);
  SECTION("the text says it in words, with the paired interval") {
    auto text = compare({scratch.write("two.dot", two), scratch.write("one.dot", one), "--simulate", "--replications",
                         "10", "--weeks", "1000", "--warmup", "50", "--lang", "en"});
    REQUIRE(text.code == 0);
    CHECK_THAT(text.out, Catch::Contains("one: significant differences from the first: Lead time, mean (weeks) -"));
  }
}

TEST_CASE("compare --simulate warms up as long as the slowest model needs", "[compare]") {
  // simulate's own default warm-up is 8 x the longest expected time to an end without queueing,
  // rounded up to whole weeks. fast.dot: one week of effort (40 h at 40 h a week) -> 8 weeks.
  // slow.dot: the same and a constant 20-week follow-up -> 8 x 21 = 168 weeks. Both models are
  // measured after the longer one, so that they are measured over the same weeks.
  Scratch scratch("warmup");
  const char* fast = R"dot(digraph m { hours_per_fte=40; hours_per_day=8;
    subgraph cluster_r { role=r; fte=2; a [effort="40h"]; }
    in [kind=start, arrivals="1/week"]; out [kind=end]; in -> a; a -> out; })dot";
  const char* slow = R"dot(digraph m { hours_per_fte=40; hours_per_day=8;
    subgraph cluster_r { role=r; fte=2; a [effort="40h"]; }
    f [delay="20w"]; in [kind=start, arrivals="1/week"]; out [kind=end]; in -> a; a -> f; f -> out; })dot";
  std::string fast_file = scratch.write("fast.dot", fast), slow_file = scratch.write("slow.dot", slow);
  auto options_of = [](const Run& run) { return nlohmann::json::parse(run.out)["simulation"]["options"]; };

  SECTION("by default, the longer of the two models' warm-ups") {
    auto run = compare({fast_file, slow_file, "--simulate", "--replications", "2", "--weeks", "10", "--json"});
    INFO(run.err);
    REQUIRE(run.code == 0);
    CHECK(options_of(run)["warmup_weeks"] == 168);
    CHECK(options_of(run)["weeks"] == 10);
    CHECK(options_of(run)["replications"] == 2);
  }
  SECTION("in either order") {
    auto run = compare({slow_file, fast_file, "--simulate", "--replications", "2", "--weeks", "10", "--json"});
    REQUIRE(run.code == 0);
    CHECK(options_of(run)["warmup_weeks"] == 168);
  }
  SECTION("--warmup overrides it, and the text says which was used") {
    auto run = compare(
        {fast_file, slow_file, "--simulate", "--replications", "2", "--weeks", "10", "--warmup", "30", "--lang", "en"});
    REQUIRE(run.code == 0);
    CHECK(run.out.find("Simulated (2 replications × 10 weeks, warm-up 30 wk, seed 1;") != std::string::npos);
  }
}

TEST_CASE("compare fits 100 columns when not printing to a terminal, a role's figures under its name",
          "[compare][cli]") {
  // The titles of the two adult social work models are 40 code points each and the labels of
  // role figures up to 65: with --wide the table takes over 150 columns.
  const std::string before = bundled("aikuissosiaalityo-nykytila.dot"), after = bundled("aikuissosiaalityo-tavoite.dot");
  for (const char* lang : {"fi", "sv", "en"}) {
    INFO(lang);
    CHECK(test::widest_line(compare({before, after, "--lang", lang}).out) <= 100);
    CHECK(test::widest_line(compare({before, after, "--lang", lang, "--wide"}).out) > 150);
  }
  auto run = compare({before, after, "--lang", "en"});
  CHECK(run.out.find("\nSocial workers, adults 30–64\n  FTE ") != std::string::npos);
}

TEST_CASE("A scenario's column and title name its change after the model's title", "[compare][cli]") {
  // Before: both columns carried the same title, "Kuraattorit → Kuraattorit".
  Scratch scratch("scenario-title");
  std::string model = scratch.write("k.dot", std::string(kModel).replace(std::string(kModel).find("hours_per_fte=40;"),
                                                                            17, "hours_per_fte=40; label=\"Kuraattorit\";"));
  auto run = compare({model, "--scenario", "sw.fte=+1"});
  REQUIRE(run.code == 0);
  CHECK(run.out.rfind("Kuraattorit → Kuraattorit (sw.fte=+1)\n", 0) == 0);
  auto empty = compare({model, "--scenario", ";"});
  CHECK(empty.err == "sujuva compare: --scenario \";\": muunnelmassa ei ole muutoksia\n");
}
