#include "present/analysis_json.h"
#include "flow/analysis.h"
#include "present/bottleneck_text.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "io/dot_reader.h"
#include "support.h"

using namespace sujuva;
using Catch::Detail::Approx;

namespace {

Approx exact(double x) { return Approx(x).epsilon(1e-9); }

std::string error_of(const Process& p, Lang lang = Lang::en) {
  try {
    AnalysisOptions options;
    options.lang = lang;
    analyze(p, options);
  } catch (const AnalysisError& e) {
    return e.what();
  }
  return "";
}

// Tandem: M/M/1 then M/M/1, 2 clients a week, one server of 40 h/week each.
// Step 1: exp(10h) -> mu 4/week, rho 0.5, W = 1/(4-2) = 0.5, Wq = 0.25.
// Step 2: exp(16h) -> mu 2.5/week, rho 0.8, W = 1/(2.5-2) = 2, Wq = 1.6.
// Lead time 2.5 weeks (Jackson), role 2 holds 2/2.5 = 80 % of it.
const char* kTandem = R"dot(digraph tandem {
  hours_per_fte=40; hours_per_day=8;
  in [kind=start, arrivals="2/week"];
  subgraph cluster_r1 { role=r1; fte=1; label="Ohjaajat"; label_sv="Handledare"; label_en="Counsellors";
    s1 [effort="exp(10h)"]; }
  subgraph cluster_r2 { role=r2; fte=1; label="Sosiaalityöntekijät"; label_sv="Socialarbetare"; label_en="Social workers";
    s2 [effort="exp(16h)"]; }
  out [kind=end];
  in -> s1 -> s2 -> out;
})dot";

}  // namespace

TEST_CASE("The open Jackson network with feedback from the issue", "[flow]") {
  // Arrivals (1,4,3), routing [[0,.6,.3],[.1,0,.3],[.4,.4,0]], servers (1,2,1), rate 10.
  // Traffic equations: lambda = (5, 10, 7.5); rho = (.5, .5, .75);
  // L: M/M/1 rho/(1-rho) = 1; M/M/2 with a = 1: C = 1/3, L = C rho/(1-rho) + a = 1.3333;
  // M/M/1 .75/.25 = 3. Mean time in system = (1 + 1.3333 + 3) / 8 = 0.6667.
  Process p = test::load_model(R"dot(digraph j {
    hours_per_fte=40; hours_per_day=8;
    s1 [kind=start, arrivals="1/week"]; s2 [kind=start, arrivals="4/week"]; s3 [kind=start, arrivals="3/week"];
    subgraph cluster_a { role=ra; fte=1; a [effort="exp(4h)"]; }
    subgraph cluster_b { role=rb; fte=2; b [effort="exp(4h)"]; }
    subgraph cluster_c { role=rc; fte=1; c [effort="exp(4h)"]; }
    out [kind=end];
    s1 -> a; s2 -> b; s3 -> c;
    a -> b [p=0.6]; a -> c [p=0.3]; a -> out [p=0.1];
    b -> a [p=0.1]; b -> c [p=0.3]; b -> out [p=0.6];
    c -> a [p=0.4]; c -> b [p=0.4]; c -> out [p=0.2];
  })dot");
  Analysis a = analyze(p);
  SECTION("visit rates") {
    CHECK(a.find_step("a")->arrivals_per_week == exact(5));
    CHECK(a.find_step("b")->arrivals_per_week == exact(10));
    CHECK(a.find_step("c")->arrivals_per_week == exact(7.5));
    CHECK(a.find_step("a")->visits == exact(5.0 / 8));
  }
  SECTION("utilisation and clients in the system") {
    CHECK(*a.find_role("ra")->utilisation == exact(0.5));
    CHECK(*a.find_role("rb")->utilisation == exact(0.5));
    CHECK(*a.find_role("rc")->utilisation == exact(0.75));
    CHECK(*a.find_role("ra")->in_system_clients == exact(1));
    CHECK(*a.find_role("rb")->in_system_clients == exact(4.0 / 3));
    CHECK(*a.find_role("rc")->in_system_clients == exact(3));
  }
  SECTION("mean time in system") { CHECK(*a.lead_time_weeks.mean == exact(2.0 / 3)); }
  SECTION("Little's law for the whole network: L = Gamma W") {
    double l = 0;
    for (const auto& r : a.roles) l += *r.in_system_clients;
    CHECK(l == exact(a.arrivals_per_week * *a.lead_time_weeks.mean));
  }
}

