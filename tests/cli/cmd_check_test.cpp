// `sujuva check`: the two kinds of finding in text and JSON, and the exit codes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support.h"

using namespace sujuva;

namespace {
test::CommandRun check(std::vector<std::string> args) {
  args.insert(args.begin(), "check");
  return test::run_command(args);
}
}  // namespace

TEST_CASE("check prints the rules the service breaks apart from the errors in the model", "[cli]") {
  // kBilingual: two rules broken at "arvio" (the mandatory assessment can be skipped; special
  // clients can finish without the social worker), nothing wrong with the model itself.
  // kBroken: one error in the model (a dead end at "a"), no rule of the service broken.
  const std::string service = test::write_scratch("service.dot", test::kBilingual);
  const std::string broken = test::write_scratch("broken.dot", test::kBroken);
  SECTION("English") {
    auto run = check({"--lang", "en", service});
    CHECK(run.code == 1);
    CHECK_THAT(run.out, Catch::StartsWith("The service breaks a rule:\n" + service + ":3: checkpoint \"arvio\""));
    CHECK(run.out.find("The model has errors:") == std::string::npos);
    CHECK_THAT(run.out, Catch::Contains(service + ": 2 rules broken, "));
    auto model = check({"--lang", "en", broken});
    CHECK(model.code == 1);
    CHECK_THAT(model.out, Catch::StartsWith("The model has errors:\n" + broken + ":3: "));
    CHECK(model.out.find("The service breaks a rule:") == std::string::npos);
    CHECK_THAT(model.out, Catch::Contains(broken + ": 1 error in the model, "));
  }
  SECTION("Finnish, also without --lang: every command's default") {
    CHECK_THAT(check({service}).out, Catch::StartsWith("Palvelu rikkoo sääntöä:\n"));
    CHECK_THAT(check({"--lang", "fi", service}).out, Catch::StartsWith("Palvelu rikkoo sääntöä:\n"));
    CHECK_THAT(check({"--lang", "fi", service}).out, Catch::Contains(": 2 sääntörikkomusta, "));
    CHECK_THAT(check({"--lang", "fi", broken}).out, Catch::StartsWith("Mallissa on virheitä:\n"));
    CHECK_THAT(check({"--lang", "fi", broken}).out, Catch::Contains(": 1 virhe mallissa, "));
  }
  SECTION("Swedish") {
    CHECK_THAT(check({"--lang", "sv", service}).out, Catch::StartsWith("Tjänsten bryter mot en regel:\n"));
    CHECK_THAT(check({"--lang", "sv", service}).out, Catch::Contains(": 2 regelbrott, "));
    CHECK_THAT(check({"--lang", "sv", broken}).out, Catch::StartsWith("Modellen har fel:\n"));
    CHECK_THAT(check({"--lang", "sv", broken}).out, Catch::Contains(": 1 fel i modellen, "));
  }
  SECTION("both kinds in one model: the service's group first") {
    // kBilingual with a dead end added at "umpikuja" (reached from "neuvonta" with p=0.5).
    std::string both = test::kBilingual;
    both.replace(both.find("neuvonta -> out;"), 16, "neuvonta -> out [p=0.5]; neuvonta -> umpikuja;");
    both.replace(both.find("tyo [effort=\"2h\"];"), 18, "tyo [effort=\"2h\"]; umpikuja [effort=\"1h\"];");
    auto run = check({"--lang", "en", test::write_scratch("both.dot", both)});
    CHECK(run.code == 1);
    const auto service_at = run.out.find("The service breaks a rule:"), model_at = run.out.find("The model has errors:");
    REQUIRE(service_at != std::string::npos);
    REQUIRE(model_at != std::string::npos);
    CHECK(service_at < model_at);
    CHECK_THAT(run.out, Catch::Contains(": 2 rules broken, 1 error in the model, "));
  }
}

