// The diagram's title and key, drawn as the graph's HTML-like label.
#include <algorithm>
#include <sstream>

#include "model/label_text.h"
#include "render/diagram_internal.h"
#include "text/format.h"

namespace sujuva::diagram {

namespace {

constexpr const char* kRow =
    "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\"><TR>";
constexpr const char* kEndRow = "</TR></TABLE></TD></TR>";

// The colour bins of the heat map, labelled.
void heat_row(const Context& c, std::ostringstream& t) {
  t << kRow << "<TD ALIGN=\"RIGHT\"><B>" << escape_html(c.scale.title) << ":</B></TD>";
  for (int b = 0; b < c.scale.size(); ++b)
    t << "<TD BGCOLOR=\"" << c.scale.fill(b) << "\" BORDER=\"1\" COLOR=\"#969696\"><FONT COLOR=\"" << c.scale.ink(b)
      << "\">" << escape_html(c.scale.labels[b]) << "</FONT></TD>";
  t << kEndRow;
}

// "ei pullonkaulaa; kuormittunein: Koulukuraattorit 74 %": the key says plainly that no role is
// marked, and names the busiest, so that a diagram without a mark is not read as one without work.
std::string no_bottleneck_key(const Context& c, RoleIndex busiest) {
  const Lang lang = c.options.lang;
  const Role& role = c.process.roles[busiest];
  std::string text = std::string(say(lang, "ei pullonkaulaa; kuormittunein: ", "ingen flaskhals; mest belastad: ",
                                     "no bottleneck; busiest: ")) +
                     one_line(role.label.in(lang, role.id));
  const auto& u = c.figures->roles[busiest].utilisation;
  if (u) text += " " + format_percent(*u, lang);
  return text;
}

// The two kinds of check finding, each only when the drawing shows one: the service breaks a
// rule (red dashes) and the model has an error (orange dots).
void finding_keys(const Context& c, std::ostringstream& t) {
  const Lang lang = c.options.lang;
  if (c.service_routes)
    t << "<TD><FONT COLOR=\"" << kFindingRed << "\">- - - "
      << say(lang, "palvelu rikkoo sääntöä", "tjänsten bryter mot en regel", "the service breaks a rule")
      << "</FONT></TD>";
  if (c.model_routes)
    t << "<TD><FONT COLOR=\"" << kModelProblem << "\">· · · "
      << say(lang, "virhe mallissa", "fel i modellen", "error in the model") << "</FONT></TD>";
}

// What the badges, dashes, diamonds and line widths mean.
void key_row(const Context& c, std::ostringstream& t) {
  const Lang lang = c.options.lang;
  t << kRow << "<TD ALIGN=\"RIGHT\"><B>" << say(lang, "Merkit", "Tecken", "Key") << ":</B></TD>";
  t << "<TD BGCOLOR=\"" << kCheckpointBlue << "\"><FONT COLOR=\"#ffffff\">" << escape_html(c.words.badge("special"))
    << "</FONT></TD>";
  t << "<TD BORDER=\"1\" STYLE=\"dashed\" COLOR=\"#737373\">"
    << say(lang, "muu työ (ei asiakasvirtaa)", "annat arbete (ej klientflöde)", "other work (no client flow)")
    << "</TD>";
  t << "<TD>◇ " << say(lang, "ohjautuminen", "vägval", "routing") << "</TD>";
  if (c.findings) finding_keys(c, t);
  if (c.figures && !c.figures->route_flow.empty())
    t << "<TD>"
      << say(lang, "viivan paksuus = asiakkaita viikossa", "linjens tjocklek = klienter per vecka",
              "line width = clients per week")
      << "</TD>";
  if (c.figures && std::any_of(c.figures->roles.begin(), c.figures->roles.end(), [](auto& r) { return r.bottleneck; }))
    t << "<TD BORDER=\"2\" COLOR=\"" << kBottleneckRed << "\"><FONT COLOR=\"" << kBottleneckRed << "\"><B>"
      << c.words.bottleneck() << "</B></FONT></TD>";
  else if (c.figures && c.figures->busiest)
    t << "<TD BORDER=\"1\" COLOR=\"#969696\">" << escape_html(no_bottleneck_key(c, *c.figures->busiest)) << "</TD>";
  t << kEndRow;
}

}  // namespace

// Each legend row is its own table so that the colour bins and the key do not share column widths.
std::string legend(const Context& c) {
  std::ostringstream t;
  const Process& p = c.process;
  t << "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">";
  t << "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"" << (c.options.poster ? 36 : 18) << "\"><B>"
    << escape_html(c.title.empty() ? one_line(p.title.in(c.options.lang, p.name)) : c.title)
    << "</B></FONT></TD></TR>";
  if (c.figures && c.options.color != ColorBy::none) heat_row(c, t);
  key_row(c, t);
  t << c.extra_rows;
  t << "</TABLE>";
  return t.str();
}

std::string legend_row(const std::string& heading, const std::string& cells) {
  return std::string(kRow) + "<TD ALIGN=\"RIGHT\"><B>" + escape_html(heading) + ":</B></TD>" + cells + kEndRow;
}

}  // namespace sujuva::diagram
