// The simulator against queueing theory: M/M/1, M/M/c, M/D/1, priorities, deadlines, Little's law,
// CI coverage, reproducibility across thread counts.
#include "present/simulation_json.h"
#include "sim/simulation.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "io/dot_reader.h"
#include "support.h"

using namespace sujuva;

namespace {

// One server pool, Poisson arrivals, one step. hours_per_fte = 40, so an effort of E hours
// keeps a full-time server busy E / 40 weeks: exp(1h) is service rate mu = 40 per week per server.
std::string single_station(const std::string& arrivals, const std::string& effort, double fte,
                           const std::string& extra = "") {
  return "digraph m { hours_per_fte=40; hours_per_day=8;\n"
         "  in [kind=start, arrivals=\"" +
         arrivals +
         "\"];\n"
         "  subgraph cluster_team { role=team; fte=" +
         std::to_string(fte) +
         ";\n"
         "    work [effort=\"" +
         effort + "\" " + extra +
         "]; }\n"
         "  out [kind=end];\n  in -> work -> out; }";
}

SimulationOptions options(double weeks, int replications, std::uint64_t seed = 1) {
  SimulationOptions o;
  o.weeks = weeks;
  o.warmup_weeks = 20;
  o.replications = replications;
  o.seed = seed;
  o.threads = 2;
  return o;
}

// Erlang C: probability that an arrival waits in M/M/c with offered load a = lambda / mu,
// C = [a^c / c! · c / (c − a)] / [Σ_{k<c} a^k / k! + a^c / c! · c / (c − a)].
double erlang_c(int c, double a) {
  double term = 1, sum = 0;
  for (int k = 0; k < c; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  double top = term * c / (c - a);
  return top / (sum + top);
}

}  // namespace

TEST_CASE("An M/M/1 queue's utilisation, wait, lead time and percentiles lie inside the simulated 95% CI", "[sim]") {
  // lambda = 24/week, mu = 40/week (exp(1h) at 40 h/week), rho = 0.6.
  // M/M/1: Wq = rho / (mu − lambda) = 0.6 / 16 = 0.0375 weeks; W = 1 / (mu − lambda) = 0.0625;
  // Lq = rho² / (1 − rho) = 0.9; L = rho / (1 − rho) = 1.5.
  // The sojourn time is exponential with rate mu − lambda: its p90 = ln 10 / 16.
  // The wait has P(Wq > t) = rho e^{−(mu − lambda) t}: p90 = ln(rho / 0.1) / 16, p50 = ln(rho / 0.5) / 16.
  Simulation sim = simulate(test::load_model(single_station("24/week", "exp(1h)", 1)), options(400, 20));
  const SimulatedRole& team = sim.roles.at(0);
  SECTION("utilisation and queue") {
    CHECK(test::agrees(team.utilisation, 0.6));
    CHECK(test::agrees(team.offered_load, 0.6));
    CHECK(test::agrees(team.queue, 0.9));
    CHECK(test::agrees(team.busy_servers, 0.6));
  }
  SECTION("wait per visit") {
    CHECK(test::agrees(team.wait_weeks.mean, 0.0375));
    CHECK(test::agrees(team.wait_weeks.p50, std::log(0.6 / 0.5) / 16));
    CHECK(test::agrees(team.wait_weeks.p90, std::log(0.6 / 0.1) / 16));
  }
  SECTION("lead time, throughput and work in progress") {
    CHECK(test::agrees(sim.overall.lead_time_weeks.mean, 0.0625));
    CHECK(test::agrees(sim.overall.lead_time_weeks.p90, std::log(10.0) / 16));
    CHECK(test::agrees(sim.overall.throughput_per_week, 24));
    CHECK(test::agrees(sim.overall.wip, 1.5));
  }
  SECTION("the intervals are narrow enough to mean something") {
    CHECK(team.wait_weeks.mean.high - team.wait_weeks.mean.low < 0.2 * 0.0375);
    CHECK(sim.overall.lead_time_weeks.mean.high - sim.overall.lead_time_weeks.mean.low < 0.1 * 0.0625);
  }
}

TEST_CASE("An M/M/3 queue agrees with Erlang C", "[sim]") {
  // The textbook case: lambda = 300/year, mu = 182.5/year per server, c = 3. With 36.5 h/week
  // and 52 weeks a year: lambda = 300/52 per week, exp(10.4h) gives mu = 36.5/10.4 per week.
  // a = lambda/mu = 1.643836, rho = a/3; Lq = C · rho/(1 − rho); Wq = Lq/lambda; W = Wq + 1/mu.
  const double lambda = 300.0 / 52, mu = 36.5 / 10.4, a = lambda / mu, rho = a / 3;
  const double lq = erlang_c(3, a) * rho / (1 - rho), wq = lq / lambda, w = wq + 1 / mu;
  REQUIRE(erlang_c(3, a) == Approx(0.290751).epsilon(1e-5));
  Process p = test::load_model(
      "digraph m { hours_per_fte=36.5; hours_per_day=7.3;\n"
      "  in [kind=start, arrivals=\"300/year\"];\n"
      "  subgraph cluster_team { role=team; fte=3; work [effort=\"exp(10.4h)\"]; }\n"
      "  out [kind=end]; in -> work -> out; }");
  Simulation sim = simulate(p, options(2000, 20));
  const SimulatedRole& team = sim.roles.at(0);
  CHECK(team.servers == 3);
  CHECK(test::agrees(team.utilisation, rho));
  CHECK(test::agrees(team.queue, lq));
  CHECK(test::agrees(team.wait_weeks.mean, wq));
  CHECK(test::agrees(sim.overall.lead_time_weeks.mean, w));
  CHECK(test::agrees(sim.overall.wip, lambda * w));
}

TEST_CASE("Deterministic effort on one server agrees with Pollaczek-Khinchine", "[sim]") {
  // M/D/1: Wq = lambda E[S²] / (2 (1 − rho)). lambda = 24/week, S = 1h / 40 h/week = 1/40 week,
  // rho = 0.6: Wq = 24 · (1/1600) / 0.8 = 0.01875 weeks, half the M/M/1 wait.
  Simulation sim = simulate(test::load_model(single_station("24/week", "1h", 1)), options(400, 20));
  CHECK(test::agrees(sim.roles.at(0).wait_weeks.mean, 0.01875));
  CHECK(test::agrees(sim.overall.lead_time_weeks.mean, 0.01875 + 1.0 / 40));
  CHECK_FALSE(test::agrees(sim.roles.at(0).wait_weeks.mean, 0.0375));  // not the M/M/1 value
}

TEST_CASE("Little's law holds on the simulated output of a network with rework and two classes", "[sim]") {
  // Little's law L = lambda W needs no distributional assumptions, so it must hold for the
  // time-average work in progress, throughput and mean lead time of every replication; the
  // only error is the clients in the system at the edges of the window (about L / (lambda H)).
  Process p = test::load_model(R"dot(digraph m { hours_per_fte=40; hours_per_day=8;
    in [kind=start, arrivals="20/week"];
    subgraph cluster_a { role=a; fte=2;
      check [kind=checkpoint, assesses="special", effort="gamma(mean=2h, cv=0.5)"]; }
    subgraph cluster_b { role=b; fte=1; fix [effort="lognormal(mean=1h, cv=1.5)"]; }
    wait [delay="uniform(1d, 3d)"];
    out [kind=end];
    in -> check;
    check -> fix [outcome="special", p=0.3];
    check -> out [p=0.7];
    fix -> wait;
    wait -> fix [p=0.4];
    wait -> out [p=0.6];
  })dot");
  Simulation sim = simulate(p, options(500, 8));
  SECTION("overall") {
    double l = sim.overall.wip.mean, lambda = sim.overall.throughput_per_week.mean;
    CHECK(l == Approx(lambda * sim.overall.lead_time_weeks.mean.mean).epsilon(0.01));
  }
  SECTION("per class: work in progress counts clients by their current class") {
    // A special client was standard until the checkpoint, so its lead time (from arrival)
    // is longer than its time as special: the class figures add up to the overall ones.
    const ClassResult& special = sim.classes.at(1);
    REQUIRE(special.name == "special");
    CHECK(sim.classes.at(0).wip.mean + special.wip.mean == Approx(sim.overall.wip.mean).epsilon(1e-9));
    CHECK(special.wip.mean < special.throughput_per_week.mean * special.lead_time_weeks.mean.mean);
    // 30 % are special: 6 a week.
    CHECK(test::agrees(special.throughput_per_week, 6));
  }
  SECTION("per role: the queue is the visit rate times the wait") {
    for (const auto& role : sim.roles)
      CHECK(role.queue.mean == Approx(role.visits_per_week.mean * role.wait_weeks.mean.mean).epsilon(0.02));
  }
  SECTION("visit rates follow the routing: fix is visited 1/0.6 times per special client") {
    CHECK(test::agrees(sim.roles.at(1).visits_per_week, 6 / 0.6));
  }
}

