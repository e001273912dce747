// The report's findings: the summary opens with the rules the service breaks, and they are not
// called errors in the model.
#include <catch2/catch.hpp>

#include "check/check.h"
#include "flow/analysis.h"
#include "report/report.h"
#include "support.h"

using namespace sujuva;

namespace {
struct Fixture {
  Process process;
  Analysis analysis;
  ReportInputs in;
  Fixture(const std::string& text, Lang lang) : process(test::load_model(text)) {
    AnalysisOptions options;
    options.lang = lang;
    analysis = analyze(process, options);
    in.process = &process;
    in.analysis = &analysis;
    in.findings = check_process(process, lang);
  }
};

// kBilingual: of the clients "arvio" assesses as special, "siirto" sends half to the social
// worker's "tyo" and half to "ohjaus" (two routes without p share 1 equally), and no other route
// of theirs passes a step of "sw". So 1 − 1/2 = 50 % never meet the social worker.
const char* const kShareFi =
    "Palvelu rikkoo sääntöä: 50\u00A0% niistä, jotka vaiheessa \"Palvelutarpeen arviointi\" arvioidaan erityisen "
    "tuen tarpeessa oleviksi, ei koskaan tapaa vaadittua ammattilaista (Sosiaalityöntekijä). Peruste: "
    "sosiaalihuoltolaki 42 §: asiakkaan, jolla on erityisen tuen tarve, omatyöntekijä on sosiaalityöntekijä.";
}  // namespace

TEST_CASE("The summary opens with the rules the service breaks, the share affected and the basis", "[report]") {
  SECTION("Finnish") {
    Fixture f(test::kBilingual, Lang::fi);
    auto sentences = summary_sentences(f.in, Lang::fi);
    REQUIRE(sentences.size() >= 3);
    // Findings in check's order (line 3 both; "tarkistuspiste " sorts before "tarkistuspisteessä").
    CHECK(sentences[0] ==
          "Palvelu rikkoo sääntöä: tarkistuspiste \"arvio\" (Palvelutarpeen arviointi) on pakollinen, mutta "
          "asiakkaat voivat päästä loppuun kulkematta sen kautta.");
    CHECK(sentences[1] == kShareFi);
    CHECK(sentences[2] == "Reitit, joita pitkin näin käy, on merkitty kaavioon punaisella katkoviivalla.");
    // The model itself has no error, so the check's sentence says so, and no sentence counts the
    // service's findings as the model's errors.
    CHECK(sentences.back() == "Mallin tarkistus ei löytänyt virheitä.");
    for (const auto& s : sentences) CHECK(s.find("löysi") == std::string::npos);
  }
  SECTION("Swedish and English") {
    // In Swedish "klienter ..." sorts before "kontrollpunkten ...": the share comes first.
    Fixture sv(test::kBilingual, Lang::sv);
    CHECK(summary_sentences(sv.in, Lang::sv)[0] ==
          "Tjänsten bryter mot en regel: 50\u00A0% av dem som vid \"Bedömning av servicebehov\" bedöms vara i behov "
          "av särskilt stöd träffar aldrig den yrkesperson som krävs (Socialarbetare). Grund: socialvårdslagen 42 §: "
          "en klient med behov av särskilt stöd har en socialarbetare som egen kontaktperson.");
    Fixture en(test::kBilingual, Lang::en);
    // No English labels in the model: the Finnish ones are shown, as everywhere.
    CHECK(summary_sentences(en.in, Lang::en)[1] ==
          "The service breaks a rule: 50% of those assessed at \"Palvelutarpeen arviointi\" as needing special "
          "support never meet the required professional (Sosiaalityöntekijä). Basis: Social Welfare Act s. 42: a "
          "client in need of special support has a social worker as named worker.");
  }
  SECTION("an error in the model is still counted as one, after the service") {
    std::string broken = test::kBilingual;  // a dead end at "umpikuja", reached from "neuvonta"
    broken.replace(broken.find("neuvonta -> out;"), 16, "neuvonta -> out [p=0.5]; neuvonta -> umpikuja;");
    broken.replace(broken.find("tyo [effort=\"2h\"];"), 18, "tyo [effort=\"2h\"]; umpikuja [effort=\"1h\"];");
    Process p = test::load_model(broken);
    ReportInputs in;
    in.process = &p;
    in.analysis_error = "umpikuja";
    in.findings = check_process(p, Lang::fi);
    auto sentences = summary_sentences(in, Lang::fi);
    CHECK_THAT(sentences.front(), Catch::StartsWith("Palvelu rikkoo sääntöä: "));
    CHECK(sentences.back() == "Mallin tarkistus löysi 1 virheen mallista; ks. tarkistuksen löydökset.");
  }
}

TEST_CASE("The report lists the service's broken rules apart from the model's errors, not as errors", "[report]") {
  Fixture f(test::kBilingual, Lang::fi);
  const std::string html = report_html(f.in, Lang::fi);
  CHECK_THAT(html, Catch::Contains("<h2>Tarkistuksen löydökset</h2>"));
  CHECK_THAT(html, Catch::Contains("<p>Palvelu rikkoo sääntöä</p>"));
  CHECK(html.find("Mallissa on virheitä") == std::string::npos);
  CHECK(html.find("VIRHE") == std::string::npos);
  CHECK(html.find("Mallin tarkistus löysi") == std::string::npos);
}
