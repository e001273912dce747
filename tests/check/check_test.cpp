// check_process as a whole (check/check.cpp): a clean model, the bundled models, the findings in
// Finnish and Swedish, and every rule reached.
#include "check/check.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <tuple>

#include "support.h"

using namespace sujuva;

TEST_CASE("A model in which every rule holds has no findings", "[check]") {
  CHECK(test::lines_of(check_process(test::load_model(test::kClean))).empty());
}

// --- bundled models -------------------------------------------------------------------------

namespace {

Process bundled(const std::string& name) {
  std::string path = std::string(SUJUVA_SOURCE_DIR) + "/processes/" + name;
  INFO("bundled model " << path << " must exist");
  REQUIRE(std::filesystem::exists(path));
  auto result = read_process_file(path);
  INFO((result.diagnostics.empty() ? std::string() : result.diagnostics.front().format()));
  REQUIRE(result.usable());
  return *result.process;
}

// Checks a `requires` finding's route independently of the checker: every hop is a route of the
// model, the route ends at an end step, and no step after the checkpoint is by a role with
// the qualification.
void require_bypass_route(const Process& p, const Diagnostic& d, const std::string& qualification) {
  INFO(d.format());
  REQUIRE(d.route.size() >= 2);
  for (size_t i = 0; i + 1 < d.route.size(); ++i) {
    auto from = p.find_step(d.route[i]), to = p.find_step(d.route[i + 1]);
    REQUIRE(from);
    REQUIRE(to);
    CHECK(boost::edge(*from, *to, p.graph).second);
  }
  CHECK(p.graph[*p.find_step(d.route.back())].kind == StepKind::end);
  for (size_t i = 1; i < d.route.size(); ++i) {
    const Step& step = p.graph[*p.find_step(d.route[i])];
    CHECK((!step.role || p.roles[*step.role].qualification != qualification));
  }
}

int requires_errors(const Process& p, const Diagnostics& findings, const std::string& qualification) {
  int count = 0;
  for (const auto& d : findings)
    if (d.severity == Severity::error && d.message.find("can reach an end without a step by") != std::string::npos) {
      require_bypass_route(p, d, qualification);
      ++count;
    }
  return count;
}

}  // namespace

TEST_CASE("The bundled current-state models show the bypass of the social worker", "[check]") {
  SECTION("adult social work: a counsellor's assessment lets special clients end without a social worker") {
    auto p = bundled("aikuissosiaalityo-nykytila.dot");
    auto findings = check_process(p);
    CHECK(requires_errors(p, findings, "social-worker") >= 1);
  }
  SECTION("curator services: special students can end without the responsible curator") {
    auto p = bundled("kuraattoripalvelut-nykytila.dot");
    auto findings = check_process(p);
    CHECK(requires_errors(p, findings, "social-worker") >= 1);
  }
}

TEST_CASE("The bundled target models have no errors", "[check]") {
  for (const char* name : {"aikuissosiaalityo-tavoite.dot", "kuraattoripalvelut-tavoite.dot"}) {
    SECTION(name) {
      auto findings = check_process(bundled(name));
      std::string all;
      for (const auto& d : findings) all += d.format() + "\n";
      INFO(all);
      CHECK_FALSE(has_errors(findings));
    }
  }
}