TEST_CASE("A client reassessed out of a class counts in the class the first assessment gave", "[sim]") {
  // Constant delays and no staff, so each path takes a fixed time: never special 1 + 2 = 3 w;
  // special and kept special 1 + 10 + 1 + 4 = 16 w; special, then reassessed standard
  // 1 + 10 + 1 + 2 = 14 w (the same model as tests/flow/lead_by_assessment_test.cpp).
  Process p = test::load_model(R"dot(digraph r { hours_per_fte=40; hours_per_day=8;
    tulo [kind=start, arrivals="4/week"];
    arvio [kind=checkpoint, assesses="special", delay="1w"];
    sw [delay="10w"]; uusi [kind=checkpoint, assesses="special", delay="1w"];
    jatko [delay="4w"]; so [delay="2w"]; loppu [kind=end];
    tulo -> arvio; arvio -> sw [outcome="special", p=0.3]; arvio -> so [p=0.7]; sw -> uusi;
    uusi -> jatko [outcome="special", p=0.5]; uusi -> so [p=0.5]; jatko -> loppu; so -> loppu;
  })dot");
  Simulation sim = simulate(p, options(300, 10));
  REQUIRE(sim.by_assessment.size() == 2);
  const ClassResult& special = sim.by_assessment.at(1);
  REQUIRE(special.name == "special");
  // Assessed special: half 16 w, half 14 w, 15 w on average; 30 % of 4 a week = 1.2 a week.
  CHECK(test::agrees(special.lead_time_weeks.mean, 15));
  CHECK(test::agrees(special.throughput_per_week, 1.2));
  // Never assessed special: always 3 w.
  CHECK(sim.by_assessment.at(0).lead_time_weeks.mean.mean == Approx(3));
  // By the class at the end only the kept half is special (always 16 w) and the reassessed
  // half counts as standard.
  CHECK(sim.classes.at(1).lead_time_weeks.mean.mean == Approx(16));
  CHECK(test::agrees(sim.classes.at(1).throughput_per_week, 0.6));
}

