// Rules of check/routing.cpp: route probabilities, client classes, outcomes and `requires`.
#include <catch2/catch.hpp>

#include "check/check.h"
#include "support.h"

using namespace sujuva;

TEST_CASE("The probabilities of the routes out of a step add up to 1", "[check]") {
  auto model = [](const std::string& p1, const std::string& p2, const std::string& p3) {
    return R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
    b [effort="1h"];
    c [effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a;
  a -> b [)" +
           p1 + R"(];
  a -> c [)" +
           p2 + R"(];
  a -> out [)" +
           p3 + R"(];
  b -> out;
  c -> out;
})";
  };
  SECTION("more than 1 is an error") {
    CHECK(test::lines_of(test::check_model(model("p=0.7", "p=0.5", ""))) ==
          std::vector<std::string>{"3: step \"a\": the routes have probabilities p that add up to 1.2, more than 1 "
                                   "(\"b\" 0.7, \"c\" 0.5)"});
  }
  SECTION("less than 1 when every route has p is an error") {
    CHECK(test::lines_of(test::check_model(model("p=0.6", "p=0.2", "p=0.1"))) ==
          std::vector<std::string>{"3: step \"a\": the routes have probabilities p that add up to 0.9, not 1 (\"b\" "
                                   "0.6, \"c\" 0.2, \"out\" 0.1; leave out p on one route to give it the rest)"});
  }
  SECTION("routes without p that are left nothing are a warning") {
    CHECK(test::lines_of(test::check_model(model("p=0.6", "p=0.4", ""))) ==
          std::vector<std::string>{"3: warning: step \"a\": the routes with p already add up to 1, so the routes "
                                   "without p (to \"out\") get no clients"});
  }
  SECTION("rounding in decimal fractions is tolerated: 0.1 + 0.2 + 0.7 is 1.0000000000000002 in doubles") {
    CHECK(test::lines_of(test::check_model(model("p=0.1", "p=0.2", "p=0.7"))).empty());
  }
  SECTION("routes without p share the remainder") {
    CHECK(test::lines_of(test::check_model(model("p=0.5", "", ""))).empty());
  }
  SECTION("a spreadsheet's rounding within 1e-4 is scaled to 1 with a warning that shows the exact sum") {
    // 0.333334 + 0.333334 + 0.333333 = 1.000001: seven significant digits are needed to see it.
    CHECK(test::lines_of(test::check_model(model("p=0.333334", "p=0.333334", "p=0.333333"))) ==
          std::vector<std::string>{"3: warning: step \"a\": the routes have probabilities p that add up to 1.000001 "
                                   "(\"b\" 0.333334, \"c\" 0.333334, \"out\" 0.333333); they are scaled to add up "
                                   "to exactly 1"});
  }
  SECTION("just beyond the rounding allowance the excess is an error that shows its digits") {
    CHECK(test::lines_of(test::check_model(model("p=0.5", "p=0.4", "p=0.1002"))) ==
          std::vector<std::string>{"3: step \"a\": the routes have probabilities p that add up to 1.0002, more than 1 "
                                   "(\"b\" 0.5, \"c\" 0.4, \"out\" 0.1002)"});
  }
}

TEST_CASE("Rounded probabilities reach the engines scaled to add up to 1", "[check][routing]") {
  // The three routes of 0.333334, 0.333334, 0.333333 add up to 1.000001; each branch is its p
  // divided by that sum, so the shares add up to 1 to the last bit and no client is created.
  Process p = test::load_model(R"(digraph {
  subgraph cluster_so { role=so; fte=1; a [effort="1h"]; b [effort="1h"]; c [effort="1h"]; }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a;
  a -> b [p=0.333334];
  a -> c [p=0.333334];
  a -> out [p=0.333333];
  b -> out;
  c -> out;
})");
  auto routes = branches(p, *p.find_step("a"), kStandardClass);
  REQUIRE(routes.size() == 3);
  double total = 0;
  for (const auto& b : routes) total += b.probability;
  CHECK(total == Approx(1).epsilon(1e-15));
  CHECK(routes[0].probability == Approx(0.333334 / 1.000001).epsilon(1e-15));
}