TEST_CASE("A rework loop with exit probability q gives 1/q visits", "[flow]") {
  // q = 0.25: visits = 1/0.25 = 4, reach 1, rework 3 visits per client.
  // Visit rate 2 x 4 = 8/week of exp(2h) = 16 h of 40: rho 0.4, M/M/1 W = 1/(20-8) = 1/12 week
  // per visit; lead time 4/12 = 1/3 week.
  Process p = test::load_model(R"dot(digraph r {
    hours_per_fte=40; hours_per_day=8;
    in [kind=start, arrivals="2/week"];
    subgraph cluster_w { role=w; fte=1; work [effort="exp(2h)"]; }
    out [kind=end];
    in -> work; work -> out [p=0.25]; work -> work [p=0.75];
  })dot");
  Analysis a = analyze(p);
  CHECK(a.find_step("work")->visits == exact(4));
  CHECK(*a.find_step("work")->reach == exact(1));
  CHECK(a.rework_visits_per_client == exact(3));
  CHECK(*a.lead_time_weeks.mean == exact(1.0 / 3));
  SECTION("a loop of two steps: reach 1 for both, visits 1/q each") {
    Process two = test::load_model(R"dot(digraph r {
      hours_per_fte=40; hours_per_day=8;
      in [kind=start, arrivals="2/week"];
      subgraph cluster_w { role=w; fte=1; work [effort="1h"]; review [effort="1h"]; }
      side [effort="1h", role=w];
      out [kind=end];
      in -> work; work -> review; review -> out [p=0.5]; review -> work [p=0.3]; review -> side [p=0.2]; side -> out;
    })dot");
    // visits(work) = 1/(1 - 0.3) = 1.4286; reach(side) = 0.2 x 1.4286 = 0.2857 (side is on no loop).
    Analysis b = analyze(two);
    CHECK(b.find_step("work")->visits == exact(1 / 0.7));
    CHECK(*b.find_step("review")->reach == exact(1));
    CHECK(*b.find_step("side")->reach == exact(0.2 / 0.7));
  }
}

TEST_CASE("Steps with a higher priority wait less, by Cobham's formula", "[flow]") {
  // One server (40 h a week), 1 client a week, half to `urgent` (priority 10, exp(8h): S = 0.2
  // weeks) and half to `routine` (exp(16h): S = 0.4 weeks). rho1 = 0.5 x 0.2 = 0.1, rho = 0.1 +
  // 0.5 x 0.4 = 0.3. M/G/1: W0 = sum lambda_i E[S_i^2] / 2 = 0.5 x 0.08 / 2 + 0.5 x 0.32 / 2
  // = 0.1 weeks. Cobham: W_urgent = W0 / (1 - rho1) = 1/9, W_routine = W0 / ((1 - rho1)(1 - rho))
  // = 0.1 / 0.63; mean per visit (1/9 + 0.1/0.63) / 2, above FIFO's W0 / (1 - rho) = 1/7
  // because the longer visits wait behind the shorter ones.
  Process p = test::load_model(R"dot(digraph prio {
    hours_per_fte=40; hours_per_day=8;
    in [kind=start, arrivals="1/week"];
    subgraph cluster_w { role=w; fte=1;
      urgent [effort="exp(8h)", priority=10]; routine [effort="exp(16h)"]; }
    out [kind=end];
    in -> urgent [p=0.5]; in -> routine [p=0.5]; urgent -> out; routine -> out;
  })dot");
  Analysis a = analyze(p);
  const double urgent = 1.0 / 9, routine = 0.1 / 0.63;
  CHECK(*a.find_step("urgent")->wait_weeks == exact(urgent));
  CHECK(*a.find_step("routine")->wait_weeks == exact(routine));
  const RoleResult& w = *a.find_role("w");
  CHECK(*w.wait_weeks == exact((urgent + routine) / 2));
  CHECK(w.wait_weeks_by_priority.at(10) == exact(urgent));
  CHECK(w.wait_weeks_by_priority.at(0) == exact(routine));
  CHECK(*w.queue_clients == exact((urgent + routine) / 2));  // Little: lambda = 1
  // Lead time = 0.5 (1/9 + 0.2) + 0.5 (0.1/0.63 + 0.4).
  CHECK(*a.lead_time_weeks.mean == exact(0.5 * (urgent + 0.2) + 0.5 * (routine + 0.4)));
  SECTION("one priority at the role: the FIFO wait and no split") {
    Process same = test::load_model(R"dot(digraph prio {
      hours_per_fte=40; hours_per_day=8;
      in [kind=start, arrivals="1/week"];
      subgraph cluster_w { role=w; fte=1; urgent [effort="exp(8h)"]; routine [effort="exp(16h)"]; }
      out [kind=end];
      in -> urgent [p=0.5]; in -> routine [p=0.5]; urgent -> out; routine -> out;
    })dot");
    Analysis b = analyze(same);
    CHECK(*b.find_role("w")->wait_weeks == exact(1.0 / 7));
    CHECK(b.find_role("w")->wait_weeks_by_priority.empty());
  }
}

