#include "compare/comparison.h"

#include <catch2/catch.hpp>
#include <functional>
#include <string>

#include "check/check.h"
#include "io/dot_reader.h"
#include "present/comparison_json.h"
#include "support.h"

using namespace sujuva;

namespace {

Process load_text(const std::string& text, const std::string& name = "t.dot") {
  auto result = read_process_text(text, name);
  for (const auto& d : result.diagnostics) INFO(d.format());
  REQUIRE(result.usable());
  return *result.process;
}

Process load_bundled(const std::string& name) {
  auto result = read_process_file(std::string(SUJUVA_SOURCE_DIR) + "/processes/" + name);
  REQUIRE(result.usable());
  return *result.process;
}

// Every number in a JSON document, with its path.
void numbers(const nlohmann::json& j, const std::string& path,
             const std::function<void(const std::string&, double)>& visit) {
  if (j.is_number()) visit(path, j.get<double>());
  if (j.is_object())
    for (auto it = j.begin(); it != j.end(); ++it) numbers(it.value(), path + "." + it.key(), visit);
  if (j.is_array())
    for (size_t i = 0; i < j.size(); ++i) numbers(j[i], path + "[" + std::to_string(i) + "]", visit);
}

// Two pools of one server each (`split`) against one pool of two servers, at
// the same load: 2 clients a week split evenly, exponential effort of 32 h, a
// full-time server works 40 h a week, so a server serves μ = 40/32 = 1.25
// clients a week and each pool runs at ρ = λ/(cμ) = 1/1.25 = 0.8.
const std::string kTwoPools = R"dot(digraph pools { hours_per_fte=40; hours_per_day=8;
  subgraph cluster_r1 { role=r1; label="Tiimi 1"; fte=1; a1 [effort="exp(32h)"]; }
  subgraph cluster_r2 { role=r2; label="Tiimi 2"; fte=1; a2 [effort="exp(32h)"]; }
  in [kind=start, arrivals="2/week"];
  split [kind=decision];
  out [kind=end];
  in -> split; split -> a1 [p=0.5]; split -> a2 [p=0.5]; a1 -> out; a2 -> out;
})dot";

const std::string kOnePool = R"dot(digraph pools { hours_per_fte=40; hours_per_day=8;
  subgraph cluster_r1 { role=r1; label="Yhteinen tiimi"; fte=2; a1 [effort="exp(32h)"]; a2 [effort="exp(32h)"]; }
  in [kind=start, arrivals="2/week"];
  split [kind=decision];
  out [kind=end];
  in -> split; split -> a1 [p=0.5]; split -> a2 [p=0.5]; a1 -> out; a2 -> out;
})dot";

}  // namespace

TEST_CASE("A model compared with itself gives zero deltas and says there is no change", "[compare]") {
  Process p = load_bundled("aikuissosiaalityo-nykytila.dot");
  Comparison c = compare_processes({&p, &p});
  REQUIRE(c.models.size() == 2);
  REQUIRE(c.diffs.size() == 1);
  CHECK(c.diffs[0].empty());
  nlohmann::json j = to_json(c, Lang::fi);

  SECTION("every delta is zero and every relative change zero or undefined") {
    int count = 0;
    numbers(j["delta"], "delta", [&](const std::string& path, double value) {
      INFO(path);
      CHECK(value == 0.0);
      ++count;
    });
    CHECK(count > 20);
    numbers(j["relative"], "relative", [&](const std::string& path, double value) {
      INFO(path);
      CHECK(value == 0.0);
    });
    CHECK(j["before"] == j["after"]);
  }

  SECTION("the JSON carries the narrative's no-change sentence") {
    CHECK(j["narrative"] == nlohmann::json::array({"Ei muutosta: rakenne ja tunnusluvut ovat samat."}));
  }
}

