#include "model/timeline.h"

#include <catch2/catch.hpp>

#include "io/dot_reader.h"

using namespace sujuva;

namespace {
Process model() {
  auto read = read_process_text(R"(digraph s {
    in [kind=start, arrivals="10/week"];
    subgraph cluster_sw { role=sw; fte=3; a [effort="2h"]; }
    out [kind=end]; in -> a -> out;
  })",
                                "s.dot");
  REQUIRE(read.usable());
  return *read.process;
}

std::vector<std::string> messages(const Diagnostics& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(d.format());
  return out;
}
}  // namespace

TEST_CASE("A timeline CSV is read in week order", "[timeline]") {
  auto read =
      read_timeline_text("week,target,value\n20,sw.fte,3.5\n# sick leave\n10,sw.fte,2.5\n0,*.arrivals,x1.1\n", "t.csv");
  REQUIRE(read.timeline);
  const auto& c = read.timeline->changes;
  REQUIRE(c.size() == 3);
  CHECK(c[0].week == 0);
  CHECK(c[0].line == 5);
  CHECK(c[1].change.text == "sw.fte=2.5");
  CHECK(c[2].week == 20);
  SECTION("applied up to a week, each change once") {
    Process p = model();
    size_t next = 0;
    apply_timeline_until(*read.timeline, 10, next, p);
    CHECK(next == 2);
    CHECK(p.roles[0].fte == 2.5);
    CHECK(p.graph[*p.find_step("in")].arrivals_per_week == Catch::Detail::Approx(11));
    apply_timeline_until(*read.timeline, 30, next, p);
    CHECK(p.roles[0].fte == 3.5);
  }
  SECTION("semicolons and a BOM, as Excel writes them under fi/sv") {
    auto excel = read_timeline_text("\xEF\xBB\xBFweek;target;value\r\n10;sw.fte;2,5\r\n", "t.csv");
    REQUIRE(excel.timeline);
    CHECK(excel.timeline->changes[0].change.value == "2.5");
    CHECK(excel.timeline->changes[0].line == 2);
  }
  SECTION("a header in Finnish or Swedish") {
    for (const char* header : {"viikko;kohde;arvo\n", "vecka;mål;värde\n"}) {
      auto read = read_timeline_text(std::string(header) + "10;sw.fte;2,5\n", "t.csv");
      REQUIRE(read.timeline);
      CHECK(read.timeline->changes.size() == 1);
      CHECK(read.timeline->changes[0].line == 2);
    }
  }
  SECTION("a comment after a change, as in the timeline format of processes/README.md") {
    auto commented =
        read_timeline_text("week,target,value\n10,sw.fte,2.5          # sick leave from week 10\n", "t.csv");
    REQUIRE(commented.timeline);
    CHECK(commented.timeline->changes[0].change.text == "sw.fte=2.5");
  }
  SECTION("a value with the separator in it, in quotes as Excel writes it") {
    auto quoted = read_timeline_text("10,a.effort,\"gamma(mean=2h, cv=0.5)\"\n\"12\",\"sw.fte\",\"4\"\n", "t.csv");
    REQUIRE(quoted.timeline);
    CHECK(quoted.timeline->changes[0].change.value == "gamma(mean=2h, cv=0.5)");
    CHECK(quoted.timeline->changes[1].change.text == "sw.fte=4");
    // Applied, step a's constant 2h becomes a gamma with mean 2 hours (Distribution's a) and
    // cv 0.5 (its b): the same mean, so the kind and the cv show the change.
    Process p = model();
    size_t next = 0;
    apply_timeline_until(*quoted.timeline, 10, next, p);
    const Step& a = p.graph[*p.find_step("a")];
    REQUIRE(a.effort);
    CHECK(a.effort->kind == DistributionKind::gamma);
    CHECK(a.effort->a == Catch::Detail::Approx(2));
    CHECK(a.effort->b == 0.5);
  }
}