TEST_CASE("Routing is checked per client class", "[check]") {
  // Special clients reach "jako" from the checkpoint, standard clients through "ohjaus".
  auto model = [](const std::string& special_route, const std::string& standard_route) {
    return R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    arvio [kind=checkpoint, assesses=special, effort="1h"];
    ohjaus [effort="1h"];
    tyo [effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  jako [kind=decision];
  out [kind=end];
  in -> arvio;
  arvio -> jako [p=0.2, outcome=special];
  arvio -> ohjaus;
  ohjaus -> jako;
  tyo -> out;
  )" + special_route +
           "\n  " + standard_route + "\n}";
  };
  SECTION("each class with routes adding up to 1 is fine") {
    CHECK(test::lines_of(test::check_model(model("jako -> tyo [when=special];", "jako -> out [when=standard];")))
              .empty());
  }
  SECTION("the sum is checked for each class separately") {
    CHECK(test::lines_of(
              test::check_model(model("jako -> tyo [when=special, p=0.5];", "jako -> out [when=standard];"))) ==
          std::vector<std::string>{"8: step \"jako\": the routes for class \"special\" have probabilities p that add "
                                   "up to 0.5, not 1 (\"tyo\" 0.5; leave out p on one route to give it the rest)"});
  }
  SECTION("a class that arrives but has no route on is an error with the route of that class") {
    auto findings = test::check_model(model("jako -> tyo [when=special];", ""));
    const auto& f = test::finding(findings, "no route out of it is for them");
    CHECK(f.line == 8);
    CHECK(f.message ==
          "clients of class \"standard\" reach step \"jako\", but no route out of it is for them (every route has "
          "when= for another class)");
    CHECK(f.route == test::route({"in", "arvio", "ohjaus", "jako"}));
  }
}

TEST_CASE("A when= class must be able to arrive from an upstream checkpoint", "[check]") {
  auto findings = test::check_model(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
    arvio [kind=checkpoint, assesses=special, effort="1h"];
    b [effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a;
  a -> arvio;
  a -> out [when=special];
  arvio -> b [p=0.3, outcome=special];
  arvio -> out;
  b -> out;
})");
  CHECK(test::lines_of(findings) ==
        std::vector<std::string>{
            "0: warning: no mandatory checkpoint assesses \"special support\": clients can reach an end "
            "without any assessment of \"special support\" (checkpoints with assesses=\"special\": \"arvio\")",
            "11: route a -> out: when=\"special\", but no client of class \"special\" ever "
            "reaches \"a\" (no checkpoint before it sets outcome=\"special\")"});
}

TEST_CASE("An outcome on a route that does not leave a checkpoint is a warning", "[check]") {
  auto findings = test::check_model(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
    b [effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a;
  a -> b [outcome=special];
  b -> out;
})");
  CHECK(test::lines_of(findings) ==
        std::vector<std::string>{"9: warning: route a -> b: outcome=\"special\" is on a route out of a task step; "
                                 "only an assessment (kind=checkpoint) should set a client's class"});
}