TEST_CASE("A priority step is served first: Cobham's non-preemptive priority waits", "[sim]") {
  // One server, exp(1h) at 40 h/week (mu = 40), two classes of 12/week each (rho1 = rho2 = 0.3).
  // Non-preemptive priority (Cobham 1954): W0 = Σ lambda_i E[S_i²] / 2 = rho E[S] = 0.6 / 40;
  // Wq1 = W0 / (1 − rho1) = 0.015 / 0.7; Wq2 = W0 / ((1 − rho1)(1 − rho)) = 0.015 / (0.7 · 0.4).
  // The lead time of a class is its wait plus 1/40.
  Process p = test::load_model(R"dot(digraph m { hours_per_fte=40; hours_per_day=8;
    in [kind=start, arrivals="24/week"];
    sort [kind=checkpoint, assesses="urgent"];
    subgraph cluster_team { role=team; fte=1;
      urgent_work [effort="exp(1h)", priority=1];
      normal_work [effort="exp(1h)"]; }
    out [kind=end];
    in -> sort;
    sort -> urgent_work [outcome="urgent", p=0.5];
    sort -> normal_work [p=0.5];
    urgent_work -> out; normal_work -> out;
  })dot");
  Simulation sim = simulate(p, options(400, 20));
  REQUIRE(sim.classes.at(1).name == "urgent");
  CHECK(test::agrees(sim.classes.at(1).lead_time_weeks.mean, 0.015 / 0.7 + 1.0 / 40));
  CHECK(test::agrees(sim.classes.at(0).lead_time_weeks.mean, 0.015 / 0.28 + 1.0 / 40));
}

TEST_CASE("Deadline compliance is the share of clients whose step began within the deadline", "[sim]") {
  // M/M/1 with rho = 0.6 as above: the step begins when service starts, so the share within
  // a deadline d is P(Wq <= d) = 1 − rho e^{−(mu − lambda) d}. d = 1wd = 0.2 weeks:
  // 1 − 0.6 e^{−3.2} = 0.97554; late clients are late by Exp(16) (memoryless): mean 1/16.
  Simulation sim =
      simulate(test::load_model(single_station("24/week", "exp(1h)", 1, ", deadline=\"1wd\"")), options(400, 20));
  REQUIRE(sim.deadlines.size() == 1);
  const DeadlineResult& d = sim.deadlines[0];
  CHECK(d.step == "work");
  CHECK(d.deadline_weeks == Approx(0.2));
  CHECK(test::agrees(d.share_within, 1 - 0.6 * std::exp(-3.2)));
  CHECK(test::agrees(d.late_weeks.mean, 1.0 / 16));
  CHECK(test::agrees(d.reached_per_week, 24));
}