TEST_CASE("Class routing gives each class its own path sum", "[flow]") {
  // From processes/examples/classes.dot: special = 0.1 + 0.4 + 0.5 = 1.0 week,
  // standard = 0.1 + 1/3 week, overall 0.3 x 1.0 + 0.7 x 0.4333 = 0.60333.
  Process p = test::load_model(R"dot(digraph c {
    hours_per_fte=40; hours_per_day=8;
    in [kind=start, arrivals="10/week"];
    subgraph cluster_o { role=o; fte=1;
      arvio [kind=checkpoint, assesses="special", requires=sw, effort="exp(2h)"];
      ilmoitus [delay="2wd"]; }
    subgraph cluster_sw { role=sw; fte=1; sw_tyo [effort="exp(8h)"]; }
    subgraph cluster_so { role=so; fte=1; so_tyo [effort="exp(4h)"]; }
    jako [kind=decision]; out [kind=end];
    in -> arvio; arvio -> ilmoitus [outcome="special", p=0.3]; arvio -> jako [p=0.7]; ilmoitus -> jako;
    jako -> sw_tyo [when="special"]; jako -> so_tyo [when="standard"]; sw_tyo -> out; so_tyo -> out;
  })dot");
  Analysis a = analyze(p);
  CHECK(*a.lead_time_weeks.by_class.at("special") == exact(1.0));
  CHECK(*a.lead_time_weeks.by_class.at("standard") == exact(0.1 + 1.0 / 3));
  CHECK(*a.lead_time_weeks.mean == exact(0.3 * 1.0 + 0.7 * (0.1 + 1.0 / 3)));
  CHECK(a.lead_time_weeks.share_by_class.at("special") == exact(0.3));
  CHECK(a.find_step("sw_tyo")->arrivals_per_week_by_class[1] == exact(3));
  SECTION("every special client reaches the social worker, as the checkpoint requires") {
    REQUIRE(a.checkpoints.size() == 1);
    CHECK(a.checkpoints[0].assessed_per_week == exact(3));
    CHECK(*a.checkpoints[0].share_reaching_required_role == exact(1));
  }
  SECTION("shares of clients per role and handoffs") {
    CHECK(*a.find_role("sw")->share_of_clients == exact(0.3));
    CHECK(*a.find_role("so")->share_of_clients == exact(0.7));
    // Every client moves once from o to sw or so (the decision passes them on).
    CHECK(a.handoffs_per_client == exact(1));
  }
}

