#include "text/glossary.h"

#include <catch2/catch.hpp>

#include "support.h"

using namespace sujuva;

TEST_CASE("Staffing is counted in one word per language", "[text]") {
  CHECK(std::string(fte_term(Lang::fi)) == "htv");
  CHECK(std::string(fte_term(Lang::sv)) == "årsverken");
  CHECK(std::string(fte_term(Lang::en)) == "FTE");
}

TEST_CASE("An amount of staff takes the Swedish singular up to one person-year", "[text]") {
  CHECK(fte_amount(0.5, Lang::fi) == "0,5 htv");
  CHECK(fte_amount(1, Lang::sv) == "1 årsverke");
  CHECK(fte_amount(0.5, Lang::sv) == "0,5 årsverke");
  CHECK(fte_amount(2, Lang::sv) == "2 årsverken");
  CHECK(fte_amount(0.5, Lang::en) == "0.5 FTE");
}

TEST_CASE("The two classes every model knows are named in each language, a model's own as written", "[text]") {
  CHECK(class_term("special", Lang::fi) == "erityinen tuki");
  CHECK(class_term("special", Lang::sv) == "särskilt stöd");
  CHECK(class_term("standard", Lang::sv) == "vanlig");
  CHECK(class_term("standard", Lang::en) == "standard");
  CHECK(class_term("kiireellinen", Lang::sv) == "kiireellinen");
}

TEST_CASE("The two professions of the pilots are named in each language, a model's own as written", "[text]") {
  CHECK(qualification_term("social-worker", Lang::fi) == "sosiaalityöntekijä");
  CHECK(qualification_term("social-worker", Lang::sv) == "socialarbetare");
  CHECK(qualification_term("social-counsellor", Lang::fi) == "sosionomi");
  CHECK(qualification_term("social-counsellor", Lang::sv) == "socionom");
  CHECK(qualification_term("psykologi", Lang::sv) == "psykologi");
}

TEST_CASE("A requirement names its one role by the role's label, several roles by their qualification", "[text]") {
  Process p = test::load_model(R"dot(digraph d {
    in [kind=start, arrivals="1/week"];
    subgraph cluster_a { role=a; fte=1; qualification="social-worker"; label="Aikuiset"; label_sv="Vuxna";
      x [effort="1h"]; }
    subgraph cluster_b { role=b; fte=1; qualification="social-counsellor"; label="Ohjaus";
      y [effort="1h"]; }
    subgraph cluster_c { role=c; fte=1; qualification="social-counsellor"; label="Neuvonta";
      z [effort="1h"]; }
    out [kind=end];
    in -> x -> y -> z -> out;
  })dot");
  CHECK(requirement_term(p, "a", Lang::sv) == "Vuxna");
  CHECK(requirement_term(p, "social-worker", Lang::fi) == "Aikuiset");  // one role has it
  CHECK(requirement_term(p, "social-counsellor", Lang::sv) == "socionom");  // two roles have it
}

TEST_CASE("A model's own word for a class or qualification wins in its language, the built-in one elsewhere",
          "[text]") {
  Terms own;
  own.classes["kriisi"] = Labels{"kriisiasiakas", "krisklient", ""};
  own.classes["special"] = Labels{"erityisen tuen tarve", "", ""};
  own.qualifications["psykologi"] = Labels{"psykologi", "", "psychologist"};
  CHECK(class_term("kriisi", Lang::fi, own) == "kriisiasiakas");
  CHECK(class_term("kriisi", Lang::sv, own) == "krisklient");
  CHECK(class_term("kriisi", Lang::en, own) == "kriisiasiakas");  // no English word: the Finnish one
  CHECK(class_term("special", Lang::fi, own) == "erityisen tuen tarve");
  CHECK(class_term("special", Lang::sv, own) == "särskilt stöd");  // the built-in Swedish, not the Finnish
  CHECK(class_term("muu", Lang::sv, own) == "muu");
  CHECK(qualification_term("psykologi", Lang::en, own) == "psychologist");
  CHECK(qualification_term("psykologi", Lang::sv, own) == "psykologi");
  CHECK(qualification_term("social-worker", Lang::sv, own) == "socialarbetare");
}

TEST_CASE("Utilisation, wait and lead time have one word each per language, capitalised for headings",
          "[text]") {
  CHECK(term(Term::utilisation, Lang::fi) == "käyttöaste");
  CHECK(term(Term::utilisation, Lang::sv) == "beläggningsgrad");
  CHECK(term(Term::wait, Lang::sv, true) == "Väntetid");
  CHECK(term(Term::lead_time, Lang::en, true) == "Lead time");
}
