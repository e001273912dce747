#include "text/glossary.h"

#include <catch2/catch.hpp>

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
