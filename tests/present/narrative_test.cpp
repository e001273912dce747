// The comparison in sentences: no change, pooling, a bottleneck that moves, in each language.
#include "present/narrative.h"

#include <catch2/catch.hpp>
#include <string>

#include "compare/comparison.h"
#include "io/dot_reader.h"
#include "support.h"

using namespace sujuva;

namespace {

Process load_bundled(const std::string& name) {
  auto result = read_process_file(std::string(SUJUVA_SOURCE_DIR) + "/processes/" + name);
  REQUIRE(result.usable());
  return *result.process;
}

bool contains(const std::vector<std::string>& sentences, const std::string& text) {
  for (const auto& s : sentences)
    if (s.find(text) != std::string::npos) return true;
  return false;
}

// Two pools of one server each against one pool of two at the same load (ρ = 0.8), as in
// tests/compare/comparison_test.cpp, where the figures are derived: lead time 4.0 → 2.22 weeks,
// wait per visit 3.20 → 1.42 weeks.
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

TEST_CASE("The narrative of a model compared with itself says there is no change in each language", "[present]") {
  Process p = load_bundled("aikuissosiaalityo-nykytila.dot");
  Comparison c = compare_processes({&p, &p});
  CHECK(narrative(c, 1, Lang::fi) == std::vector<std::string>{"Ei muutosta: rakenne ja tunnusluvut ovat samat."});
  CHECK(narrative(c, 1, Lang::sv) ==
        std::vector<std::string>{"Ingen förändring: strukturen och nyckeltalen är desamma."});
  CHECK(narrative(c, 1, Lang::en) ==
        std::vector<std::string>{"No change: the structure and the key figures are the same."});
}

TEST_CASE("The narrative of pooling names the shorter lead time and wait and the change of staff", "[present]") {
  Process split = test::load_model(kTwoPools, "kaksi.dot");
  Process pooled = test::load_model(kOnePool, "yksi.dot");
  Comparison c = compare_processes({&split, &pooled});
  auto sentences = narrative(c, 1, Lang::fi);
  // Split: two M/M/1 with λ = 1, μ = 40 h / 32 h = 1.25 a week: W = 1/(μ − λ) = 4 weeks = 20 working
  // days (5 a week), Wq = ρ/(μ − λ) = 3.2 weeks = 16 days. Pooled M/M/2, λ = 2, ρ = 0.8: Erlang C =
  // 6.4 / (1 + 1.6 + 6.4) = 0.711, Wq = C/(2μ − λ) = 1.422 weeks = 7.1 days, W = Wq + 0.8 = 2.222
  // weeks = 11.1 days.
  CHECK(contains(sentences, "Läpimenoaika lyheni: 20,0 työpäivää → 11,1 työpäivää (-44\u00A0%)."));
  CHECK(contains(sentences, "Odotus käyntiä kohden lyheni eniten: Yhteinen tiimi: 16 työpäivää → 7,1 työpäivää."));
  CHECK(contains(sentences, "Henkilöstö: Yhteinen tiimi htv 1,00 → 2,00; poistui Tiimi 2."));
}

TEST_CASE("The narrative names the bottleneck shift of the bundled current and target models", "[present]") {
  Process now = load_bundled("aikuissosiaalityo-nykytila.dot");
  Process target = load_bundled("aikuissosiaalityo-tavoite.dot");
  Comparison c = compare_processes({&now, &target});

  SECTION("Finnish") {
    auto sentences = narrative(c, 1, Lang::fi);
    REQUIRE(!sentences.empty());
    CHECK(sentences[0] ==
          "Pullonkaula siirtyi: ennen Sosiaalityöntekijät, aikuiset 30–64 (käyttöaste 95\u00A0%), nyt Neuvonta ja "
          "vireilletulo (sosiaaliohjaajat) (käyttöaste 85\u00A0%).");
    // The target model makes the battery assessment mandatory on every route, where
    // the current model had no mandatory checkpoint.
    CHECK(contains(sentences,
                   "Jokainen reitti kulkee nyt pakollisten tarkistuspisteiden kautta. Ennen pakollisia "
                   "tarkistuspisteitä ei ollut."));
    CHECK(contains(sentences, "Pakollisiksi merkityt tarkistuspisteet: Alkuarvio"));
  }
  SECTION("Swedish uses the Swedish role labels") {
    auto sentences = narrative(c, 1, Lang::sv);
    REQUIRE(!sentences.empty());
    CHECK(sentences[0] ==
          "Flaskhalsen flyttade: förut Socialarbetare, vuxna 30–64 (beläggning 95\u00A0%), nu Rådgivning och "
          "anhängiggörande (socialhandledare) (beläggning 85\u00A0%).");
  }
}

TEST_CASE("The narrative of the bundled team split says the bottleneck stays and its wait shortens", "[present]") {
  Process two = load_bundled("aikuissosiaalityo-kaksi-tiimia.dot");
  Process one = load_bundled("aikuissosiaalityo-yksi-tiimi.dot");
  Comparison c = compare_processes({&two, &one});
  auto sentences = narrative(c, 1, Lang::fi);
  REQUIRE(!sentences.empty());
  CHECK(sentences[0].rfind("Pullonkaula on edelleen Sosiaalityöntekijät, aikuissosiaalityö 18–64", 0) == 0);
  CHECK(contains(sentences, "Odotus käyntiä kohden lyheni eniten: Sosiaalityöntekijät, aikuissosiaalityö 18–64: "));
}

TEST_CASE("The narrative names the route that skips a mandatory checkpoint", "[present]") {
  // in -> arvio -> out, and in -> out past the mandatory checkpoint.
  Process plain = test::load_model(R"dot(digraph r {
    subgraph cluster_so { role=so; fte=2; arvio [kind=checkpoint, effort="1h"]; }
    in [kind=start, arrivals="4/week"]; out [kind=end];
    in -> arvio -> out;
  })dot");
  Process skipped = test::load_model(R"dot(digraph r {
    subgraph cluster_so { role=so; fte=2; arvio [kind=checkpoint, effort="1h", mandatory=true]; }
    in [kind=start, arrivals="4/week"]; out [kind=end];
    in -> arvio -> out; in -> out [label="ohi"];
  })dot");
  Comparison c = compare_processes({&plain, &skipped});
  CHECK(contains(narrative(c, 1, Lang::en), "Not every route passes the mandatory checkpoints: in → out."));
}
