// The one bottleneck rule (flow/analysis.h is_bottleneck) and what the bottleneck list holds.
#include <catch2/catch.hpp>
#include <string>

#include "flow/analysis.h"
#include "present/bottleneck_text.h"
#include "support.h"

using namespace sujuva;

namespace {

// One role of one person (40 h a week) serving 2 clients a week with an exponential effort of
// `effort`, after which every client waits 100 weeks for an outside decision. The long delay keeps
// the wait for the role a small share of the lead time, so that only utilisation decides.
Process single_server(const std::string& effort) {
  return test::load_model(R"dot(digraph b {
  hours_per_fte=40; hours_per_day=8;
  tulo [kind=start, arrivals="2/week"];
  subgraph cluster_so { role=so; fte=1; label="Sosiaaliohjaajat"; label_sv="Socialhandledare"; label_en="Counsellors";
    ohjaus [effort="exp()dot" + effort + R"dot()"]; }
  subgraph cluster_ulko { role=ulko; fte=1; label="Päätös"; label_sv="Beslut"; label_en="Decision";
    paatos [effort="1min", delay="100w"]; }
  loppu [kind=end];
  tulo -> ohjaus -> paatos -> loppu;
})dot");
}

const RoleResult& role(const Analysis& a, const char* id) {
  const RoleResult* r = a.find_role(id);
  REQUIRE(r);
  return *r;
}

}  // namespace

TEST_CASE("A role at 85 % utilisation is a bottleneck even when its clients hardly wait", "[flow][bottleneck]") {
  // rho = 2/week × 17 h / 40 h = 0.85, printed "85 %". M/M/1: mu = 40/17 per week, Wq = rho/(mu − lambda)
  // = 0.85/0.3529 = 2.41 weeks, lead time ≈ 100 + 1/(mu − lambda) = 102.8 weeks: waiting for the
  // role is 2.3 % of it, far below the wait-share limit of 20 %.
  Analysis a = analyze(single_server("17h"));
  const RoleResult& so = role(a, "so");
  CHECK(*so.utilisation == Approx(0.85));
  REQUIRE(so.wait_share_of_lead_time);
  CHECK(*so.wait_share_of_lead_time == Approx(2.4083 / 102.833).epsilon(1e-3));
  CHECK(so.bottleneck);
  REQUIRE_FALSE(a.bottlenecks.empty());
  CHECK(a.bottlenecks.front().kind == "role");
  CHECK(a.bottlenecks.front().id == "so");
  CHECK(no_bottleneck_sentence(a, single_server("17h"), Lang::fi).empty());
}

TEST_CASE("A role printed at 84 % with short waits is not a bottleneck, and the outputs name it the busiest",
          "[flow][bottleneck]") {
  // rho = 2 × 16.8 / 40 = 0.84. Wq = 0.84/(40/16.8 − 2) = 2.205 weeks of a 102.6-week lead time (2.1 %).
  // The decision role is busy 2 × 1 min / 40 h = 0.08 %. Neither meets the rule; before it, the
  // first role with work was always listed as the top bottleneck.
  Process p = single_server("16.8h");
  Analysis a = analyze(p);
  CHECK(*role(a, "so").utilisation == Approx(0.84));
  CHECK_FALSE(role(a, "so").bottleneck);
  CHECK_FALSE(role(a, "ulko").bottleneck);
  for (const auto& b : a.bottlenecks) CHECK(b.kind != "role");
  CHECK(no_bottleneck_sentence(a, p, Lang::fi) ==
        "Mikään rooli ei ole pullonkaula. Kuormittunein rooli: Sosiaaliohjaajat, käyttöaste 84\u00A0%, "
        "odotus keskimäärin 11,0 työpäivää.");  // 2.205 weeks × 5 working days = 11.0
  CHECK(no_bottleneck_sentence(a, p, Lang::sv) ==
        "Ingen roll är en flaskhals. Mest belastad roll: Socialhandledare, beläggningsgrad 84\u00A0%, "
        "väntetid i genomsnitt 11,0 arbetsdagar.");
  CHECK(no_bottleneck_sentence(a, p, Lang::en) ==
        "No role is a bottleneck. Busiest role: Counsellors, utilisation 84%, average wait 11.0 working days.");
}

TEST_CASE("A role whose waiting is a fifth of the lead time is a bottleneck at modest utilisation",
          "[flow][bottleneck]") {
  // No delay: M/M/1 with lambda 2, mu 40/10 = 4 per week: rho 0.5, Wq = 0.5/2 = 0.25 weeks,
  // W = 0.5 weeks; the decision step adds 1 min. Waiting is 0.25/0.5 = 50 % of the lead time.
  Process p = test::load_model(R"dot(digraph w {
  hours_per_fte=40;
  tulo [kind=start, arrivals="2/week"];
  subgraph cluster_so { role=so; fte=1; ohjaus [effort="exp(10h)"]; }
  loppu [kind=end];
  tulo -> ohjaus -> loppu;
})dot");
  Analysis a = analyze(p);
  const RoleResult& so = role(a, "so");
  CHECK(*so.utilisation == Approx(0.5));
  CHECK(*so.wait_share_of_lead_time == Approx(0.5));
  CHECK(so.bottleneck);
}

TEST_CASE("An overloaded role is always a bottleneck", "[flow][bottleneck]") {
  // rho = 2 × 25 / 40 = 1.25: no steady state for the role, its queue grows.
  Analysis a = analyze(single_server("25h"));
  CHECK_FALSE(role(a, "so").stable);
  CHECK(role(a, "so").bottleneck);
  CHECK(a.bottlenecks.front().id == "so");
}
