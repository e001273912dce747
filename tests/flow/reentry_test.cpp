#include "flow/reentry.h"

#include "flow/analysis.h"
#include "support.h"

using namespace sujuva;
using Catch::Detail::Approx;

namespace {

// One step whose clients go round again at once with probability f.
detail::ReentryQueue repeating_step(double outside, double f, double mean, double scv) {
  detail::ReentryQueue q;
  q.states = {0};
  q.visits = {outside / (1 - f)};
  q.mean = {mean};
  q.second = {mean * mean * (1 + scv)};
  q.priority = {0};
  q.next = {{0, 0, f}};
  return q;
}

}  // namespace

TEST_CASE("A step that clients repeat at once matches the closed form of the feedback queue", "[flow][reentry]") {
  // M/G/1 with Bernoulli feedback, first come first served, one server. The visits that come
  // back join at a departure, so every arrival sees what departures leave behind, and outside
  // arrivals see the time average (PASTA): both are the same distribution. An outside visit
  // waits Nq E[S] + R (R = Λ E[S²]/2, the residual of the visit in service), a returning one
  // (Nq + ρ) E[S] (the visit that starts on the freed server has its whole service to go).
  // With Nq = Λ W: W = [(1 − f) Λ E[S²]/2 + f ρ E[S]] / (1 − ρ), so against Pollaczek–Khinchine
  // (every visit Poisson) the factor is (1 − f) + 2 f / (1 + cs²).
  struct Case {
    double f, scv;
  } cases[] = {{0.5, 3.0}, {0.3, 0.0}, {0.8, 1.0}, {0.6, 0.25}};
  for (auto [f, scv] : cases) {
    INFO("f = " << f << ", scv = " << scv);
    auto factors = detail::reentry_wait_factors(repeating_step(0.1, f, 1.0, scv), 1.0);
    REQUIRE(factors.size() == 1);
    CHECK(factors[0] == Approx((1 - f) + 2 * f / (1 + scv)).epsilon(1e-9));
  }
  SECTION("exponential efforts keep the Poisson wait (a Jackson network)") {
    CHECK(detail::reentry_wait_factors(repeating_step(0.1, 0.8, 1.0, 1.0), 1.0)[0] == Approx(1).epsilon(1e-9));
  }
  SECTION("a role without re-entries keeps the plain figure") {
    auto q = repeating_step(0.1, 0.5, 1.0, 3.0);
    q.next.clear();
    CHECK(detail::reentry_wait_factors(q, 1.0).empty());
  }
}

TEST_CASE("The curator model's wait agrees with a plain simulation written in the test", "[flow][reentry]") {
  // Four school curators, fte 4, absence 0.06, reserved 0.2 and 40 h/week of communal work:
  // c = (4 × 38.25 × 0.94 × 0.8 − 40) / 38.25 = 1.9622 servers, one full-speed and one at
  // 0.9622. Each student goes straight from one curator step to the next: 15 min, then
  // gamma(1 h, cv 0.4), then for 40 % gamma(5 h, cv 0.6), then 30 min for 90 %. Erlang C with
  // Allen–Cunneen (every visit an independent arrival) gives 0.0690 weeks; the simulation below
  // about 0.042.
  Process process = test::load_model(R"dot(digraph kur {
    hours_per_fte=38.25;
    tulo [kind=start, arrivals="15/week"];
    subgraph cluster_kk {
      role=kk; fte=4; absence=0.06; reserved=0.2;
      vastaanotto [effort="15min"];
      keskustelu [effort="gamma(mean=1h, cv=0.4)"];
      tapaamiset [effort="gamma(mean=5h, cv=0.6)"];
      kirjaus [effort="30min"];
      yhteisollinen [kind=activity, load="40h/week"];
    }
    loppu [kind=end];
    tulo -> vastaanotto -> keskustelu;
    keskustelu -> tapaamiset [p=0.4];
    keskustelu -> kirjaus [p=0.5];
    keskustelu -> loppu [p=0.1];
    tapaamiset -> kirjaus -> loppu;
  })dot");
  Analysis a = analyze(process);
  const double hours = 38.25;
  const double servers = (4 * hours * 0.94 * 0.8 - 40) / hours;
  REQUIRE(a.roles[0].servers == Approx(servers).epsilon(1e-12));
  std::vector<test::ReferenceStep> steps{
      {0.25 / hours, 0, {{1, 1.0}}},
      {1 / hours, 0.4, {{2, 0.4}, {3, 0.5}}},
      {5 / hours, 0.6, {{3, 1.0}}},
      {0.5 / hours, 0, {}},
  };
  const double reference = test::reference_wait(steps, 15, {1.0, servers - 1}, 400'000);
  INFO("analytic " << *a.roles[0].wait_weeks << ", reference " << reference);
  // The documented bound of the analysis against simulation (processes/README.md): 8 %.
  CHECK(*a.roles[0].wait_weeks == Approx(reference).epsilon(0.08));
}