TEST_CASE("Clients assessed into a class reach a step of the required role before they leave", "[check]") {
  auto model = [](const std::string& requires_value, const std::string& no_room_route) {
    return R"(digraph {
  subgraph cluster_so { role=so; fte=2; qualification="social-counsellor";
    arvio [label="Palvelutarpeen\narviointi", kind=checkpoint, assesses=special, requires=")" +
           requires_value + R"(", effort="1h"];
    ohjaus [effort="1h"];
  }
  subgraph cluster_sw { role=sw; label="Sosiaalityöntekijä"; fte=1; qualification="social-worker";
    tyo [effort="2h"];
  }
  subgraph cluster_vk { role=vk; fte=1; qualification="social-worker";
    vastaava [effort="2h"];
  }
  in [kind=start, arrivals="10/week"];
  siirto [kind=decision];
  out [kind=end];
  in -> arvio;
  arvio -> siirto [p=0.2, outcome=special];
  arvio -> ohjaus;
  siirto -> tyo;
  siirto -> vastaava;
  )" + no_room_route +
           R"(
  tyo -> out;
  vastaava -> out;
  ohjaus -> out;
})";
  };
  const std::string law =
      " (Social Welfare Act s. 42: a client in need of special support has a social worker as named worker)";
  SECTION("a route that avoids the role is an error with that route; another social worker's role is not it") {
    auto findings = test::check_model(model("sw", ""));
    const auto& f = test::finding(findings, "can reach an end");
    CHECK(f.line == 3);
    CHECK(f.message ==
          "clients assessed \"special support\" at checkpoint \"arvio\" (Palvelutarpeen arviointi) can reach an end without "
          "a step by role \"sw\" (Sosiaalityöntekijä)" +
              law);
    CHECK(f.route == test::route({"arvio", "siirto", "vastaava", "out"}));
  }
  SECTION("a qualification is met by any role that has it") {
    CHECK(test::lines_of(test::check_model(model("social-worker", ""))).empty());
    auto findings = test::check_model(model("social-worker", "siirto -> ohjaus;"));
    const auto& f = test::finding(findings, "can reach an end");
    CHECK(f.message ==
          "clients assessed \"special support\" at checkpoint \"arvio\" (Palvelutarpeen arviointi) can reach an end without "
          "a step by a role with qualification \"social worker\" (\"sw\", \"vk\")" +
              law);
    CHECK(f.route == test::route({"arvio", "siirto", "ohjaus", "out"}));
  }
  SECTION("a requirement that names nothing in the model is an error with a suggestion") {
    auto findings = test::check_model(model("social-wroker", ""));
    CHECK(test::lines_of(findings) ==
          std::vector<std::string>{"3: checkpoint \"arvio\" (Palvelutarpeen arviointi): requires=\"social-wroker\" "
                                   "names no role and no qualification in this model (did you mean "
                                   "\"social-worker\"?)"});
  }
}

TEST_CASE("A later re-assessment out of the class lifts the requirement", "[check]") {
  auto model = [](const std::string& uusi_kind) {
    return R"(digraph {
  subgraph cluster_so { role=so; fte=2;
    arvio [kind=checkpoint, assesses=special, requires=sw, effort="1h"];
    uusi [kind=)" +
           uusi_kind +
           R"(, effort="1h"];
    ohjaus [effort="1h"];
  }
  subgraph cluster_sw { role=sw; fte=1;
    tyo [effort="2h"];
  }
  in [kind=start, arrivals="10/week"];
  out [kind=end];
  in -> arvio;
  arvio -> uusi [p=0.2, outcome=special];
  arvio -> ohjaus;
  uusi -> tyo [p=0.5, outcome=special];
  uusi -> ohjaus;
  tyo -> out;
  ohjaus -> out;
})";
  };
  // At a checkpoint, a route without outcome sets the class back to standard (see `branches`).
  SECTION("re-assessed at a checkpoint") {
    CHECK(test::lines_of(test::check_model(model("checkpoint, assesses=special"))).empty());
  }
  SECTION("passed on by a task, the client stays special and may miss the social worker") {
    auto findings = test::check_model(model("task"));
    CHECK(test::finding(findings, "can reach an end").route == test::route({"arvio", "uusi", "ohjaus", "out"}));
  }
}

TEST_CASE("requires without assesses cannot be checked and says so", "[check]") {
  auto findings = test::check_model(R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    arvio [kind=checkpoint, requires=so, effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> arvio -> out;
})");
  CHECK(test::lines_of(findings) ==
        std::vector<std::string>{"3: warning: checkpoint \"arvio\": requires=\"so\" is not checked, because the "
                                 "checkpoint has no assesses= naming the clients it applies to"});
}