TEST_CASE("Bottlenecks, saturation and sensitivity are explained in words", "[flow]") {
  Process p = test::load_model(kTandem);
  AnalysisOptions fi;
  Analysis a = analyze(p, fi);
  REQUIRE_FALSE(a.bottlenecks.empty());
  CHECK(a.bottlenecks[0].kind == "role");
  CHECK(a.bottlenecks[0].id == "r2");
  // utilisation 0.8, Wq 1.6 weeks = 8 working days (5 a week), share 2/2.5 = 80 % (nbsp before % in
  // fi/sv).
  CHECK(bottleneck_sentence(a.bottlenecks[0], a, p, Lang::fi) ==
        "Sosiaalityöntekijät: käyttöaste 80\u00A0%, odotus keskimäärin 8 työpäivää, 80\u00A0% "
        "läpimenoajasta.");
  CHECK(bottleneck_sentence(a.bottlenecks[0], a, p, Lang::sv) ==
        "Socialarbetare: beläggningsgrad 80\u00A0%, väntetid i genomsnitt 8 arbetsdagar, 80\u00A0% av "
        "genomloppstiden.");
  CHECK(bottleneck_sentence(a.bottlenecks[0], a, p, Lang::en) ==
        "Social workers: utilisation 80%, average wait 8 working days, 80% of the lead time.");
  SECTION("saturation: r2 reaches utilisation 1 at 40 h / 16 h = 2.5 clients a week") {
    CHECK(*a.saturation.role == "r2");
    CHECK(*a.saturation.arrivals_per_week == exact(2.5));
    CHECK(*a.saturation.scale == exact(1.25));
  }
  SECTION("sensitivity: one more social worker turns r2 into M/M/2") {
    // M/M/2, lambda 2, mu 2.5: a = 0.8, B2 = 0.150943, C = 0.228571, Wq = C/(5-2) = 0.0761905;
    // lead time = 0.5 (r1) + 0.0761905 + 0.4 = 0.9761905 weeks.
    REQUIRE(a.sensitivity.size() == 2);
    CHECK(a.sensitivity[0].role == "r2");
    CHECK(a.sensitivity[0].rank == 1);
    CHECK(a.sensitivity[0].cases[1].change == "fte+1");
    CHECK(*a.sensitivity[0].cases[1].lead_time_weeks == exact(0.5 + 0.4 + (0.32 / 1.4) / 3));
    CHECK(*a.sensitivity[0].cases[1].utilisation == exact(0.4));
    CHECK(*a.sensitivity[0].lead_time_gain_weeks == exact(2.5 - (0.9 + (0.32 / 1.4) / 3)));
    // In working days (5 a week): 2.5 weeks = 12.5; 0.9 + 0.32 / 1.4 / 3 = 0.976 weeks = 4.88.
    CHECK(sensitivity_sentence(a.sensitivity[0], a, p, Lang::fi) ==
          "Yksi henkilö lisää (Sosiaalityöntekijät): läpimenoaika 12,5 työpäivää → 4,9 työpäivää, käyttöaste 80\u00A0% → "
          "40\u00A0%.");
  }
  SECTION("handoffs: every client moves once from r1 to r2") { CHECK(a.handoffs_per_client == exact(1)); }
}

TEST_CASE("A step sentence names the role when two steps share a label", "[flow]") {
  // The tandem with both steps labelled "Arvio": each step holds half of the lead time or more
  // (s1: 0.5 of 2.5 weeks = 20 %, s2: 2 of 2.5 = 80 %), so both are listed as steps (>= 15 %),
  // and only the role tells the two "Arvio" apart.
  std::string dot = kTandem;
  for (const char* step : {"s1 [", "s2 ["})
    dot.replace(dot.find(step), 4, std::string(step) + "label=\"Arvio\", label_en=\"Assessment\", ");
  Process p = test::load_model(dot);
  AnalysisOptions en;
  en.lang = Lang::en;
  std::vector<std::string> steps;
  const Analysis a = analyze(p, en);
  for (const auto& b : a.bottlenecks)
    if (b.kind == "step") steps.push_back(bottleneck_sentence(b, a, p, Lang::en));
  REQUIRE(steps.size() == 2);
  CHECK(steps[0] == "Step \"Assessment\" (Social workers): 80% of the lead time, 10 working days per visit on average.");
  CHECK(steps[1] == "Step \"Assessment\" (Counsellors): 20% of the lead time, 2.5 working days per visit on average.");
  SECTION("a label of its own needs no role") {
    Process tandem = test::load_model(kTandem);
    const Analysis plain = analyze(tandem, en);
    for (const auto& b : plain.bottlenecks)
      if (b.kind == "step") CHECK(bottleneck_sentence(b, plain, tandem, Lang::en).find("\" (") == std::string::npos);
  }
}

