#include <catch2/catch.hpp>

#include "flow/analysis.h"
#include "support.h"

using namespace sujuva;
using Catch::Detail::Approx;

namespace {

// One checkpoint (M/M/1, exp 4 h at 40 h a week: m = 0.1 weeks) sends a share s of the
// 1 client a week to a social worker (exp 20 h: m = 0.5) and the rest to another role
// (exp 8 h: m = 0.2), each M/M/1 with sojourn m / (1 - lambda m). So the mean lead time is
//   L(s) = 0.1 / 0.9 + s * 0.5 / (1 - 0.5 s) + (1 - s) * 0.2 / (1 - 0.2 (1 - s)).
const char* kModel = R"dot(digraph t { hours_per_fte=40; hours_per_day=8;
  in [kind=start, arrivals="1/week"];
  subgraph cluster_so { role=so; fte=1; chk [kind=checkpoint, assesses="special", requires="sw", effort="exp(4h)"]; }
  subgraph cluster_sw { role=sw; fte=1; a [effort="exp(20h)"]; }
  subgraph cluster_ot { role=ot; fte=1; b [effort="exp(8h)"]; }
  out [kind=end];
  in -> chk; chk -> a [outcome="special", p=0.3]; chk -> b; a -> out; b -> out; })dot";

double lead(double s) { return 0.1 / 0.9 + s * 0.5 / (1 - 0.5 * s) + (1 - s) * 0.2 / (1 - 0.2 * (1 - s)); }

}  // namespace

TEST_CASE("A checkpoint's outcome share is varied 10 percentage points either way", "[flow]") {
  Process p = test::load_model(kModel);
  Analysis a = analyze(p, AnalysisOptions{});
  REQUIRE(a.checkpoints.size() == 1);
  const auto& c = a.checkpoints[0];
  // The route without p takes the rest: 0.7 to b, so 30 % are assessed "special".
  CHECK(*c.outcome_share == Approx(0.3));
  CHECK(*a.lead_time_weeks.mean == Approx(lead(0.3)));
  REQUIRE(c.share_cases.size() == 2);
  SECTION("20 %: fewer special clients, the other role is the busiest (rho 0.8 x 0.2 = 0.16)") {
    CHECK(c.share_cases[0].share == Approx(0.2));
    CHECK(*c.share_cases[0].lead_time_weeks == Approx(lead(0.2)));  // 0.41270
    CHECK(c.share_cases[0].busiest_role == "ot");
    CHECK(*c.share_cases[0].busiest_utilisation == Approx(0.16));
  }
  SECTION("40 %: the social worker is the busiest (rho 0.4 x 0.5 = 0.2)") {
    CHECK(c.share_cases[1].share == Approx(0.4));
    CHECK(*c.share_cases[1].lead_time_weeks == Approx(lead(0.4)));  // 0.49747
    CHECK(c.share_cases[1].busiest_role == "sw");
    CHECK(*c.share_cases[1].busiest_utilisation == Approx(0.2));
  }
  SECTION("the model itself is not changed") {
    CHECK(*analyze(p, AnalysisOptions{}).lead_time_weeks.mean == Approx(lead(0.3)));
  }
}

TEST_CASE("Outcome shares near the edges and routes by class", "[flow]") {
  SECTION("95 % assessed: the cases are 85 % and 100 %") {
    std::string dot = kModel;
    dot.replace(dot.find("p=0.3"), 5, "p=0.95");
    Analysis a = analyze(test::load_model(dot), AnalysisOptions{});
    const auto& cases = a.checkpoints[0].share_cases;
    REQUIRE(cases.size() == 2);
    CHECK(cases[0].share == Approx(0.85));
    CHECK(cases[1].share == Approx(1.0));
    CHECK(*cases[1].lead_time_weeks == Approx(lead(1.0)));
  }
  SECTION("a case without a steady state is shown as such, and the analysis goes on") {
    // Special clients go back to the checkpoint; the only way out is the other route. At
    // 95 % + 10 points = 100 % that route gets p = 0 and nobody leaves.
    Process p = test::load_model(R"dot(digraph t { hours_per_fte=40; hours_per_day=8;
      in [kind=start, arrivals="1/week"];
      subgraph cluster_so { role=so; fte=1; chk [kind=checkpoint, assesses="special", requires="sw", effort="10min"]; }
      subgraph cluster_sw { role=sw; fte=1; a [effort="10min"]; }
      out [kind=end];
      in -> chk; chk -> a [outcome="special", p=0.95]; chk -> out; a -> chk; })dot");
    Analysis a = analyze(p, AnalysisOptions{});
    const auto& cases = a.checkpoints[0].share_cases;
    REQUIRE(cases.size() == 2);
    CHECK(cases[0].lead_time_weeks);
    CHECK(cases[1].share == Approx(1.0));
    CHECK_FALSE(cases[1].lead_time_weeks);
    CHECK(cases[1].busiest_role.empty());
  }
  SECTION("routes with when= give no share: it would differ by class") {
    std::string dot = kModel;
    dot.replace(dot.find("chk -> b;"), 9, "chk -> b [when=\"standard\"];");
    Analysis a = analyze(test::load_model(dot), AnalysisOptions{});
    CHECK_FALSE(a.checkpoints[0].outcome_share);
    CHECK(a.checkpoints[0].share_cases.empty());
  }
  SECTION("without sensitivity, nothing is computed") {
    AnalysisOptions options;
    options.sensitivity = false;
    Analysis a = analyze(test::load_model(kModel), options);
    CHECK(a.checkpoints[0].share_cases.empty());
  }
}