TEST_CASE("A skipped requirement cites the model's basis, or the rule's default", "[check]") {
  // One school curator assesses; special students go on with the curator alone (p=0.6) or meet
  // the responsible curator "vk" (qualification social-worker): the route kuraattori -> out
  // avoids vk, so the rule is broken at "arvio" (line 3).
  auto model = [](const std::string& basis, const std::string& cls) {
    return R"(digraph {
  subgraph cluster_kk { role=kk; fte=2;
    arvio [kind=checkpoint, assesses=)" +
           cls + R"(, requires="social-worker", )" + basis + R"( effort="1h"];
    kuraattori [effort="1h"];
  }
  subgraph cluster_vk { role=vk; fte=1; qualification="social-worker";
    vastaava [effort="2h"];
  }
  in [kind=start, arrivals="10/week"]; out [kind=end];
  in -> arvio;
  arvio -> kuraattori [p=0.6, outcome=)" +
           cls + R"(];
  arvio -> vastaava [outcome=)" +
           cls + R"(];
  kuraattori -> out; vastaava -> out;
})";
  };
  const std::string stated =
      R"(basis="oppilas- ja opiskelijahuoltolaki 1287/2013", basis_sv="lagen om elev- och studerandevård 1287/2013", basis_en="Student Welfare Act 1287/2013",)";
  auto skipped = [](const Diagnostics& findings) { return test::finding(findings, "vk"); };
  SECTION("the model's basis, in each language, in the field and at the end of the message") {
    Process p = test::load_model(model(stated, "special"));
    for (auto [lang, basis] : {std::pair{Lang::fi, "oppilas- ja opiskelijahuoltolaki 1287/2013"},
                               std::pair{Lang::sv, "lagen om elev- och studerandevård 1287/2013"},
                               std::pair{Lang::en, "Student Welfare Act 1287/2013"}}) {
      const Diagnostics findings = check_process(p, lang);
      const Diagnostic& d = skipped(findings);
      CHECK(d.rule == "requires-skipped");
      CHECK(d.basis == basis);
      CHECK_THAT(d.message, Catch::EndsWith(std::string(" (") + basis + ")"));
      CHECK(d.message.find("42") == std::string::npos);  // not the Social Welfare Act's default
    }
  }
  SECTION("a basis in Finnish only is quoted as written in every language") {
    Process p = test::load_model(model(R"(basis="laki 817/2015 7 §",)", "special"));
    const Diagnostics sv = check_process(p, Lang::sv), en = check_process(p, Lang::en);
    CHECK(skipped(sv).basis == "laki 817/2015 7 §");
    CHECK(skipped(en).basis == "laki 817/2015 7 §");
  }
  SECTION("without one, special support and a social worker: the Social Welfare Act s. 42") {
    Process p = test::load_model(model("", "special"));
    const Diagnostics en = check_process(p), fi = check_process(p, Lang::fi), sv = check_process(p, Lang::sv);
    CHECK(skipped(en).basis ==
          "Social Welfare Act s. 42: a client in need of special support has a social worker as named worker");
    CHECK(skipped(fi).basis ==
          "sosiaalihuoltolaki 42 §: asiakkaan, jolla on erityisen tuen tarve, omatyöntekijä on sosiaalityöntekijä");
    CHECK(skipped(sv).basis ==
          "socialvårdslagen 42 §: en klient med behov av särskilt stöd har en socialarbetare som egen kontaktperson");
  }
  SECTION("without one, another class: no basis, since only the model can name its rule") {
    Process p = test::load_model(model("", "urgent"));
    const Diagnostics findings = check_process(p);
    const Diagnostic& d = skipped(findings);
    CHECK(d.basis.empty());
    CHECK_THAT(d.message, Catch::EndsWith("(\"vk\")"));
  }
  SECTION("a mandatory checkpoint cites the model's basis too, and has no default") {
    // "ohi" leads past the mandatory "arvio" to the end.
    auto mandatory = [](const std::string& basis) {
      return R"(digraph {
  subgraph cluster_kk { role=kk; fte=2;
    arvio [kind=checkpoint, mandatory=true, )" +
             basis + R"( effort="1h"];
    ohi [effort="1h"];
  }
  in [kind=start, arrivals="10/week"]; out [kind=end];
  in -> arvio; in -> ohi; arvio -> out; ohi -> out;
})";
    };
    const Diagnostics stating = test::check_model(mandatory(stated)), silent = test::check_model(mandatory(""));
    const Diagnostic& with = test::finding(stating, "mandatory");
    CHECK(with.basis == "Student Welfare Act 1287/2013");
    CHECK_THAT(with.message, Catch::EndsWith(" (Student Welfare Act 1287/2013)"));
    CHECK(test::finding(silent, "mandatory").basis.empty());
  }
}