TEST_CASE("Pooling: one pool of two servers waits less than two pools of one at the same load", "[compare]") {
  Process split = load_text(kTwoPools, "kaksi.dot");
  Process pooled = load_text(kOnePool, "yksi.dot");
  Comparison c = compare_processes({&split, &pooled});
  const Kpis& before = c.models[0];
  const Kpis& after = c.models[1];

  // M/M/1 per pool: Wq = ρ / (μ (1 − ρ)) = 0.8 / (1.25 × 0.2) = 3.2 weeks.
  REQUIRE(before.find_role("r1")->wait_weeks);
  CHECK(*before.find_role("r1")->wait_weeks == Approx(3.2).epsilon(1e-9));
  CHECK(*before.find_role("r2")->wait_weeks == Approx(3.2).epsilon(1e-9));
  // M/M/2 with λ = 2, μ = 1.25, a = λ/μ = 1.6, ρ = 0.8. Erlang C:
  //   P(wait) = (a²/2!)/(1 − ρ) / (1 + a + (a²/2!)/(1 − ρ)) = 6.4 / 9.0 = 0.711111…
  //   Wq = P(wait) / (cμ − λ) = 0.711111 / 0.5 = 1.422222… weeks.
  // Exponential effort (c_s² = 1) and Poisson arrivals make Allen–Cunneen exact.
  REQUIRE(after.find_role("r1")->wait_weeks);
  CHECK(*after.find_role("r1")->wait_weeks == Approx(6.4 / 9.0 / 0.5).epsilon(1e-9));
  CHECK(*after.find_role("r1")->wait_weeks < *before.find_role("r1")->wait_weeks);
  // Lead time = wait + service (32 h / 40 h a week = 0.8 weeks): 4.0 against 2.2222 weeks.
  CHECK(*before.lead_time_weeks.mean == Approx(4.0).epsilon(1e-9));
  CHECK(*after.lead_time_weeks.mean == Approx(6.4 / 9.0 / 0.5 + 0.8).epsilon(1e-9));
  // Same utilisation (0.8) on both sides: the shorter wait is the pooling effect alone.
  CHECK(*before.find_role("r1")->utilisation == Approx(0.8));
  CHECK(*after.find_role("r1")->utilisation == Approx(0.8));
}

TEST_CASE("The bundled current and target models: the bottleneck shifts and special support reaches a social worker",
          "[compare]") {
  Process now = load_bundled("aikuissosiaalityo-nykytila.dot");
  Process target = load_bundled("aikuissosiaalityo-tavoite.dot");
  Comparison c = compare_processes({&now, &target});
  // The models' hand checks: social workers (30–64) at 106.0 h capacity and
  // 100.3 h demand (0.946) are the busiest before; after, the intake
  // counsellors carry the assessment battery for every client (48.0 / 56.5 = 0.848).
  CHECK(c.models[0].top_bottleneck == "sw_aikuiset");
  CHECK(c.models[1].top_bottleneck == "ohjaus");

  SECTION("special-support clients all reach a social worker in the target") {
    // Target: every special outcome routes to a social-worker step (check passes).
    CHECK(c.models[1].special_support_reach == Approx(1.0));
    REQUIRE(c.models[0].special_support_reach);
    CHECK(*c.models[0].special_support_reach < 1.0);
    CHECK(c.models[0].mandatory_on_every_route == std::nullopt);
    CHECK(c.models[1].mandatory_on_every_route == true);
  }
}

