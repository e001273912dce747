// Tests of a label's text on one line and wrapped.
#include "model/label_text.h"

#include <catch2/catch.hpp>

using namespace sujuva;

TEST_CASE("Labels wrap at word boundaries and at the model's \\n", "[model]") {
  CHECK(wrap_label("Palvelutarpeen arviointi (sosiaaliohjaaja)\\n(18–29)", 26) ==
        std::vector<std::string>{"Palvelutarpeen arviointi", "(sosiaaliohjaaja)", "(18–29)"});
  // "Överföring till" is 15 characters but 17 bytes: wrapping counts characters
  CHECK(wrap_label("Överföring till socialarbetare", 15) ==
        std::vector<std::string>{"Överföring till", "socialarbetare"});
  CHECK(wrap_label("", 10) == std::vector<std::string>{""});
}

TEST_CASE("A label on one line has its line escapes and runs of spaces as single spaces", "[model]") {
  CHECK(one_line("Palvelutarpeen\\narviointi") == "Palvelutarpeen arviointi");
  CHECK(one_line("a \\l b\\r\nc  d ") == "a b c d");
  CHECK(one_line("\\n") == "");
  CHECK(one_line("C:\\\\temp") == "C:\\\\temp");  // a backslash not before n, l or r stays
}
