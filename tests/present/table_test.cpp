// The text table: widths in code points, alignment, indent, gap and trimming.
#include "present/table.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace sujuva;

namespace {

// "ä", "–" and "≥" are two and three bytes in UTF-8 but one column each.
Table multibyte_table() {
  Table t;
  t.header = {"rooli", "käyttöaste"};
  t.add_row({"sosiaalityöntekijä", "93 %"});  // 18 code points, 20 bytes
  t.add_row({"ä", "–"});
  t.add_row({"≥ 1", ""});
  return t;
}

}  // namespace

TEST_CASE("A text table counts a multibyte letter as one column", "[present]") {
  // Widths: column 0 = 18 ("sosiaalityöntekijä"), column 1 = 10 ("käyttöaste").
  // "rooli" + 13 spaces; "93 %" after 6 spaces; "ä" + 17 spaces; "–" after 9 spaces; "≥ 1" + 15.
  CHECK(table_text(multibyte_table(), {.indent = "  ", .gap = "  "}) ==
        "  rooli               käyttöaste\n"
        "  sosiaalityöntekijä        93 %\n"
        "  ä                            –\n"
        "  ≥ 1\n");
}

TEST_CASE("A text table keeps the padding at the end of a line when asked not to trim", "[present]") {
  // One space between columns; the empty last cell is still padded to 10 columns.
  CHECK(table_text(multibyte_table(), {.indent = "", .gap = " ", .trim = false}) ==
        "rooli              käyttöaste\n"
        "sosiaalityöntekijä       93 %\n"
        "ä                           –\n"
        "≥ 1                          \n");
}

TEST_CASE("A text table aligns each column as asked", "[present]") {
  Table t;
  t.header = {"#", "nimi", "h"};
  t.align = {Align::right, Align::left};  // the third column keeps the default, right
  t.add_row({"10", "Åsa", "2,5"});
  t.add_row({"9", "Bo", "12,25"});
  CHECK(table_text(t, {.indent = " ", .gap = " "}) ==
        "  # nimi     h\n"
        " 10 Åsa    2,5\n"
        "  9 Bo   12,25\n");
}

TEST_CASE("A text table written to a stream is the same text", "[present]") {
  std::ostringstream out;
  write_table_text(multibyte_table(), {}, out);
  CHECK(out.str() == table_text(multibyte_table(), {}));
  CHECK(out.str().substr(0, out.str().find('\n') + 1) == "rooli               käyttöaste\n");
}

TEST_CASE("A table's cells can be composed in place", "[present]") {
  Table t;
  t.header = {"a", "b"};
  t.cell("x");
  t.text() += "1";
  t.text() += "23";
  t.end_cell();
  t.end_row();
  REQUIRE(t.rows() == 1);
  CHECK(t.cells_in(0) == 2);
  CHECK(t.at(0, 0) == "x");
  CHECK(t.at(0, 1) == "123");
  CHECK(table_text(t, {}) == "a    b\nx  123\n");
}

TEST_CASE("Display width counts code points, not bytes", "[present]") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("ä") == 1);
  CHECK(display_width("–") == 1);
  CHECK(display_width("≥") == 1);
  CHECK(display_width("1\u202F000") == 5);  // narrow no-break space, the fi/sv thousands group
}