TEST_CASE("The findings are written in Finnish or Swedish, with the labels in that language", "[check]") {
  Process process = test::load_model(test::kBilingual);
  SECTION("Finnish: the mandatory checkpoint and the s. 42 social worker") {
    auto findings = check_process(process, Lang::fi);
    const auto& mandatory = test::finding(findings, "on pakollinen");
    CHECK(mandatory.line == 3);
    CHECK(mandatory.message ==
          "tarkistuspiste \"arvio\" (Palvelutarpeen arviointi) on pakollinen, mutta asiakkaat voivat päästä loppuun "
          "kulkematta sen kautta");
    CHECK(mandatory.route == test::route({"in", "neuvonta", "out"}));
    const auto& law = test::finding(findings, "42 §");
    CHECK(law.line == 3);
    CHECK(law.message ==
          "tarkistuspisteessä \"arvio\" (Palvelutarpeen arviointi) luokkaan \"erityinen tuki\" arvioidut asiakkaat voivat "
          "päästä loppuun ilman vaihetta, jonka tekee rooli \"sw\" (Sosiaalityöntekijä) (sosiaalihuoltolaki 42 §: "
          "asiakkaan, jolla on erityisen tuen tarve, omatyöntekijä on sosiaalityöntekijä)");
    CHECK(law.route == test::route({"arvio", "siirto", "ohjaus", "out"}));
  }
  SECTION("Swedish: the same findings, with the Swedish labels") {
    auto findings = check_process(process, Lang::sv);
    CHECK(test::finding(findings, "obligatorisk").message ==
          "kontrollpunkten \"arvio\" (Bedömning av servicebehov) är obligatorisk, men klienter kan nå ett slut utan "
          "att passera den");
    CHECK(test::finding(findings, "42 §").message ==
          "klienter som bedömts som \"särskilt stöd\" vid kontrollpunkten \"arvio\" (Bedömning av servicebehov) kan nå ett "
          "slut utan ett steg som utförs av rollen \"sw\" (Socialarbetare) (socialvårdslagen 42 §: en klient med "
          "behov av särskilt stöd har en socialarbetare som egen kontaktperson)");
  }
  SECTION("the same findings, at the same lines and with the same routes, in every language") {
    auto en = check_process(process), fi = check_process(process, Lang::fi), sv = check_process(process, Lang::sv);
    REQUIRE(fi.size() == en.size());
    REQUIRE(sv.size() == en.size());
    auto where = [](const Diagnostics& findings) {
      std::vector<std::tuple<int, Severity, std::vector<std::string>>> out;
      for (const auto& d : findings) out.emplace_back(d.line, d.severity, d.route);
      std::sort(out.begin(), out.end());
      return out;
    };
    CHECK(where(fi) == where(en));
    CHECK(where(sv) == where(en));
    CHECK(test::finding(en, "is mandatory").message ==
          "checkpoint \"arvio\" (Palvelutarpeen arviointi) is mandatory, but clients can reach an end without passing "
          "it");
  }
  SECTION("numbers in Finnish and Swedish have a decimal comma") {
    // 0.7 + 0.5 = 1.2 on the routes out of "in".
    auto text = std::string(test::kBilingual);
    text.replace(text.find("in -> neuvonta;"), 15, "in -> neuvonta [p=0.5];");
    auto fi = check_process(test::load_model(text), Lang::fi);
    CHECK(test::finding(fi, "todennäköisyydet").message ==
          "vaihe \"in\": reittien todennäköisyydet p ovat yhteensä 1,2, enemmän kuin 1 (\"arvio\" 0,7, \"neuvonta\" 0,5)");
    auto sv = check_process(test::load_model(text), Lang::sv);
    CHECK(test::finding(sv, "sannolikheter").message ==
          "steget \"in\": rutterna har sannolikheter p som summerar till 1,2, mer än 1 (\"arvio\" 0,7, \"neuvonta\" 0,5)");
  }
}

TEST_CASE("Every rule's finding has Finnish and Swedish wording", "[check]") {
  // Between them these models break every rule of the checks (21 + 7 + 2 findings, the dead end
  // of test::kBroken, and a skipped mandatory checkpoint and a step nobody does); no Finnish or Swedish
  // message may fall back to English words.
  const std::vector<std::string> models = {R"(digraph {
  subgraph cluster_so { role=so; label="Ohjaaja"; label_sv="Handledare"; fte=0;
    arvio [kind=checkpoint, assesses=special, requires=sw, effort="1h"];
    arvio2 [kind=checkpoint, assesses=special, requires=swx, effort="1h"];
    arvio3 [kind=checkpoint, requires=so, effort="1h"];
    tyhja [label="Tyhjä", label_sv="Tom"];
    umpi [effort="1h"];
    kierto [effort="1h"];
    kierto2 [effort="1h"];
  }
  subgraph cluster_sw { role=sw; fte=1; qualification="social-worker"; }
  subgraph cluster_x { role=x; fte=1; palaveri [kind=activity, load="2h/week"]; }
  orpo [effort="1h", role=so];
  in [kind=start, arrivals="10/week"];
  in2 [kind=start];
  valinta [kind=decision];
  out [kind=end];
  in -> arvio [p=0.6];
  in -> arvio2 [p=0.6];
  in2 -> arvio3;
  arvio -> valinta [outcome=special];
  arvio2 -> out;
  arvio3 -> out [p=0.3];
  arvio3 -> tyhja [p=0.3];
  valinta -> out [outcome=special];
  tyhja -> umpi [p=1];
  tyhja -> out;
  out -> in;
  palaveri -> out;
  orpo -> out;
  umpi -> kierto;
  kierto -> kierto2;
  kierto2 -> kierto;
  valinta2 [kind=decision];
  in -> valinta2 [when=special];
  valinta2 -> out [when=special];
})",
                                           R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    arvio [kind=checkpoint, assesses=special, effort="1h"];
    ohjaus [effort="1h"];
    ympyra [effort="1h"];
    yksin [effort="1h"];
    a [effort="1h"];
    b [effort="1h"];
  }
  in [kind=start];
  valinta [kind=decision];
  out [kind=end];
  in -> arvio;
  arvio -> valinta [p=0.5, outcome=special];
  arvio -> ohjaus;
  valinta -> out [when=standard];
  valinta -> ympyra [when=standard];
  ohjaus -> out [p=0.5];
  ohjaus -> ympyra;
  ympyra -> ympyra;
  yksin -> yksin;
  yksin -> out;
  a -> b; b -> a; a -> out;
})",  R"(digraph { subgraph cluster_r { role=r; fte=1; a [effort="1h"]; } })",
                                           test::kBroken,
                                           R"(digraph {
  subgraph cluster_so { role=so; fte=1; arvio [kind=checkpoint, mandatory=true, effort="1h"]; }
  orpo [effort="1h"];
  in [kind=start, arrivals="10/week"];
  out [kind=end];
  in -> arvio [p=0.5];
  in -> orpo;
  arvio -> out;
  orpo -> out;
})",  test::kLateDeadline};
  const std::vector<size_t> counts = {21, 7, 2, 1, 2, 1};
  auto where = [](const Diagnostics& findings) {
    std::vector<std::tuple<int, Severity, std::vector<std::string>, std::string>> out;
    for (const auto& d : findings) out.emplace_back(d.line, d.severity, d.route, d.rule);
    std::sort(out.begin(), out.end());
    return out;
  };
  std::set<std::string> rules;
  for (size_t i = 0; i < models.size(); ++i) {
    Process process = test::load_model(models[i]);
    auto en = check_process(process);
    CHECK(en.size() == counts[i]);
    for (const auto& d : en) rules.insert(d.rule);
    for (Lang lang : {Lang::fi, Lang::sv}) {
      auto findings = check_process(process, lang);
      CHECK(where(findings) == where(en));
      for (const auto& d : findings) {
        INFO(d.format());
        for (const char* english : {"clients", " the ", "step ", "route ", "checkpoint ", "role ", " no ", " and "})
          CHECK(d.message.find(english) == std::string::npos);
      }
    }
  }
  // Every finding names its rule, the same in every language (compared in `where` above), and
  // these models reach every rule in the table in processes/README.md, "What `sujuva check` checks" (written out here
  // from it).
  const std::set<std::string> documented = {"unreachable-step",
                                            "unreachable-loop",
                                            "dead-end",
                                            "trap",
                                            "no-start",
                                            "no-end",
                                            "activity-route",
                                            "route-after-end",
                                            "mandatory-checkpoint",
                                            "class-never-assessed",
                                            "probabilities-over-one",
                                            "probabilities-not-one",
                                            "route-without-share",
                                            "class-without-route",
                                            "class-never-arrives",
                                            "outcome-outside-checkpoint",
                                            "requires-unknown",
                                            "requires-unchecked",
                                            "requires-skipped",
                                            "unstaffed-step",
                                            "idle-role",
                                            "unstaffed-role",
                                            "no-arrivals",
                                            "start-without-arrivals",
                                            "no-effort",
                                            "single-route-decision",
                                            "outcome-never-set",
                                            "deadline-unreachable"};
  CHECK(rules == documented);
}

