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

TEST_CASE("A label too long for its room keeps its beginning and its last word around an ellipsis", "[present]") {
  // 42 code points into 35: the end gets up to (35 − 1) / 3 = 11, "uiset 18–29", which starts
  // inside a word, so only its whole word "18–29" stays (5 + its space); the beginning gets
  // 35 − 1 − 6 = 28, "Sosiaalityöntekijät, nuoret ", kept to its whole words, then " …".
  CHECK(shorten("Sosiaalityöntekijät, nuoret aikuiset 18–29", 35) == "Sosiaalityöntekijät, nuoret … 18–29");
  CHECK(display_width(shorten("Sosiaalityöntekijät, nuoret aikuiset 18–29", 35)) == 35);
  // Without a word start in the last third ("aajat)"), the beginning takes all 19 columns; going
  // back to the space after "ja" would keep 11 of them, less than two thirds, so the word is cut.
  CHECK(shorten("Neuvonta ja vireilletulo (sosiaaliohjaajat)", 20) == "Neuvonta ja vireill…");
  CHECK(shorten("lyhyt", 5) == "lyhyt");
  CHECK(shorten("abcdef", 1) == "…");
  for (size_t width = 1; width < 44; ++width)
    CHECK(display_width(shorten("Neuvonta ja vireilletulo (sosiaaliohjaajat)", width)) <= width);
}

TEST_CASE("A table wider than its line shortens its label columns, never its numbers", "[present]") {
  Table t;
  t.header = {"vaihe", "käynnit"};
  t.add_row({"Palvelutarpeen arviointi (sosiaaliohjaaja)", "12,50"});
  // Line: 2 indent + label + 2 gap + 7 ("käynnit") = 30, so the label gets 19 columns; the room
  // for its end (6) starts inside "(sosiaaliohjaaja)", so its beginning keeps the whole word
  // "Palvelutarpeen" (14 of 18, over two thirds) and " …".
  std::string text = table_text(t, {.indent = "  ", .gap = "  ", .width = 30});
  CHECK(text == "  vaihe                käynnit\n"
                "  Palvelutarpeen …       12,50\n");
  // Never below kMinLabelWidth: the line is then as wide as it has to be.
  std::string narrow = table_text(t, {.indent = "", .gap = " ", .width = 10});
  CHECK(narrow.substr(0, narrow.find('\n')) == "vaihe        käynnit");
}

TEST_CASE("A header cell of several lines stands over its column, its last line on the header's last line",
          "[present]") {
  Table t;
  t.header = {"rooli", "kapasiteetti\nh/vk"};
  t.add_row({"sosiaalityöntekijä", "106,0"});
  CHECK(table_text(t, {.indent = "", .gap = " "}) == "                   kapasiteetti\n"
                                                      "rooli                      h/vk\n"
                                                      "sosiaalityöntekijä        106,0\n");
}

TEST_CASE("A span row is a heading across the table and does not widen the first column", "[present]") {
  Table t;
  t.header = {"vaihe", "h"};
  t.add_span("Sosiaalityöntekijät, aikuiset 30–64");
  t.add_row({"  Arviointi", "2"});
  CHECK(table_text(t, {.indent = "", .gap = " "}) == "vaihe       h\n"
                                                      "Sosiaalityöntekijät, aikuiset 30–64\n"
                                                      "  Arviointi 2\n");
}

TEST_CASE("Prose wraps at spaces within the width, later lines under the given indent", "[present]") {
  // "  1. " + 4 words of 5 = 5 + 5·4 + 3 spaces = 28 > 20: the line breaks before the 3rd word
  // (5 + 5 + 1 + 5 = 16; one more is 22).
  CHECK(wrap_text("aaaaa bbbbb ccccc ddddd", 20, "  1. ", "     ") == "  1. aaaaa bbbbb\n     ccccc ddddd\n");
  CHECK(wrap_text("aaaaa bbbbb", 0, "  ", "    ") == "  aaaaa bbbbb\n");
  // A word longer than the line stays whole on a line of its own.
  CHECK(wrap_text("a bbbbbbbbbbbbbbbbbbbbbbbb c", 10, "", "") == "a\nbbbbbbbbbbbbbbbbbbbbbbbb\nc\n");
}