TEST_CASE("Random absence spells keep utilisation at demand over capacity but lengthen waits", "[sim]") {
  // fte 2 with absence 0.25: capacity 2 · 40 · 0.75 = 60 h/week; demand 36 · 1h: utilisation 0.6
  // in both absence models. Whole servers missing for spells make waits longer than an
  // evenly reduced capacity does.
  Process p = test::load_model(single_station("36/week", "exp(1h)", 2));
  p.roles[0].absence = 0.25;
  SimulationOptions capacity = options(400, 10);
  SimulationOptions random = capacity;
  random.absence_model = AbsenceModel::random;
  Simulation even = simulate(p, capacity), spells = simulate(p, random);
  CHECK(even.roles[0].servers == Approx(1.5));
  CHECK(test::agrees(even.roles[0].utilisation, 0.6));
  CHECK(test::agrees(spells.roles[0].utilisation, 0.6));
  CHECK(spells.roles[0].wait_weeks.mean.low > even.roles[0].wait_weeks.mean.high);
}

TEST_CASE("The 95% CI covers the analytic value in about 95% of seeded runs", "[sim]") {
  // 100 independent runs (seeds 1..100) of 10 replications each; each run's CI for the M/M/1
  // utilisation and mean lead time either covers the true value or not. If the intervals
  // are right, the number of covering runs X ~ Binomial(100, 0.95): mean 95, sd
  // sqrt(100 · 0.95 · 0.05) = 2.18. We accept X >= 95 − 3.29 · 2.18 = 87.8, i.e. X >= 88,
  // which a correct interval fails with probability about 0.0005 (normal approximation,
  // one-sided 3.29 sd); an interval that is too narrow by a third (coverage ~83 %) fails it.
  // X <= 100 needs no test. To show the intervals are not simply wide, a value 20 % off
  // must be covered in at most 88 runs too (it is covered in far fewer).
  // lambda = 10/week, mu = 20/week (exp(2h) at 40 h/week): rho = 0.5, W = 1 / (20 − 10) = 0.1.
  Process p = test::load_model(single_station("10/week", "exp(2h)", 1));
  int utilisation = 0, lead = 0, wrong = 0;
  const int runs = 100;
  for (int seed = 1; seed <= runs; ++seed) {
    SimulationOptions o = options(100, 10, seed);
    o.warmup_weeks = 5;
    o.weekly_series = false;
    Simulation sim = simulate(p, o);
    utilisation += sim.roles[0].utilisation.contains(0.5);
    lead += sim.overall.lead_time_weeks.mean.contains(0.1);
    wrong += sim.overall.lead_time_weeks.mean.contains(0.12);
  }
  CHECK(utilisation >= 88);
  CHECK(lead >= 88);
  CHECK(wrong <= 88);
}

TEST_CASE("The same seed gives byte-identical JSON with one and with two threads", "[sim]") {
  Process p = test::load_model(single_station("24/week", "gamma(mean=1h, cv=0.7)", 1.5));
  SimulationOptions o = options(30, 5, 42);
  o.threads = 1;
  std::string one = to_json(simulate(p, o)).dump();
  o.threads = 2;
  std::string two = to_json(simulate(p, o)).dump();
  CHECK(one == two);
  SECTION("and another seed gives other numbers") {
    o.seed = 43;
    CHECK(to_json(simulate(p, o)).dump() != one);
  }
  SECTION("the JSON never holds NaN: missing values are null") {
    CHECK(one.find("NaN") == std::string::npos);
    CHECK(one.find("nan") == std::string::npos);
    o.replications = 1;
    auto j = to_json(simulate(p, o));
    CHECK(j["overall"]["wip"]["low"].is_null());
    CHECK(j["overall"]["wip"]["mean"].is_number());
  }
}

TEST_CASE("The weekly series counts arrivals, completions, work in progress and queues per week", "[sim]") {
  SimulationOptions o = options(10, 4);
  o.warmup_weeks = 2;
  Simulation sim = simulate(test::load_model(single_station("24/week", "exp(1h)", 1)), o);
  REQUIRE(sim.weekly.wip.size() == 12);  // warm-up weeks included
  REQUIRE(sim.weekly.queue.size() == 1);
  CHECK(sim.weekly.roles[0] == "team");
  double arrivals = 0;
  for (const auto& week : sim.weekly.arrivals) arrivals += week.mean;
  // 24 a week over 12 weeks: a Poisson total of mean 288 per replication, sd 17, mean of 4 sd 8.5.
  CHECK(arrivals == Approx(288).margin(4 * 8.5));
}