TEST_CASE("Input the analysis cannot use gets a clear message", "[flow]") {
  SECTION("a loop that clients can never leave") {
    Process p = test::load_model(R"dot(digraph t {
      in [kind=start, arrivals="1/week"];
      subgraph cluster_w { role=w; fte=1; a [effort="1h"]; b [effort="1h"]; }
      out [kind=end];
      in -> a; a -> b; b -> a;
    })dot");
    CHECK(error_of(p) ==
          "t.dot:3: clients who reach \"a\", \"b\" can never leave the process (a loop with no exit); the flow has no "
          "steady state");
    CHECK(error_of(p, Lang::fi) ==
          "t.dot:3: asiakkaat, jotka tulevat vaiheisiin \"a\", \"b\", eivät koskaan pääse pois prosessista (silmukka "
          "ilman ulospääsyä); virralla ei ole tasapainotilaa");
  }
  SECTION("probabilities summing over one") {
    Process p = test::load_model(R"dot(digraph t {
      in [kind=start, arrivals="1/week"];
      subgraph cluster_w { role=w; fte=1; a [effort="1h"]; }
      out [kind=end];
      in -> a; a -> out [p=0.7]; a -> a [p=0.6];
    })dot");
    CHECK(error_of(p) == "t.dot:3: step \"a\": routing probabilities for class \"standard\" sum to 1.3, more than 1");
    CHECK(error_of(p, Lang::sv) ==
          "t.dot:3: steget \"a\": ruttsannolikheterna för klassen \"standard\" summerar till 1.3, mer än 1");
  }
  SECTION("nothing arrives") {
    Process p = test::load_model(R"dot(digraph t {
      in [kind=start, arrivals="0/week"];
      subgraph cluster_w { role=w; fte=1; a [effort="1h"]; }
      out [kind=end]; in -> a -> out;
    })dot");
    CHECK(error_of(p) ==
          "t.dot: no clients arrive: give a start step arrivals greater than zero (e.g. "
          "arrivals=\"10/week\")");
  }
}

TEST_CASE("Unstable roles give backlog growth and nulls, never NaN or inf", "[flow]") {
  SECTION("a role with work but no staff") {
    Process p = test::load_model(R"dot(digraph t {
      hours_per_fte=40; hours_per_day=8;
      in [kind=start, arrivals="3/week"];
      subgraph cluster_w { role=w; fte=0; a [effort="2h"]; }
      out [kind=end]; in -> a -> out;
    })dot");
    Analysis a = analyze(p);
    const auto& w = *a.find_role("w");
    CHECK_FALSE(w.stable);
    CHECK_FALSE(w.utilisation);
    CHECK(w.backlog_growth_clients_per_week == exact(3));
    CHECK(w.backlog_growth_hours_per_week == exact(6));
    CHECK_FALSE(a.lead_time_weeks.mean);
    CHECK(bottleneck_sentence(a.bottlenecks[0], a, p, Lang::fi) ==
          "w: ei henkilöstöä, mutta työtä 6,0 tuntia viikossa; jono kasvaa 3,0 asiakasta viikossa.");
    std::string json = to_json(a, p).dump();
    CHECK(json.find("nan") == std::string::npos);
    CHECK(json.find("inf") == std::string::npos);
    CHECK(to_json(a, p)["roles"][0]["utilisation"].is_null());
    CHECK(to_json(a, p)["lead_time_weeks"]["mean"].is_null());
  }
  SECTION("a billion arrivals a week") {
    Process p = test::load_model(R"dot(digraph t {
      hours_per_fte=40; hours_per_day=8;
      in [kind=start, arrivals="1000000000/week"];
      subgraph cluster_w { role=w; fte=2; a [effort="exp(2h)"]; }
      out [kind=end]; in -> a -> out;
    })dot");
    Analysis a = analyze(p);
    const auto& w = *a.find_role("w");
    CHECK_FALSE(w.stable);
    // 2e9 hours demanded of 80: utilisation 2.5e7; capacity serves 40 clients a week.
    CHECK(*w.utilisation == exact(2e9 / 80));
    CHECK(w.backlog_growth_clients_per_week == exact(1e9 - 40));
    CHECK(*a.saturation.arrivals_per_week == exact(40));
    std::string json = to_json(a, p).dump();
    CHECK(json.find("nan") == std::string::npos);
    CHECK(json.find("inf") == std::string::npos);
  }
}

