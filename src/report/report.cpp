// The report of one model: its sections in order, written as HTML or Markdown.
#include "report/report.h"

#include "model/label_text.h"
#include "report/markdown.h"
#include "report/sections.h"
#include "text/format.h"

namespace sujuva {

namespace report {

namespace {

Section diagram_section(const Context& ctx) {
  Section s{"process-diagram", say(ctx.lang, "Prosessikaavio", "Processdiagram", "Process diagram"), {}};
  Block figure;
  figure.kind = Block::Kind::figure;
  figure.css_class = "diagram";
  figure.svg = "<div class=\"diagram\">" + inline_svg(ctx.in.diagram_svg) + "</div>";
  figure.markdown =
      "![" + escape_markdown(say(ctx.lang, "Prosessikaavio", "Processdiagram", "Process diagram")) + "](diagram.svg)";
  figure.text = say(ctx.lang,
                     "Kaistat ovat rooleja; väri kertoo roolin käyttöasteen, viivan paksuus asiakasmäärän viikossa. "
                     "Siniset kuusikulmiot ovat erityisen tuen tarpeen arviointipisteitä, punainen katkoviiva "
                     "reitti, jolla palvelu rikkoo sääntöä, oranssi pisteviiva virhe mallissa.",
                     "Banorna är roller; färgen visar rollens beläggning, linjens tjocklek antalet klienter per "
                     "vecka. Blå sexhörningar är punkter för bedömning av behov av särskilt stöd, röd streckad "
                     "linje en väg där tjänsten bryter mot en regel, orange prickad linje ett fel i modellen.",
                     "Lanes are roles; colour shows the role's utilisation, line width the clients per week. Blue "
                     "hexagons are special support assessment points; a red dashed line is a route on which "
                     "the service breaks a rule, an orange dotted line an error in the model.");
  s.blocks.push_back(figure);
  Block links;
  links.kind = Block::Kind::links;
  links.links = {
      {"diagram.svg",
       say(ctx.lang, "Kaavio täysikokoisena (SVG)", "Diagrammet i full storlek (SVG)", "Full-size diagram (SVG)")},
      {"diagram.png", say(ctx.lang, "Kaavio kuvana (PNG)", "Diagrammet som bild (PNG)", "Diagram as image (PNG)")},
      {"poster.pdf", say(ctx.lang, "Juliste A3 (PDF)", "Affisch A3 (PDF)", "Poster A3 (PDF)")},
      {"analysis.json", say(ctx.lang, "Analyysi (JSON)", "Analys (JSON)", "Analysis (JSON)")}};
  s.blocks.push_back(links);
  return s;
}

// A section whose body another part wrote (the comparison, the simulation).
Section raw_section(const char* id, const char* heading, const std::string& html, const std::string& markdown) {
  Section s{id, heading, {}};
  Block b;
  b.kind = Block::Kind::raw;
  b.svg = html;
  b.markdown = markdown;
  s.blocks.push_back(b);
  return s;
}

Document build(const Context& ctx) {
  Document d;
  d.lang = lang_code(ctx.lang);
  d.title = one_line(ctx.p.title.in(ctx.lang, ctx.p.name));
  d.subtitle = std::string(say(ctx.lang, "Prosessin sujuvuusraportti", "Rapport om processens smidighet",
                                "Process smoothness report")) +
               " · " + ctx.p.file;
  d.sections.push_back(summary_section(ctx));
  d.sections.push_back(diagram_section(ctx));
  if (!ctx.in.comparison_html.empty())
    d.sections.push_back(raw_section("comparison",
                                     say(ctx.lang, "Ennen ja jälkeen", "Före och efter", "Before and after"),
                                     ctx.in.comparison_html, ctx.in.comparison_markdown));
  if (ctx.a) d.sections.push_back(roles_section(ctx));
  d.sections.push_back(checkpoints_section(ctx));
  d.sections.push_back(findings_section(ctx));
  if (ctx.a && !ctx.a->sensitivity.empty()) d.sections.push_back(sensitivity_section(ctx));
  if (ctx.a) d.sections.push_back(charts_section(ctx));
  if (ctx.a) d.sections.push_back(steps_section(ctx));
  if (!ctx.in.simulation_html.empty())
    d.sections.push_back(raw_section("simulation", say(ctx.lang, "Simulointi", "Simulering", "Simulation"),
                                     ctx.in.simulation_html, ctx.in.simulation_markdown));
  d.sections.push_back(assumptions_section(ctx));
  d.footer = std::string(say(ctx.lang, "Tuottanut sujuva", "Framtagen med sujuva", "Made with sujuva")) + " " +
             SUJUVA_VERSION + " · " + say(ctx.lang, "malli", "modell", "model") + " " + ctx.p.file + " · " +
             say(ctx.lang, "luvut ovat mallin laskemia arvioita, eivät mittauksia",
                  "siffrorna är modellens uppskattningar, inte mätningar",
                  "figures are the model's estimates, not measurements");
  return d;
}

}  // namespace

}  // namespace report

std::string report_html(const ReportInputs& inputs, Lang lang) {
  return report::to_html(report::build({inputs, *inputs.process, inputs.analysis, lang}));
}

std::string report_markdown(const ReportInputs& inputs, Lang lang) {
  return report::to_markdown(report::build({inputs, *inputs.process, inputs.analysis, lang}));
}

}  // namespace sujuva