TEST_CASE("The bundled team split shows the pooling effect for social workers", "[compare]") {
  Process two = load_bundled("aikuissosiaalityo-kaksi-tiimia.dot");
  Process one = load_bundled("aikuissosiaalityo-yksi-tiimi.dot");
  Comparison c = compare_processes({&two, &one});
  const Kpis& before = c.models[0];
  const Kpis& after = c.models[1];
  // Same work and staff (the models' hand checks: 0.943/0.946 in the two teams,
  // 0.945 pooled), but one pool of 8.55 FTE instead of 3.3 and 5.25: Erlang C
  // gives the larger pool a shorter wait than either small pool.
  const RoleKpi* pooled = after.find_role("sw_aikuiset");
  REQUIRE(pooled);
  REQUIRE(pooled->wait_weeks);
  CHECK(*pooled->wait_weeks < *before.find_role("sw_aikuiset")->wait_weeks);
  CHECK(*pooled->wait_weeks < *before.find_role("sw_nuoret")->wait_weeks);
  CHECK(*pooled->utilisation == Approx(0.945).margin(0.005));
  CHECK(*after.lead_time_weeks.mean < *before.lead_time_weeks.mean);
}

TEST_CASE("Key figures: special-support reach and mandatory checkpoints on small models", "[compare]") {
  // 4 clients a week; the assessment finds half special; 60 % of those go on
  // to the social worker, 40 % end without one: reach = 0.6 exactly.
  const std::string text = R"dot(digraph r {
    subgraph cluster_so { role=so; fte=2; arvio [kind=checkpoint, assesses=special, requires=sw, effort="1h" MANDATORY]; }
    subgraph cluster_sw { role=sw; fte=1; tyo [effort="1h"]; }
    in [kind=start, arrivals="4/week"];
    jako [kind=decision];
    out [kind=end];
    in -> arvio; arvio -> jako [p=0.5, outcome=special]; arvio -> out [p=0.5];
    jako -> tyo [p=0.6]; jako -> out [p=0.4]; tyo -> out;
    SKIP
  })dot";
  auto variant = [&](const std::string& mandatory, const std::string& skip) {
    std::string t = text;
    t.replace(t.find("MANDATORY"), 9, mandatory);
    t.replace(t.find("SKIP"), 4, skip);
    return load_text(t);
  };
  Process plain = variant("", "");
  Process mandatory = variant(", mandatory=true", "");
  Process skipped = variant(", mandatory=true", "in -> out [label=\"ohi\"];");
  Comparison c = compare_processes({&plain, &mandatory, &skipped});
  CHECK(*c.models[0].special_support_reach == Approx(0.6));
  CHECK(c.models[0].mandatory_checkpoints == 0);
  CHECK(c.models[0].mandatory_on_every_route == std::nullopt);
  CHECK(c.models[1].mandatory_on_every_route == true);
  CHECK(c.models[2].mandatory_on_every_route == false);
  CHECK(c.models[2].route_skipping_mandatory == std::vector<std::string>{"in", "out"});
  CHECK(c.diffs[0].checkpoints_made_mandatory == std::vector<std::string>{"arvio"});

  SECTION("three models: one column each, the later ones under variants in JSON") {
    nlohmann::json j = to_json(c, Lang::en);
    CHECK(j["models"].size() == 3);
    REQUIRE(j["variants"].size() == 1);
    CHECK(j["variants"][0]["delta"]["mandatory_checkpoints"]["count"] == 1);
  }
}

TEST_CASE("JSON: before, after and delta use the names of analyze", "[compare]") {
  Process split = load_text(kTwoPools, "kaksi.dot");
  Process pooled = load_text(kOnePool, "yksi.dot");
  nlohmann::json j = to_json(compare_processes({&split, &pooled}), Lang::en);
  for (const char* key : {"before", "after", "delta", "relative", "structure", "narrative"}) CHECK(j.contains(key));
  double lead_before = j["before"]["lead_time_weeks"]["mean"];
  double lead_after = j["after"]["lead_time_weeks"]["mean"];
  CHECK(j["delta"]["lead_time_weeks"]["mean"].get<double>() == Approx(lead_after - lead_before));
  CHECK(j["relative"]["lead_time_weeks"]["mean"].get<double>() == Approx((lead_after - lead_before) / lead_before));
  // Roles are matched by id; a role only one side has gets null differences.
  const auto& roles = j["delta"]["roles"];
  REQUIRE(roles.size() == 2);
  CHECK(roles[0]["id"] == "r1");
  CHECK(roles[0]["fte"] == 1.0);
  CHECK(roles[1]["id"] == "r2");
  CHECK(roles[1]["utilisation"].is_null());
  CHECK(j["delta"]["top_bottleneck"]["before"].is_string());
  CHECK(j["structure"]["roles"][0]["change"] == "changed");
}

