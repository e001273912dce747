// The streamed `analyze --json` document against the nlohmann value it replaces.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "present/analysis_json.h"
#include "flow/analysis.h"
#include "io/dot_reader.h"
#include "support.h"

using namespace sujuva;

namespace {

// Ids that need JSON escaping (quote, backslash, tab) or are not ASCII, and class
// names out of alphabetical order ("zeta" is created before "alpha"), which an
// nlohmann object prints sorted.
const char* kAwkward = R"dot(digraph "malli \"x\"" { hours_per_fte=40;
  in [kind=start, arrivals="6/week"];
  subgraph cluster_a { role="työ\\rooli"; fte=2; "arvio \"1\"" [kind=checkpoint, assesses=zeta, effort="exp(3h)"]; }
  subgraph cluster_b { role=b; fte=1; "käsittely	tab" [effort="gamma(mean=4h, cv=0.5)"]; }
  out [kind=end];
  in -> "arvio \"1\"";
  "arvio \"1\"" -> "käsittely	tab" [outcome=zeta, p=0.3];
  "arvio \"1\"" -> "käsittely	tab" [outcome=alpha, p=0.2];
  "arvio \"1\"" -> "käsittely	tab" [p=0.5];
  "käsittely	tab" -> "arvio \"1\"" [p=0.1];
  "käsittely	tab" -> out;
})dot";

std::string streamed(const Analysis& a, const Process& p) {
  std::ostringstream out;
  write_json(a, p, out);
  return out.str();
}

void check_same_document(const Analysis& a, const Process& p) {
  std::string text = streamed(a, p);
  nlohmann::json value = to_json(a, p);
  CHECK(nlohmann::json::parse(text) == value);
  CHECK(text == value.dump(2));  // byte for byte, so `analyze --json` did not change
}

}  // namespace

TEST_CASE("write_json streams the same document as to_json", "[flow][json]") {
  SECTION("every bundled model, with a projection and in Swedish") {
    std::vector<std::filesystem::path> files;
    for (const char* dir : {SUJUVA_SOURCE_DIR "/processes", SUJUVA_SOURCE_DIR "/processes/examples"})
      for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".dot") files.push_back(entry.path());
    REQUIRE(files.size() >= 10);
    for (const auto& file : files) {
      INFO(file.string());
      auto read = read_process_file(file.string());
      REQUIRE(read.usable());
      AnalysisOptions options;
      options.lang = Lang::sv;
      options.projection_weeks = 3;
      check_same_document(analyze(*read.process, options), *read.process);
    }
  }
  SECTION("escaped ids, non-ASCII text and classes out of alphabetical order") {
    Process process = test::load_model(kAwkward);
    REQUIRE(process.classes.size() == 3);
    AnalysisOptions options;
    options.projection_weeks = 2;
    options.initial_backlog["b"] = 5;
    Analysis a = analyze(process, options);
    check_same_document(a, process);
    std::string text = streamed(a, process);
    CHECK(text.find(R"("id": "arvio \"1\"")") != std::string::npos);
    CHECK(text.find(R"("id": "käsittely\ttab")") != std::string::npos);
    CHECK(text.find(R"("alpha": )") < text.find(R"("standard": )"));
  }
  SECTION("an unstable model: undefined waits are null") {
    Process process = test::load_model(R"dot(digraph u { hours_per_fte=40;
      in [kind=start, arrivals="5/week"];
      subgraph cluster_w { role=w; fte=1; a [effort="exp(10h)"]; }
      out [kind=end]; in -> a -> out; })dot");
    Analysis a = analyze(process);
    REQUIRE(!a.stable());
    check_same_document(a, process);
    CHECK(streamed(a, process).find(R"("wait_weeks": null)") != std::string::npos);
  }
}
