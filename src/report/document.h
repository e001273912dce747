// A report as plain data (sections of paragraphs, tables, figures) that the HTML and Markdown writers print.
//
//   Block b;
//   b.kind = Block::Kind::table;
//   b.table.header = {"Rooli", "Käyttöaste"};
//   b.table.align = {Align::left, Align::right};
//   b.table.add_row({"Ohjaaja", "93 %"});
//   b.shades[{0, 1}] = {"#fc4e2a", "#ffffff"};   // row 0, column 1 in its heat colour
//   document.sections.push_back({"roles", "Roolit", {b}});
//   std::string html = to_html(document), markdown = to_markdown(document);
//
// Text fields hold plain user text, escaped only by the writers; `svg` holds
// markup that sujuva generated itself (charts, Graphviz output), inlined as is.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "present/table.h"

namespace sujuva::report {

// A cell's background colour and the colour of its text on it, e.g. a utilisation's heat.
struct Shade {
  std::string fill;  // "#rrggbb"
  std::string ink;   // "" to keep the text colour
};

// The shaded cells of a table, by row and column.
using Shades = std::map<std::pair<std::size_t, std::size_t>, Shade>;

struct Link {
  std::string href;  // a file beside index.html
  std::string text;
};

struct Block {
  enum class Kind { paragraph, list, table, figure, links, preformatted, raw };
  Kind kind = Kind::paragraph;
  std::string text;                // paragraph, preformatted; figure caption
  std::vector<std::string> items;  // list
  Table table;                     // right-aligned columns are numbers
  Shades shades;
  std::string svg;       // figure (trusted markup); raw: HTML fragment
  std::string markdown;  // figure: what Markdown shows instead; raw: Markdown fragment
  std::vector<Link> links;
  std::string css_class;
};

struct Section {
  std::string id;
  std::string heading;
  std::vector<Block> blocks;
};

struct Document {
  std::string lang;  // "fi", "sv", "en"
  std::string title;
  std::string subtitle;
  std::vector<Section> sections;
  std::string footer;
};

std::string to_html(const Document& document);
std::string to_markdown(const Document& document);
// One table, for sections built outside the Document (e.g. the simulation). Right-aligned
// columns are numbers: class "number" in HTML, "---:" in Markdown.
std::string to_html(const Table& table, const Shades& shades = {});
std::string to_markdown(const Table& table);

// The SVG element of Graphviz output for a figure, without the XML prolog, DOCTYPE and
// comments before it, and with width/height left to the stylesheet.
std::string inline_svg(std::string_view svg);

}  // namespace sujuva::report
