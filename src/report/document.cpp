#include "report/document.h"

#include <sstream>

#include "report/markdown.h"
#include "report/report.h"
#include "text/format.h"

namespace sujuva::report {

namespace {

// Offline and inert: no script runs and nothing is fetched; inline styles only.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

constexpr const char* kStyle = R"(
:root { --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --band: #f5f5f5; --accent: #08519c; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, Helvetica, sans-serif; color: var(--ink); margin: 0;
  line-height: 1.45; font-size: 15px; }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; border-bottom: 3px solid var(--accent); }
h1 { font-size: 26px; margin: 0 0 4px; }
.subtitle { color: var(--muted); margin: 0 0 14px; }
nav { margin: 10px 0 0; font-size: 13px; }
nav a { margin-right: 14px; color: var(--accent); }
h2 { font-size: 20px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
section.summary p { font-size: 17px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 13px; }
th, td { border: 1px solid var(--rule); padding: 5px 7px; text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: bold; }
td.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
figure { margin: 10px 0 18px; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
.diagram { overflow-x: auto; border: 1px solid var(--rule); padding: 6px; background: #fff; }
.diagram svg { width: 100%; height: auto; min-width: 900px; }
svg.chart { max-width: 100%; height: auto; }
pre { white-space: pre-wrap; background: var(--band); padding: 10px; font-size: 12px; border: 1px solid var(--rule); }
ul.findings li { margin-bottom: 6px; }
.side-by-side { display: flex; gap: 12px; align-items: flex-start; }
.side-by-side figure { flex: 1 1 0; min-width: 0; margin: 0; }
.side-by-side .diagram svg { min-width: 0; }
.links a { margin-right: 16px; color: var(--accent); }
footer { color: var(--muted); font-size: 12px; padding: 24px 20px 40px; }
@page { size: A4; margin: 14mm; }
@page wide { size: A4 landscape; margin: 10mm; }
@media print {
  body { font-size: 10pt; }
  header, main, footer { max-width: none; padding: 0; }
  nav, .links { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, figure, svg.chart { break-inside: avoid; page-break-inside: avoid; }
  section.process-diagram { page: wide; break-before: page; }
  .diagram { overflow: visible; border: none; padding: 0; }
  .diagram svg { min-width: 0; max-height: 170mm; }
  table { font-size: 8.5pt; }
  a { color: inherit; text-decoration: none; }
}
)";

void html_table(std::ostringstream& out, const Table& t, const Shades& shades) {
  out << "<table>\n<thead><tr>";
  for (const auto& h : t.header) out << "<th scope=\"col\">" << escape_html(h) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (std::size_t row = 0; row < t.rows(); ++row) {
    out << "<tr>";
    for (std::size_t column = 0; column < t.cells_in(row); ++column) {
      out << "<td";
      if (t.alignment(column) == Align::right) out << " class=\"number\"";
      auto shade = shades.find({row, column});
      if (shade != shades.end() && !shade->second.fill.empty()) {
        const Shade& s = shade->second;
        out << " style=\"background:" << escape_html(s.fill) << (s.ink.empty() ? "" : ";color:" + escape_html(s.ink))
            << "\"";
      }
      out << ">" << escape_html(t.at(row, column)) << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

void html_block(std::ostringstream& out, const Block& b) {
  switch (b.kind) {
    case Block::Kind::paragraph:
      out << "<p>" << escape_html(b.text) << "</p>\n";
      break;
    case Block::Kind::list:
      out << "<ul" << (b.css_class.empty() ? "" : " class=\"" + escape_html(b.css_class) + "\"") << ">\n";
      for (const auto& item : b.items) out << "<li>" << escape_html(item) << "</li>\n";
      out << "</ul>\n";
      break;
    case Block::Kind::table:
      html_table(out, b.table, b.shades);
      break;
    case Block::Kind::figure:
      out << "<figure" << (b.css_class.empty() ? "" : " class=\"" + escape_html(b.css_class) + "\"") << ">\n"
          << b.svg << "\n";
      if (!b.text.empty()) out << "<figcaption>" << escape_html(b.text) << "</figcaption>\n";
      out << "</figure>\n";
      break;
    case Block::Kind::links:
      out << "<p class=\"links\">";
      for (const auto& l : b.links)
        out << "<a href=\"" << escape_html(l.href) << "\">" << escape_html(l.text) << "</a>";
      out << "</p>\n";
      break;
    case Block::Kind::preformatted:
      out << "<pre>" << escape_html(b.text) << "</pre>\n";
      break;
    case Block::Kind::raw:
      out << b.svg << "\n";
      break;
  }
}

void markdown_block(std::ostringstream& out, const Block& b) {
  switch (b.kind) {
    case Block::Kind::paragraph:
      out << escape_markdown(b.text) << "\n\n";
      break;
    case Block::Kind::list:
      for (const auto& item : b.items) out << "- " << escape_markdown(item) << "\n";
      out << "\n";
      break;
    case Block::Kind::table: {
      const Table& t = b.table;
      out << "|";
      for (const auto& h : t.header) out << " " << escape_markdown(h) << " |";
      out << "\n|";
      // A table without rows shows every column left-aligned.
      for (std::size_t i = 0; i < t.header.size(); ++i)
        out << ((t.rows() > 0 && i < t.cells_in(0) && t.alignment(i) == Align::right) ? "---:|" : "---|");
      out << "\n";
      for (std::size_t row = 0; row < t.rows(); ++row) {
        out << "|";
        for (std::size_t column = 0; column < t.cells_in(row); ++column)
          out << " " << escape_markdown(t.at(row, column)) << " |";
        out << "\n";
      }
      out << "\n";
      break;
    }
    case Block::Kind::figure:
      if (!b.markdown.empty()) out << b.markdown << "\n\n";
      if (!b.text.empty()) out << "*" << escape_markdown(b.text) << "*\n\n";
      break;
    case Block::Kind::links:
      for (const auto& l : b.links) out << "- [" << escape_markdown(l.text) << "](" << l.href << ")\n";
      out << "\n";
      break;
    case Block::Kind::preformatted: {
      // A fence longer than any run of backticks in the text keeps it literal.
      std::size_t longest = 0, run = 0;
      for (char c : b.text) longest = std::max(longest, run = c == '`' ? run + 1 : 0);
      std::string fence(std::max<std::size_t>(3, longest + 1), '`');
      out << fence << "text\n" << b.text << (b.text.empty() || b.text.back() != '\n' ? "\n" : "") << fence << "\n\n";
      break;
    }
    case Block::Kind::raw:
      out << b.markdown << "\n\n";
      break;
  }
}

}  // namespace

std::string to_html(const Table& table, const Shades& shades) {
  std::ostringstream out;
  html_table(out, table, shades);
  return out.str();
}

std::string to_markdown(const Table& table) {
  std::ostringstream out;
  Block b;
  b.kind = Block::Kind::table;
  b.table = table;
  markdown_block(out, b);
  return out.str();
}

std::string to_html(const Document& d) {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"" << escape_html(d.lang) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"" << kContentSecurityPolicy << "\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << escape_html(d.title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
  out << "<header>\n<h1>" << escape_html(d.title) << "</h1>\n";
  if (!d.subtitle.empty()) out << "<p class=\"subtitle\">" << escape_html(d.subtitle) << "</p>\n";
  out << "<nav>";
  for (const auto& s : d.sections)
    out << "<a href=\"#" << escape_html(s.id) << "\">" << escape_html(s.heading) << "</a>";
  out << "</nav>\n</header>\n<main>\n";
  for (const auto& s : d.sections) {
    out << "<section id=\"" << escape_html(s.id) << "\" class=\"" << escape_html(s.id) << "\">\n<h2>"
        << escape_html(s.heading) << "</h2>\n";
    for (const auto& b : s.blocks) html_block(out, b);
    out << "</section>\n";
  }
  out << "</main>\n<footer>" << escape_html(d.footer) << "</footer>\n</body>\n</html>\n";
  return out.str();
}

std::string to_markdown(const Document& d) {
  std::ostringstream out;
  out << "# " << escape_markdown(d.title) << "\n\n";
  if (!d.subtitle.empty()) out << escape_markdown(d.subtitle) << "\n\n";
  for (const auto& s : d.sections) {
    out << "## " << escape_markdown(s.heading) << "\n\n";
    for (const auto& b : s.blocks) markdown_block(out, b);
  }
  out << "---\n\n" << escape_markdown(d.footer) << "\n";
  return out.str();
}

std::string inline_svg(std::string_view svg) {
  auto start = svg.find("<svg");
  if (start == std::string_view::npos) return {};
  std::string out(svg.substr(start));
  // Graphviz sets width/height in points; the stylesheet sizes the diagram.
  auto tag_end = out.find('>');
  for (const char* attr : {" width=\"", " height=\""}) {
    auto at = out.find(attr);
    if (at == std::string::npos || at > tag_end) continue;
    auto close = out.find('"', at + std::char_traits<char>::length(attr));
    out.erase(at, close + 1 - at);
    tag_end = out.find('>');
  }
  return out;
}

std::string escape_markdown(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '[' || c == ']' || c == '`') {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace sujuva::report