TEST_CASE("check's exit code: 0 sound, 1 findings of either kind, 2 a file that cannot be used", "[cli]") {
  const std::string clean = test::write_scratch("clean.dot", test::kClean);
  const std::string service = test::write_scratch("service.dot", test::kBilingual);
  const std::string unreadable = test::write_scratch("unreadable.dot", "digraph { a -> ");
  CHECK(check({clean}).code == 0);
  // A broken rule is a finding, not an unusable model: analyze, simulate, render and report run.
  CHECK(check({service}).code == 1);
  CHECK(test::run_command({"analyze", service}).code == 0);
  CHECK(check({unreadable}).code == 2);
  CHECK(check({service, unreadable}).code == 2);  // the largest of the models' codes
}

TEST_CASE("check --json gives each finding its kind and legal basis", "[cli]") {
  const std::string service = test::write_scratch("service.dot", test::kBilingual);
  auto run = check({"--json", "--lang", "en", service});
  CHECK(run.code == 1);
  const auto model = nlohmann::json::parse(run.out).at(0);
  CHECK(model.at("errors") == 2);  // kBilingual's two broken rules, and no error in the model
  CHECK(model.at("rules_broken") == 2);
  CHECK(model.at("model_errors") == 0);
  auto findings = model.at("findings");
  std::map<std::string, nlohmann::json> by_rule;
  for (const auto& f : findings) by_rule[f.at("rule").get<std::string>()] = f;
  REQUIRE(by_rule.count("requires-skipped"));
  REQUIRE(by_rule.count("mandatory-checkpoint"));
  CHECK(by_rule["requires-skipped"].at("kind") == "service");
  CHECK(by_rule["requires-skipped"].at("basis") ==
        "Social Welfare Act s. 42: a client in need of special support has a social worker as named worker");
  CHECK(by_rule["mandatory-checkpoint"].at("kind") == "service");
  CHECK(by_rule["mandatory-checkpoint"].at("basis").is_null());  // the model states none; no default
  auto broken = nlohmann::json::parse(check({"--json", test::write_scratch("broken.dot", test::kBroken)}).out);
  CHECK(broken.at(0).at("findings").at(0).at("rule") == "dead-end");
  CHECK(broken.at(0).at("findings").at(0).at("kind") == "model");
}

TEST_CASE("check wraps a long finding to 100 columns, later lines indented, and --wide keeps one line",
          "[check][cli]") {
  // The curator model's finding of the special support rule is 402 code points on one line.
  const std::string model = SUJUVA_SOURCE_DIR "/processes/kuraattoripalvelut-nykytila.dot";
  for (const char* lang : {"fi", "sv", "en"}) {
    INFO(lang);
    auto run = check({model, "--lang", lang});
    CHECK(run.code == 1);
    CHECK(test::widest_line(run.out) <= 100);
    CHECK(run.out.find("\n    ") != std::string::npos);
    CHECK(test::widest_line(check({model, "--lang", lang, "--wide"}).out) > 300);
  }
}

TEST_CASE("check sums up more than ten findings of one rule in one line; --all lists every one", "[check][cli]") {
  // 15 steps without effort or delay: 15 warnings of the rule no-effort, 10 shown and 5 summed.
  std::string model = "digraph many {\n  subgraph cluster_w { role=w; fte=1;";
  for (int i = 0; i < 15; ++i) model += " s" + std::to_string(i) + ";";
  model += " }\n  in [kind=start, arrivals=\"1/week\"]; out [kind=end];\n  in";
  for (int i = 0; i < 15; ++i) model += " -> s" + std::to_string(i);
  model += " -> out;\n}\n";
  const std::string file = test::write_scratch("many.dot", model);
  auto run = check({file, "--wide"});  // --wide: a finding on one line, whatever the path's length
  CHECK(run.code == 0);
  CHECK(test::count_occurrences(run.out, "ei vie aikaa") == 10);
  CHECK(run.out.find("… ja 5 muuta samanlaista; kaikki näkyvät valinnalla --all\n") != std::string::npos);
  auto all = check({file, "--all", "--lang", "en", "--wide"});
  CHECK(test::count_occurrences(all.out, "takes no time") == 15);
  CHECK(all.out.find("more like these") == std::string::npos);
}