TEST_CASE("Bad timelines give file:line messages", "[timeline]") {
  CHECK(
      messages(read_timeline_text("", "t.csv").diagnostics) ==
      std::vector<std::string>{"t.csv: the timeline is empty: expected lines week,target,value (e.g. 10,sw.fte,2.5)"});
  CHECK(messages(read_timeline_text("week,target,value\n", "t.csv").diagnostics).size() == 1);
  CHECK(messages(read_timeline_text("x,sw.fte,2\n-1,sw.fte,2\n5,sw.fte\n", "t.csv").diagnostics) ==
        std::vector<std::string>{"t.csv:1: week \"x\" must be a number of weeks from the start, 0 or more",
                                 "t.csv:2: week \"-1\" must be a number of weeks from the start, 0 or more",
                                 "t.csv:3: expected 3 fields week,target,value (e.g. 10,sw.fte,2.5), found 2"});
  auto read = read_timeline_text("10,so.fte,2\n12,sw.fet,2\n", "t.csv");
  CHECK(messages(read.diagnostics) ==
        std::vector<std::string>{"t.csv:2: sw.fet=2: unknown attribute \"fet\" (did you mean \"fte\"?); use fte, "
                                 "absence, reserved, arrivals, effort, delay, load or p"});
  auto unknown_role = read_timeline_text("10,sx.fte,2\n", "t.csv");
  REQUIRE(unknown_role.timeline);
  CHECK(messages(validate_timeline(*unknown_role.timeline, model())) ==
        std::vector<std::string>{"t.csv:1: sx.fte=2: no role \"sx\" (did you mean \"sw\"?)"});
  CHECK(messages(read_timeline_text("10,a.effort,gamma(mean=2h, cv=0.5)\n12,sw.fte,\"4\n", "t.csv").diagnostics) ==
        std::vector<std::string>{"t.csv:1: expected 3 fields week,target,value (e.g. 10,sw.fte,2.5), found 4 (put a "
                                 "value with a comma in quotes: \"gamma(mean=2h, cv=0.5)\")",
                                 "t.csv:2: a quote \" is never closed"});
  CHECK(messages(read_timeline_file("/nonexistent/t.csv").diagnostics) ==
        std::vector<std::string>{"/nonexistent/t.csv: cannot open the timeline file"});
  SECTION("in Finnish and Swedish") {
    CHECK(messages(read_timeline_text("x,sw.fte,2\n5,sw.fte\n", "t.csv", Lang::fi).diagnostics) ==
          std::vector<std::string>{
              "t.csv:1: week \"x\" pitää olla viikkojen määrä alusta, 0 tai enemmän",
              "t.csv:2: odotettiin 3 kenttää week,target,value (esimerkiksi 10,sw.fte,2.5), löytyi 2"});
    CHECK(messages(validate_timeline(*unknown_role.timeline, model(), Lang::sv)) ==
          std::vector<std::string>{"t.csv:1: sx.fte=2: ingen roll \"sx\" (menade du \"sw\"?)"});
    CHECK(messages(read_timeline_file("/nonexistent/t.csv", Lang::fi).diagnostics) ==
          std::vector<std::string>{"/nonexistent/t.csv: aikajanatiedostoa ei voi avata"});
  }
}

TEST_CASE("The bundled example timeline reads and fits the model it was written for", "[timeline]") {
  // processes/examples/sairauslomat.csv as Excel writes it under fi: a Finnish header, ';', a
  // decimal comma and comment lines; two changes to sw_nuoret's absence (processes/README.md, "Timeline files").
  auto read = read_timeline_file(SUJUVA_SOURCE_DIR "/processes/examples/sairauslomat.csv", Lang::fi);
  REQUIRE(read.diagnostics.empty());
  REQUIRE(read.timeline);
  const auto& c = read.timeline->changes;
  REQUIRE(c.size() == 2);
  CHECK(c[0].week == 300);
  CHECK(c[0].change.text == "sw_nuoret.absence=0.3");
  CHECK(c[1].change.text == "sw_nuoret.absence=0.05");
  auto model = read_process_file(SUJUVA_SOURCE_DIR "/processes/aikuissosiaalityo-nykytila.dot");
  REQUIRE(model.usable());
  CHECK(validate_timeline(*read.timeline, *model.process).empty());
}