namespace {
Timeline timeline(const std::string& text) {
  TimelineRead read = read_timeline_text(text, "t.csv");
  REQUIRE(read.diagnostics.empty());
  REQUIRE(read.timeline);
  return *read.timeline;
}
}  // namespace

TEST_CASE("A timeline changes staffing and arrivals at the given weeks", "[sim]") {
  Process p = test::load_model(single_station("24/week", "exp(1h)", 1));
  SECTION("a change at week 0 is the same as editing the model") {
    SimulationOptions o = options(50, 4);
    o.timeline = timeline("week,target,value\n0,team.fte,2\n");
    Process edited = p;
    edited.roles[0].fte = 2;
    auto with_timeline = to_json(simulate(p, o));
    CHECK(with_timeline["options"]["timeline"] == "t.csv");
    with_timeline["options"].erase("timeline");
    auto edited_json = to_json(simulate(edited, options(50, 4)));
    edited_json["options"].erase("timeline");
    CHECK(with_timeline.dump() == edited_json.dump());
  }
  SECTION("everybody away from week 10 to 15: the queue grows by the arrivals, then drains") {
    // With no server from week 10 (the client in hand is finished first), every arrival joins
    // the queue: after 5 weeks it holds the M/M/1 queue of week 10 (Lq = 0.9 on average) plus
    // 24 · 5 = 120 arrivals. With the
    // server back (mu = 40, lambda = 24) it drains at 16 a week, so it is short again by
    // week 30; measured from week 20, utilisation is then 0.6 again.
    SimulationOptions o = options(40, 20);
    o.warmup_weeks = 0;
    o.timeline = timeline("10,team.fte,0\n15,team.fte,1\n");
    Simulation sim = simulate(p, o);
    CHECK(test::agrees(sim.weekly.queue[0][14], 0.9 + 120));
    CHECK(sim.weekly.queue[0][39].mean < 5);
    CHECK(test::agrees(sim.weekly.arrivals[12], 24));
  }
  SECTION("arrivals doubled from week 5") {
    SimulationOptions o = options(10, 20);
    o.warmup_weeks = 0;
    o.timeline = timeline("5,*.arrivals,x2\n");
    Simulation sim = simulate(p, o);
    CHECK(test::agrees(sim.weekly.arrivals[3], 24));
    CHECK(test::agrees(sim.weekly.arrivals[7], 48));
  }
  SECTION("a change beyond the horizon is refused") {
    SimulationOptions o = options(10, 2);
    o.timeline = timeline("week,target,value\n31,team.fte,2\n");
    CHECK_THROWS_WITH(simulate(p, o),
                      "t.csv:2: week 31 is beyond the simulated horizon: the simulation runs weeks 0 "
                      "to 30 (20 warm-up + 10 measured)");
  }
}

TEST_CASE("The office calendar works Monday to Friday in working hours", "[sim]") {
  // The simulation clock runs in working time, so in working time the M/M/1 of the first test
  // is unchanged: utilisation 0.6, and the deadline (in working days) is met with probability
  // 1 − rho e^{−(mu − lambda) d} = 1 − 0.6 e^{−3.2}. On the calendar the queue only stands
  // still over nights and weekends at a level sampled from its stationary law, so the
  // time-average queue stays Lq = 0.9, and by Little's law (same L, same lambda per calendar
  // week) the mean lead time in calendar weeks stays 0.0625. Its tail is longer: clients whose
  // service crosses a weekend.
  Process p = test::load_model(single_station("24/week", "exp(1h)", 1, ", deadline=\"1wd\""));
  SimulationOptions office = options(400, 20);
  office.calendar = CalendarModel::office;
  Simulation sim = simulate(p, office);
  Simulation continuous = simulate(p, options(400, 20));
  CHECK(test::agrees(sim.roles[0].utilisation, 0.6));
  CHECK(test::agrees(sim.roles[0].queue, 0.9));
  CHECK(test::agrees(sim.deadlines[0].share_within, 1 - 0.6 * std::exp(-3.2)));
  CHECK(test::agrees(sim.overall.lead_time_weeks.mean, 0.0625));
  CHECK(sim.overall.lead_time_weeks.p95.low > continuous.overall.lead_time_weeks.p95.high);
}
