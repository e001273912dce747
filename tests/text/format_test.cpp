#include "text/format.h"

#include <catch2/catch.hpp>
#include <limits>

using namespace sujuva;

TEST_CASE("Numbers are written the way each language writes them", "[text]") {
  CHECK(format_decimal(3.14159, 1, Lang::fi) == "3,1");
  CHECK(format_decimal(3.14159, 2, Lang::en) == "3.14");
  CHECK(format_decimal(-0.01, 1, Lang::sv) == "0,0");
  CHECK(format_decimal(12345.6, 1, Lang::fi) == "12\u202F345,6");
  CHECK(format_decimal(12345.6, 0, Lang::en) == "12,346");
  CHECK(format_decimal(1234, 0, Lang::en) == "1234");
  CHECK(format_decimal(std::numeric_limits<double>::quiet_NaN(), 1, Lang::fi) == "-");
  CHECK(format_percent(0.974, Lang::fi) == "97\u00A0%");
  CHECK(format_percent(0.974, Lang::en) == "97%");
}

TEST_CASE("User text is escaped for HTML, DOT and CSV", "[text]") {
  CHECK(escape_html("<script>alert('x') & \"y\"</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  CHECK(escape_dot("say \"hi\"\\") == "say \\\"hi\\\"\\\\");
  CHECK(escape_csv("plain", ';') == "plain");
  CHECK(escape_csv("a;b", ';') == "\"a;b\"");
  CHECK(escape_csv("say \"hi\"", ',') == "\"say \"\"hi\"\"\"");
  CHECK(escape_csv("=cmd()", ';') == "\"'=cmd()\"");
  // A signed number stays a number (a spreadsheet reads "'-0,006" as text); other text that
  // starts like a formula is still guarded.
  CHECK(escape_csv("-0,00648505", ';') == "-0,00648505");
  CHECK(escape_csv("-1.5e-07", ',') == "-1.5e-07");
  CHECK(escape_csv("+3", ';') == "+3");
  CHECK(escape_csv("-1+2", ';') == "\"'-1+2\"");
  CHECK(escape_csv("-", ';') == "\"'-\"");
}
