// A report as plain data (sections of paragraphs, tables, figures) that the HTML and Markdown writers print.
//
// Text fields hold plain user text, escaped only by the writers; `svg` holds
// markup that sujuva generated itself (charts, Graphviz output), inlined as is.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sujuva::report {

struct Cell {
  std::string text;
  std::string fill;  // background colour ("#rrggbb"), "" for none
  std::string ink;   // text colour on the fill
  bool number = false;
};

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
};

struct Link {
  std::string href;  // a file beside index.html
  std::string text;
};

struct Block {
  enum class Kind { paragraph, list, table, figure, links, preformatted, raw };
  Kind kind = Kind::paragraph;
  std::string text;                // paragraph, preformatted; figure caption
  std::vector<std::string> items;  // list
  Table table;
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
// One table, for sections built outside the Document (e.g. the simulation).
std::string to_html(const Table& table);
std::string to_markdown(const Table& table);

// The SVG element of Graphviz output for a figure, without the XML prolog, DOCTYPE and
// comments before it, and with width/height left to the stylesheet.
std::string inline_svg(std::string_view svg);

}  // namespace sujuva::report