TEST_CASE("A rule the service breaks is a service finding, a mistake in the model a model finding", "[check]") {
  // kBilingual breaks two of the service's rules at "arvio": the mandatory assessment can be
  // skipped (in -> neuvonta -> out) and special clients can finish without the social worker
  // (arvio -> siirto -> ohjaus -> out); the model itself is sound.
  auto kind_of = [](const Diagnostics& findings, const std::string& rule) {
    for (const auto& d : findings)
      if (d.rule == rule) return std::optional<DiagnosticKind>(d.kind);
    return std::optional<DiagnosticKind>();
  };
  auto bilingual = test::check_model(test::kBilingual);
  CHECK(kind_of(bilingual, "mandatory-checkpoint") == DiagnosticKind::service);
  CHECK(kind_of(bilingual, "requires-skipped") == DiagnosticKind::service);
  CHECK(count_errors(bilingual, DiagnosticKind::service) == 2);
  CHECK(count_errors(bilingual, DiagnosticKind::model) == 0);
  // A deadline that even the quickest route misses is the service's, not the model's.
  CHECK(kind_of(test::check_model(test::kLateDeadline), "deadline-unreachable") == DiagnosticKind::service);
  // A dead end is a mistake in the model: clients cannot go on, so no figure of it can be trusted.
  auto broken = test::check_model(test::kBroken);
  CHECK(kind_of(broken, "dead-end") == DiagnosticKind::model);
  CHECK(count_errors(broken, DiagnosticKind::service) == 0);
  // No mandatory assessment of "special" (the checkpoint is optional and "ohi" bypasses it): a
  // warning about the service.
  auto optional = test::check_model(R"(digraph {
  subgraph cluster_sw { role=sw; fte=1; qualification="social-worker";
    arvio [kind=checkpoint, assesses=special, effort="1h"];
    ohi [effort="1h"];
  }
  in [kind=start, arrivals="1/week"]; out [kind=end]; tuki [kind=end];
  in -> arvio; in -> ohi; ohi -> out;
  arvio -> tuki [outcome=special, p=0.5]; arvio -> out;
})");
  CHECK(kind_of(optional, "class-never-assessed") == DiagnosticKind::service);
  CHECK(to_string(DiagnosticKind::service) == std::string("service"));
  CHECK(to_string(DiagnosticKind::model) == std::string("model"));
}
