#include "present/comparison_json.h"
#include "compare/structure.h"

#include <catch2/catch.hpp>
#include <string>

#include "io/dot_reader.h"
#include "support.h"

using namespace sujuva;

namespace {

// A tiny two-role process; every test edits one thing in a copy of it.
const std::string kBase = R"dot(digraph t {
  subgraph cluster_so { role=so; label="Ohjaaja"; fte=2; absence=0.1; reserved=0.2;
    arvio [kind=checkpoint, label="Arvio", effort="gamma(mean=2h, cv=0.5)", assesses=special];
    ohjaus [label="Ohjaus", effort="1h"];
  }
  subgraph cluster_sw { role=sw; label="Sosiaalityöntekijä"; fte=1;
    tyo [label="Sosiaalityö", effort="3h"];
  }
  tulo [kind=start, arrivals="5/week"];
  valmis [kind=end];
  tulo -> arvio;
  arvio -> ohjaus [p=0.7];
  arvio -> tyo [p=0.3, outcome=special];
  ohjaus -> valmis;
  tyo -> valmis;
})dot";

// `text` with the first occurrence of `from` replaced by `to`.
std::string edit(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::string edited(const std::string& from, const std::string& to) { return edit(kBase, from, to); }

const FieldChange* field(const std::vector<FieldChange>& fields, const std::string& name) {
  for (const auto& f : fields)
    if (f.field == name) return &f;
  return nullptr;
}

const StepChange* step(const StructuralDiff& d, const std::string& id) {
  for (const auto& s : d.steps)
    if (s.id == id) return &s;
  return nullptr;
}

const RouteChange* route(const StructuralDiff& d, const std::string& from, const std::string& to) {
  for (const auto& r : d.routes)
    if (r.from == from && r.to == to) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("A model compared with itself has no structural change", "[compare]") {
  Process p = test::load_model(kBase);
  StructuralDiff d = diff_structure(p, p);
  CHECK(d.empty());
  CHECK(d.common_steps == 5);  // tulo, arvio, ohjaus, tyo, valmis
  CHECK(d.checkpoints_added.empty());
  CHECK(d.checkpoints_made_mandatory.empty());
  CHECK(to_json(d)["steps"].empty());
}

TEST_CASE("Each structural edit is detected", "[compare]") {
  Process before = test::load_model(kBase);

  SECTION("an added step and its routes") {
    Process after = test::load_model(edited("ohjaus -> valmis;",
                                            "ohjaus -> seuranta; seuranta [effort=\"1h\", role=so]; "
                                            "seuranta -> valmis;"));
    StructuralDiff d = diff_structure(before, after);
    REQUIRE(d.steps.size() == 1);
    CHECK(d.steps[0].change == ChangeKind::added);
    CHECK(d.steps[0].id == "seuranta");
    REQUIRE(d.routes.size() == 3);
    CHECK(route(d, "ohjaus", "seuranta")->change == ChangeKind::added);
    CHECK(route(d, "seuranta", "valmis")->change == ChangeKind::added);
    CHECK(route(d, "ohjaus", "valmis")->change == ChangeKind::removed);
  }

  SECTION("a removed route: the other branch takes the whole probability") {
    Process after = test::load_model(
        edit(edited("arvio -> tyo [p=0.3, outcome=special];", ""), "arvio -> ohjaus [p=0.7]", "arvio -> ohjaus"));
    StructuralDiff d = diff_structure(before, after);
    REQUIRE(route(d, "arvio", "tyo"));
    CHECK(route(d, "arvio", "tyo")->change == ChangeKind::removed);
    const RouteChange* kept = route(d, "arvio", "ohjaus");
    REQUIRE(kept);
    const FieldChange* p = field(kept->fields, "p");
    REQUIRE(p);
    CHECK(*p->before_value == Approx(0.7));
    CHECK(*p->after_value == Approx(1.0));
  }

  SECTION("a changed effort: distribution text and mean") {
    Process after = test::load_model(edited("gamma(mean=2h, cv=0.5)", "gamma(mean=3h, cv=0.5)"));
    StructuralDiff d = diff_structure(before, after);
    REQUIRE(d.steps.size() == 1);
    CHECK(d.steps[0].change == ChangeKind::changed);
    const FieldChange* effort = field(d.steps[0].fields, "effort");
    REQUIRE(effort);
    CHECK(effort->before == "gamma(mean=2h, cv=0.5)");
    CHECK(effort->after == "gamma(mean=3h, cv=0.5)");
    CHECK(*effort->before_value == 2.0);
    CHECK(*effort->after_value == 3.0);
    CHECK(d.routes.empty());
  }

  SECTION("a changed distribution with the same mean is still a change") {
    Process after = test::load_model(edited("gamma(mean=2h, cv=0.5)", "exp(2h)"));
    // The diff must outlive `effort`, which points into it (ASan caught a temporary here).
    const auto diff = diff_structure(before, after);
    const FieldChange* effort = field(diff.steps.at(0).fields, "effort");
    REQUIRE(effort);
    CHECK(effort->after == "exp(2h)");
  }

  SECTION("a changed routing probability changes both branches") {
    Process after = test::load_model(edit(edited("p=0.7", "p=0.6"), "p=0.3", "p=0.4"));
    StructuralDiff d = diff_structure(before, after);
    CHECK(d.steps.empty());
    REQUIRE(d.routes.size() == 2);
    CHECK(*field(route(d, "arvio", "tyo")->fields, "p")->after_value == Approx(0.4));
    CHECK(field(route(d, "arvio", "tyo")->fields, "p")->before == "0.3");
  }

  SECTION("a step moved to another role") {
    Process after = test::load_model(
        edited("tyo [label=\"Sosiaalityö\", effort=\"3h\"];", "tyo [role=so, label=\"Sosiaalityö\", effort=\"3h\"];"));
    StructuralDiff d = diff_structure(before, after);
    REQUIRE(d.steps.size() == 1);
    const FieldChange* role = field(d.steps[0].fields, "role");
    REQUIRE(role);
    CHECK(role->before == "sw");
    CHECK(role->after == "so");
  }

  SECTION("a checkpoint made mandatory") {
    Process after = test::load_model(edited("assesses=special]", "assesses=special, mandatory=true]"));
    StructuralDiff d = diff_structure(before, after);
    CHECK(d.checkpoints_made_mandatory == std::vector<std::string>{"arvio"});
    CHECK(d.checkpoints_added.empty());
    CHECK(field(step(d, "arvio")->fields, "mandatory")->after == "true");
  }

  SECTION("a task turned into a checkpoint is an added checkpoint") {
    Process after = test::load_model(edited("ohjaus [label=\"Ohjaus\"", "ohjaus [kind=checkpoint, label=\"Ohjaus\""));
    StructuralDiff d = diff_structure(before, after);
    CHECK(d.checkpoints_added == std::vector<std::string>{"ohjaus"});
    CHECK(field(step(d, "ohjaus")->fields, "kind")->after == "checkpoint");
  }

  SECTION("staffing: fte, absence and reserved per role") {
    Process after =
        test::load_model(edited("fte=2; absence=0.1; reserved=0.2;", "fte=2.5; absence=0.2; reserved=0.2;"));
    StructuralDiff d = diff_structure(before, after);
    REQUIRE(d.roles.size() == 1);
    CHECK(d.roles[0].id == "so");
    CHECK(*field(d.roles[0].fields, "fte")->after_value == 2.5);
    CHECK(*field(d.roles[0].fields, "absence")->before_value == 0.1);
    CHECK(field(d.roles[0].fields, "reserved") == nullptr);
    CHECK(d.steps.empty());
  }

  SECTION("a renamed step is matched by its label") {
    std::string text = kBase;
    for (auto at = text.find("ohjaus "); at != std::string::npos; at = text.find("ohjaus ", at + 1))
      text.replace(at, 6, "neuvoa");
    Process after = test::load_model(text);
    StructuralDiff d = diff_structure(before, after);
    REQUIRE(d.steps.size() == 1);
    CHECK(d.steps[0].matched_by_label);
    CHECK(d.steps[0].before_id == "ohjaus");
    CHECK(d.steps[0].id == "neuvoa");
    CHECK(d.routes.empty());
  }

  SECTION("an added and a removed role") {
    Process after = test::load_model(edited("role=sw;", "role=sw2;"));
    StructuralDiff d = diff_structure(before, after);
    REQUIRE(d.roles.size() == 2);
    CHECK(d.roles[0].change == ChangeKind::added);
    CHECK(d.roles[0].id == "sw2");
    CHECK(d.roles[1].change == ChangeKind::removed);
    CHECK(d.roles[1].id == "sw");
    CHECK(field(step(d, "tyo")->fields, "role")->after == "sw2");
  }
}

TEST_CASE("A role's activities are part of its staffing: their hours a week are compared", "[compare]") {
  // Two activities of the counsellors, 6 h and 2 h a week: 8 h a week before. Growing the first
  // to 10 h makes 10 + 2 = 12 h a week after; the step itself changes its load from 6 to 10.
  const std::string activities =
      "verkosto [kind=activity, load=\"6h/week\"]; kokous [kind=activity, load=\"2h/week\"];\n  }\n"
      "  subgraph cluster_sw";
  Process before = test::load_model(edited("}\n  subgraph cluster_sw", activities));
  Process after = test::load_model(edited("}\n  subgraph cluster_sw", edit(activities, "6h/week", "10h/week")));
  StructuralDiff d = diff_structure(before, after);
  REQUIRE(d.roles.size() == 1);
  CHECK(d.roles[0].id == "so");
  const FieldChange* load = field(d.roles[0].fields, "activity_hours_per_week");
  REQUIRE(load);
  CHECK(*load->before_value == Approx(8.0));
  CHECK(*load->after_value == Approx(12.0));
  REQUIRE(step(d, "verkosto"));
  CHECK(*field(step(d, "verkosto")->fields, "load_hours_per_week")->after_value == Approx(10.0));
}

TEST_CASE("Arrivals and staffing changes carry their numbers for the outputs to word", "[compare]") {
  // 5 → 6 clients a week at the start and one more counsellor (2 → 3 FTE): a change of the
  // parameters only, no step, route or role added or removed.
  Process before = test::load_model(kBase);
  Process after = test::load_model(edit(edited("5/week", "6/week"), "fte=2;", "fte=3;"));
  StructuralDiff d = diff_structure(before, after);
  CHECK(d.count_steps(ChangeKind::added) + d.count_steps(ChangeKind::removed) == 0);
  CHECK(d.routes.empty());
  const FieldChange* arrivals = field(step(d, "tulo")->fields, "arrivals_per_week");
  REQUIRE(arrivals);
  CHECK(*arrivals->before_value == 5.0);
  CHECK(*arrivals->after_value == 6.0);
  REQUIRE(d.roles.size() == 1);
  CHECK(*field(d.roles[0].fields, "fte")->before_value == 2.0);
  CHECK(*field(d.roles[0].fields, "fte")->after_value == 3.0);
  // An unchanged role has no activity field: both sides have no activities (0 h a week).
  CHECK(field(d.roles[0].fields, "activity_hours_per_week") == nullptr);
}
