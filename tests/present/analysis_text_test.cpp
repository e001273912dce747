// The analysis as text: the summary and the roles table, in each language.
#include "present/analysis_text.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "flow/analysis.h"
#include "support.h"

using namespace sujuva;

namespace {

// One role, one step: M/M/1 with λ = 2 clients a week and E[S] = 8 h, one FTE of 40 h a week.
// μ = 40 h / 8 h = 5 a week; utilisation = λ·E[S]/c = 2 · 8 h / 40 h = 40 %;
// demand = 16 h/wk; Wq = ρ/(μ − λ) = 0.4/3 = 0.133 weeks = 0.67 working days (40 h / 8 h = 5 a
// week); Lq = λ·Wq = 0.27; lead time W = 1/(μ − λ) = 0.33 weeks = 1.67 working days, all of it at
// this one role.
const char* kOneRole = R"dot(digraph yksi {
  hours_per_fte=40; hours_per_day=8; label="Yksi rooli"; label_sv="En roll"; label_en="One role";
  in [kind=start, arrivals="2/week"];
  subgraph cluster_r { role=r; fte=1; label="Ohjaaja"; label_sv="Handledare"; label_en="Counsellor";
    work [effort="exp(8h)", label="Työ", label_sv="Arbete", label_en="Work"]; }
  out [kind=end];
  in -> work -> out;
})dot";

std::vector<std::string> lines(Lang lang) {
  Process p = test::load_model(kOneRole);
  AnalysisOptions options;
  options.lang = lang;
  std::ostringstream out;
  print_analysis(analyze(p, options), p, lang, out);
  INFO(out.str());
  std::vector<std::string> result;
  std::istringstream split(out.str());
  for (std::string line; std::getline(split, line);) result.push_back(line);
  return result;
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

TEST_CASE("The analysis text in Finnish shows M/M/1 figures with decimal commas", "[present]") {
  auto text = lines(Lang::fi);
  REQUIRE(text.size() > 2);
  CHECK(text[0] == "Yksi rooli (t)");  // a model is named by its file, t.dot for an inline one
  CHECK(text[1] == "Asiakkaita saapuu 2,0 viikossa. Läpimenoaika keskimäärin 1,7 työpäivää.");
  // Padded to the widest cell of each column, one space apart; a no-break space is one column.
  CHECK(has(text,
            "  rooli   htv kapasiteetti h/vk kysyntä h/vk käyttöaste odotus jonossa asiakkaista läpimenoajasta"));
  CHECK(has(text,
            "  Ohjaaja 1,0              40,0         16,0       40\u00A0% 0,7 tp     0,3       100\u00A0%          100\u00A0%"));
}

TEST_CASE("The analysis text in Swedish shows the same figures", "[present]") {
  auto text = lines(Lang::sv);
  REQUIRE(text.size() > 2);
  CHECK(text[0] == "En roll (t)");
  CHECK(text[1] == "2,0 klienter kommer per vecka. Genomloppstid i genomsnitt 1,7 arbetsdagar.");
  CHECK(has(text,
            // "beläggningsgrad" is 15 wide: "40 %" gets 11 spaces before it.
            "  Handledare       1,0          40,0            16,0            40\u00A0% 0,7 arbetsd.  0,3         "
            "100\u00A0%            100\u00A0%"));
}

TEST_CASE("The analysis text in English uses decimal points and no space before per cent", "[present]") {
  auto text = lines(Lang::en);
  REQUIRE(text.size() > 2);
  CHECK(text[0] == "One role (t)");
  CHECK(text[1] == "2.0 clients arrive a week. Mean lead time 1.7 working days.");
  CHECK(has(text,
            "  Counsellor 1.0          40.0        16.0         40% 0.7 wd   0.3       100%         100%"));
}

TEST_CASE("The saturation sentence does not depend on whether the role's name is singular or plural",
          "[present]") {
  // μ = 5 clients a week (40 h / 8 h), so utilisation reaches 100 % at λ = 5, 2.5 × today's 2.
  CHECK(has(lines(Lang::fi), "  Ohjaaja: käyttöaste nousee 100\u00A0%:iin, kun asiakkaita saapuu 5,0 viikossa (2,50 × nykyinen)."));
  CHECK(has(lines(Lang::sv), "  Handledare: beläggningen når 100\u00A0% när 5,0 klienter kommer per vecka (2,50 × i dag)."));
}