TEST_CASE("Models that cannot be compared are refused with a clear message", "[compare]") {
  Process base = load_text(kTwoPools, "kaksi.dot");

  SECTION("different working-time units") {
    std::string text = kTwoPools;
    text.replace(text.find("hours_per_fte=40"), 16, "hours_per_fte=37.5");
    Process other = load_text(text, "muu.dot");
    auto problems = comparability(base, other);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].format() ==
          "muu.dot: hours_per_fte is 37.5 but kaksi.dot has 40: the models count working time in different units; set "
          "the same hours_per_fte in both to compare them");
    CHECK_THROWS_AS(compare_processes({&base, &other}), CompareError);
  }
  SECTION("no step in common") {
    Process other = load_text(R"dot(digraph x { hours_per_fte=40; hours_per_day=8;
      subgraph cluster_q { role=q; fte=1; tyo [effort="1h"]; }
      alku [kind=start, arrivals="1/week"]; loppu [kind=end]; alku -> tyo -> loppu; })dot",
                              "x.dot");
    auto problems = comparability(base, other);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].format() ==
          "x.dot: no step in common with kaksi.dot (no equal step ids or labels): these are different processes, "
          "nothing to compare");
  }
}

TEST_CASE("Compare finds a skipped mandatory checkpoint by its rule, whatever the language of the findings",
          "[compare]") {
  // in -> k -> out and in -> out: the mandatory checkpoint k is skipped by the second route.
  Process p = test::load_model(R"dot(digraph m {
    subgraph cluster_r { role=r; fte=1; k [kind=checkpoint, mandatory=true, effort="1h"]; }
    in [kind=start, arrivals="1/week"]; out [kind=end];
    in -> k [p=0.5]; in -> out; k -> out;
  })dot");
  for (Lang lang : {Lang::fi, Lang::sv, Lang::en}) {
    Diagnostics findings = check_process(p, lang);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule == "mandatory-checkpoint");
    CHECK(findings[0].route == std::vector<std::string>{"in", "out"});
  }
  Comparison c = compare_processes({&p, &p});
  REQUIRE(c.models[0].mandatory_on_every_route.has_value());
  CHECK_FALSE(*c.models[0].mandatory_on_every_route);
  CHECK(c.models[0].route_skipping_mandatory == std::vector<std::string>{"in", "out"});
}

TEST_CASE("Compare counts the rules the service breaks apart from the errors in the model", "[compare]") {
  // The adult current state breaks the s. 42 rule at its two counsellor assessments (pta_so_n,
  // pta_so_a: `check` lists both as requires-skipped) and has no error in the model; the target
  // routes every special-support client to a social worker, so both counts are 0 there.
  Process current = load_bundled("aikuissosiaalityo-nykytila.dot");
  Process target = load_bundled("aikuissosiaalityo-tavoite.dot");
  Kpis before = kpis_from(current, analyze(current), check_process(current));
  Kpis after = kpis_from(target, analyze(target), check_process(target));
  CHECK(before.rules_broken == 2);
  CHECK(before.model_errors == 0);
  CHECK(before.check_errors == 2);
  CHECK(after.rules_broken == 0);
  CHECK(after.model_errors == 0);
  // A dead end is an error in the model, not a broken rule.
  Process broken = load_text(test::kBroken);
  Kpis k = kpis_from(broken, analyze(broken), check_process(broken));
  CHECK(k.model_errors == 1);
  CHECK(k.rules_broken == 0);
}