TEST_CASE("Activity load takes capacity away from the client flow", "[flow]") {
  // Capacity 2 x 40 = 80 h/week; 40 h/week of activity leaves one server for the flow.
  // Flow: 3/week x exp(10h) -> M/M/1 with mu 4: Wq = 0.75 weeks; utilisation (30 + 40)/80.
  Process p = test::load_model(R"dot(digraph t {
    hours_per_fte=40; hours_per_day=8;
    in [kind=start, arrivals="3/week"];
    subgraph cluster_w { role=w; fte=2; a [effort="exp(10h)"]; yhteisollinen [kind=activity, load="40h/week"]; }
    out [kind=end]; in -> a -> out;
  })dot");
  Analysis a = analyze(p);
  const auto& w = *a.find_role("w");
  CHECK(w.servers == exact(1));
  CHECK(*w.utilisation == exact(70.0 / 80));
  CHECK(*w.wait_weeks == exact(0.75));
  CHECK(*a.saturation.scale == exact(4.0 / 3));
}

TEST_CASE("The bundled adult social work models: Little's law and the bottleneck shift", "[flow][bundled]") {
  auto read_now = read_process_file(SUJUVA_SOURCE_DIR "/processes/aikuissosiaalityo-nykytila.dot");
  auto read_target = read_process_file(SUJUVA_SOURCE_DIR "/processes/aikuissosiaalityo-tavoite.dot");
  REQUIRE(read_now.usable());
  REQUIRE(read_target.usable());
  Analysis now = analyze(*read_now.process);
  Analysis target = analyze(*read_target.process);
  SECTION("Little's law per role: clients at the role = visit rate x time at the role") {
    for (const auto* a : {&now, &target})
      for (const auto& r : a->roles) {
        if (r.visits_per_week <= 0) continue;
        REQUIRE(r.in_system_clients);
        // Time per visit from the step table (wait + time in service: the effort, longer where
        // a part-speed server serves), weighted by visits.
        double time = 0;
        for (const auto& s : a->steps)
          if (s.role == r.id && s.effort_hours > 0)
            time += s.arrivals_per_week *
                    (*s.wait_weeks + s.effort_hours / a->hours_per_fte * r.service_time_factor);
        CHECK(*r.in_system_clients == Approx(time).epsilon(1e-9));
      }
  }
  SECTION("the current state's top bottleneck is relieved in the target") {
    REQUIRE(!now.bottlenecks.empty());
    REQUIRE(now.bottlenecks[0].kind == "role");
    const std::string& role = now.bottlenecks[0].id;
    REQUIRE(!target.bottlenecks.empty());
    CHECK(target.bottlenecks[0].id != role);
    REQUIRE(target.find_role(role));
    CHECK(*target.find_role(role)->utilisation < *now.find_role(role)->utilisation - 0.1);
    CHECK(*target.find_role(role)->wait_weeks < *now.find_role(role)->wait_weeks);
    CHECK(now.bottlenecks[0].utilisation.has_value());
  }
}

TEST_CASE("The textbook example models give the figures derived in their headers", "[flow][bundled]") {
  auto analysed = [](const char* name) {
    auto read = read_process_file(std::string(SUJUVA_SOURCE_DIR "/processes/examples/") + name);
    REQUIRE(read.usable());
    return analyze(*read.process);
  };
  SECTION("mmc.dot: lambda 300/yr, mu 182.5/yr, c = 3") {
    Analysis a = analysed("mmc.dot");
    const auto& team = a.roles.at(0);
    CHECK(*team.wait_probability == exact(0.2907513803118914));
    CHECK(*team.queue_clients == exact(0.3524259155295653));
    CHECK(*a.lead_time_weeks.mean == Approx(0.346019).epsilon(1e-6));
  }
  SECTION("mm1.dot: rho 0.75, Wq 0.75 weeks, W 1 week") {
    Analysis a = analysed("mm1.dot");
    CHECK(*a.roles.at(0).wait_weeks == exact(0.75));
    CHECK(*a.lead_time_weeks.mean == exact(1));
  }
  SECTION("rework.dot: 1.25 visits, lead time 0.5 weeks") {
    Analysis a = analysed("rework.dot");
    CHECK(a.find_step("tyo")->visits == exact(1.25));
    CHECK(*a.lead_time_weeks.mean == exact(0.5));
  }
}
