#include "model/scenario.h"

#include <catch2/catch.hpp>

#include "io/dot_reader.h"

using namespace sujuva;
using Catch::Detail::Approx;

namespace {

Process model() {
  auto read = read_process_text(R"(digraph s {
    hours_per_fte=40; hours_per_day=8;
    in [kind=start, arrivals="10/week"];
    subgraph cluster_sw { role=sw; fte=3; absence=0.1; arvio [effort="2h"]; swplan [effort="4h"]; }
    subgraph cluster_so { role=so; fte=2; soplan [effort="1h"]; muu [kind=activity, load="4h/week"]; }
    out [kind=end];
    in -> arvio; arvio -> swplan [p=0.3]; arvio -> soplan [p=0.7]; swplan -> out; soplan -> out;
  })",
                                "s.dot");
  REQUIRE(read.usable());
  return *read.process;
}

std::string apply(Process& p, const std::string& text, Lang lang = Lang::en) {
  auto change = parse_override(text, lang);
  if (!change) return change.error;
  return apply_override(p, *change.value, lang);
}

double p_of(const Process& p, const std::string& from, const std::string& to) {
  for (auto e : boost::make_iterator_range(boost::out_edges(*p.find_step(from), p.graph)))
    if (p.graph[boost::target(e, p.graph)].id == to) return p.graph[e].p.value_or(-1);
  return -2;
}

}  // namespace

TEST_CASE("Overrides change roles, steps and routes", "[scenario]") {
  Process p = model();
  SECTION("absolute, relative and multiplying values on a role") {
    CHECK(apply(p, "sw.fte=4") == "");
    CHECK(p.roles[0].fte == 4);
    CHECK(apply(p, "sw.fte=+1") == "");
    CHECK(p.roles[0].fte == 5);
    CHECK(apply(p, "sw.fte=-0.5") == "");
    CHECK(p.roles[0].fte == 4.5);
    CHECK(apply(p, "sw.fte=x2") == "");
    CHECK(p.roles[0].fte == 9);
    CHECK(apply(p, "sw.absence=0.2") == "");
    CHECK(p.roles[0].absence == 0.2);
  }
  SECTION("an attribute without a target applies to every role") {
    CHECK(apply(p, "absence=0.25") == "");
    CHECK(p.roles[0].absence == 0.25);
    CHECK(p.roles[1].absence == 0.25);
  }
  SECTION("arrivals: a start step, all start steps, with rates") {
    CHECK(apply(p, "*.arrivals=x1.1") == "");
    CHECK(p.graph[*p.find_step("in")].arrivals_per_week == Approx(11));
    CHECK(apply(p, "in.arrivals=20/week") == "");
    CHECK(p.graph[*p.find_step("in")].arrivals_per_week == 20);
    scale_arrivals(p, 0.5);
    CHECK(p.graph[*p.find_step("in")].arrivals_per_week == 10);
  }
  SECTION("effort, delay and activity load") {
    CHECK(apply(p, "arvio.effort=x1.5") == "");
    CHECK(p.graph[*p.find_step("arvio")].effort->mean() == Approx(3));
    CHECK(apply(p, "arvio.effort=exp(1wd)") == "");  // one working day = 8 h here
    CHECK(p.graph[*p.find_step("arvio")].effort->mean() == Approx(8));
    CHECK(apply(p, "arvio.delay=2w") == "");
    CHECK(p.graph[*p.find_step("arvio")].delay->mean() == Approx(2));
    CHECK(apply(p, "muu.load=10") == "");
    CHECK(p.graph[*p.find_step("muu")].load_hours_per_week == 10);
  }
  SECTION("a route's p; the other explicit routes keep their proportions") {
    CHECK(apply(p, "arvio->swplan.p=0.4") == "");
    CHECK(p_of(p, "arvio", "swplan") == Approx(0.4));
    CHECK(p_of(p, "arvio", "soplan") == Approx(0.6));
  }
}

TEST_CASE("Bad overrides name the problem and suggest a fix", "[scenario]") {
  Process p = model();
  CHECK(apply(p, "sw.fte") == "\"sw.fte\": expected TARGET.ATTRIBUTE=VALUE, e.g. sw.fte=4");
  CHECK(apply(p, "sw.ftee=4") ==
        "sw.ftee=4: unknown attribute \"ftee\" (did you mean \"fte\"?); use fte, absence, reserved, arrivals, effort, "
        "delay, load or p");
  CHECK(apply(p, "sx.fte=4") == "sx.fte=4: no role \"sx\" (did you mean \"sw\"?)");
  CHECK(apply(p, "arvio.fte=4") == "arvio.fte=4: \"arvio\" is a step, not a role");
  CHECK(apply(p, "arvoi->swplan.p=0.4") == "arvoi->swplan.p=0.4: no step \"arvoi\" (did you mean \"arvio\"?)");
  CHECK(apply(p, "arvio->out.p=0.4") == "arvio->out.p=0.4: no route from \"arvio\" to \"out\"");
  CHECK(apply(p, "sw.absence=1.2") == "sw.absence=1.2: the result 1.200000 is outside [0.0, 1.0)");
  CHECK(apply(p, "sw.fte=abc") == "sw.fte=abc: \"abc\" is not a number");
  CHECK(apply(p, "arvio.arrivals=3") == "arvio.arrivals=3: step \"arvio\" is not a start step");
  SECTION("in Finnish and Swedish, with the user's names and numbers as written") {
    CHECK(apply(p, "sx.fte=4", Lang::fi) == "sx.fte=4: ei roolia \"sx\" (tarkoititko \"sw\"?)");
    CHECK(apply(p, "sx.fte=4", Lang::sv) == "sx.fte=4: ingen roll \"sx\" (menade du \"sw\"?)");
    CHECK(apply(p, "sw.fte=abc", Lang::fi) == "sw.fte=abc: \"abc\" ei ole luku");
    CHECK(apply(p, "sw.absence=1.2", Lang::sv) == "sw.absence=1.2: resultatet 1.200000 ligger utanför [0.0, 1.0)");
    CHECK(apply(p, "arvio.arrivals=3", Lang::fi) == "arvio.arrivals=3: vaihe \"arvio\" ei ole alkuvaihe");
    CHECK(apply(p, "sw.fte", Lang::sv) == "\"sw.fte\": förväntade MÅL.ATTRIBUT=VÄRDE, till exempel sw.fte=4");
  }
  SECTION("a failing change to all roles changes none") {
    Process q = model();
    q.roles[1].absence = 0.5;
    CHECK(apply(q, "absence=+0.6") != "");
    CHECK(q.roles[0].absence == Approx(0.1));
  }
}
