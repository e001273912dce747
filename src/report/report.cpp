#include "report/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "render/diagram.h"
#include "render/durations.h"
#include "render/palette.h"
#include "report/chart.h"
#include "report/document.h"
#include "text/format.h"
#include "model/label_text.h"

namespace sujuva {

namespace detail {

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

}  // namespace detail

std::string model_header_comment(std::string_view source) {
  std::string out;
  std::size_t i = 0;
  while (i < source.size()) {
    while (i < source.size() && std::isspace(static_cast<unsigned char>(source[i]))) ++i;
    if (source.compare(i, 2, "/*") == 0) {
      auto end = source.find("*/", i + 2);
      if (end == std::string_view::npos) break;
      out += std::string(source.substr(i + 2, end - i - 2));
      out += '\n';
      i = end + 2;
    } else if (source.compare(i, 2, "//") == 0 || source.compare(i, 1, "#") == 0) {
      auto end = source.find('\n', i);
      std::size_t skip = source[i] == '#' ? 1 : 2;
      out += std::string(source.substr(i + skip, (end == std::string_view::npos ? source.size() : end) - i - skip));
      out += '\n';
      i = end == std::string_view::npos ? source.size() : end + 1;
    } else {
      break;  // the graph itself begins
    }
  }
  // Without blank lines at either end, trailing spaces, or the indentation all lines share.
  std::vector<std::string> lines;
  std::istringstream split(out);
  for (std::string line; std::getline(split, line);) {
    line.erase(line.find_last_not_of(" \t\r") + 1);
    lines.push_back(line);
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
  std::size_t indent = std::string::npos;
  for (const auto& line : lines)
    if (!line.empty()) indent = std::min(indent, line.find_first_not_of(" \t"));
  std::string text;
  for (const auto& line : lines) text += (text.empty() ? "" : "\n") + (line.empty() ? line : line.substr(indent));
  return text;
}

namespace {

using report::Block;
using report::Cell;
using report::Document;
using report::Section;
using report::Table;

// Label text on one line (the model's "\n" escapes become spaces).
// A role's or step's label in `lang` on one line, or the id when there is no such role or step.
std::string role_label(const Process& p, const std::string& id, Lang lang) {
  auto r = p.find_role(id);
  return r ? one_line(p.roles[*r].label.in(lang, id)) : id;
}
std::string step_label(const Process& p, const std::string& id, Lang lang) {
  auto v = p.find_step(id);
  return v ? one_line(p.graph[*v].label.in(lang, id)) : id;
}

class ReportBuilder {
 public:
  ReportBuilder(const ReportInputs& in, Lang lang) : in_(in), p_(*in.process), a_(in.analysis), lang_(lang) {}

  Document build() {
    Document d;
    d.lang = lang_code(lang_);
    d.title = one_line(p_.title.in(lang_, p_.name));
    d.subtitle = std::string(pick(lang_, "Prosessin sujuvuusraportti", "Rapport om processens smidighet",
                                  "Process smoothness report")) +
                 " · " + p_.file;
    d.sections.push_back(summary());
    d.sections.push_back(diagram());
    if (!in_.comparison_html.empty()) d.sections.push_back(comparison());
    if (a_) d.sections.push_back(roles());
    d.sections.push_back(checkpoints());
    d.sections.push_back(findings());
    if (a_ && !a_->sensitivity.empty()) d.sections.push_back(sensitivity());
    if (a_) d.sections.push_back(charts());
    if (a_) d.sections.push_back(steps());
    if (!in_.simulation_html.empty()) d.sections.push_back(simulation());
    d.sections.push_back(assumptions());
    d.footer = std::string(pick(lang_, "Tuottanut sujuva", "Framtagen med sujuva", "Made with sujuva")) + " " +
               SUJUVA_VERSION + " · " + pick(lang_, "malli", "modell", "model") + " " + p_.file + " · " +
               pick(lang_, "luvut ovat mallin laskemia arvioita, eivät mittauksia",
                    "siffrorna är modellens uppskattningar, inte mätningar",
                    "figures are the model's estimates, not measurements");
    return d;
  }

 private:
  std::string role_label(const std::string& id) const { return sujuva::role_label(p_, id, lang_); }
  std::string step_label(const std::string& id) const { return sujuva::step_label(p_, id, lang_); }
  std::string num(double x, int decimals) const { return format_decimal(x, decimals, lang_); }
  // A utilisation in its heat colour; a role that cannot keep up gets the last (darkest) one.
  Cell utilisation_cell(std::optional<double> utilisation, bool keeps_up) const {
    Cell cell{pct(utilisation), "", "", true};
    if (!utilisation && keeps_up) return cell;
    HeatScale scale = utilisation_scale(lang_);
    int bin = keeps_up ? scale.bin(*utilisation) : scale.size() - 1;
    cell.fill = scale.fill(bin);
    cell.ink = scale.ink(bin);
    return cell;
  }
  std::string pct(std::optional<double> x) const { return x ? format_percent(*x, lang_) : "-"; }
  std::string weeks(std::optional<double> w) const {
    return w ? num(*w, 1) + " " + pick(lang_, "vk", "v", "wk") : std::string("-");
  }
  std::string class_name(const std::string& c) const {
    if (c == "special") return pick(lang_, "erityinen tuki", "särskilt stöd", "special support");
    if (c == "standard") return pick(lang_, "tavallinen", "vanlig", "standard");
    return c;
  }

  Block paragraph(std::string text) const {
    Block b;
    b.text = std::move(text);
    return b;
  }

  Section summary() const {
    Section s{"summary", pick(lang_, "Yhteenveto", "Sammanfattning", "Summary"), {}};
    for (auto& sentence : summary_sentences(in_, lang_)) s.blocks.push_back(paragraph(sentence));
    return s;
  }

  Section diagram() const {
    Section s{"process-diagram", pick(lang_, "Prosessikaavio", "Processdiagram", "Process diagram"), {}};
    Block figure;
    figure.kind = Block::Kind::figure;
    figure.css_class = "diagram";
    figure.svg = "<div class=\"diagram\">" + detail::inline_svg(in_.diagram_svg) + "</div>";
    figure.markdown = "![" +
                      detail::escape_markdown(pick(lang_, "Prosessikaavio", "Processdiagram", "Process diagram")) +
                      "](diagram.svg)";
    figure.text = pick(lang_,
                       "Kaistat ovat rooleja; väri kertoo roolin käyttöasteen, viivan paksuus asiakasmäärän viikossa. "
                       "Siniset kuusikulmiot ovat erityisen tuen tarpeen arviointipisteitä, punainen katkoviiva "
                       "tarkistuksen löytämä virheellinen reitti.",
                       "Banorna är roller; färgen visar rollens beläggning, linjens tjocklek antalet klienter per "
                       "vecka. Blå sexhörningar är punkter för bedömning av behov av särskilt stöd, röd streckad "
                       "linje en felaktig väg som kontrollen hittade.",
                       "Lanes are roles; colour shows the role's utilisation, line width the clients per week. Blue "
                       "hexagons are special support assessment points; a red dashed line is a faulty route the "
                       "check found.");
    s.blocks.push_back(figure);
    Block links;
    links.kind = Block::Kind::links;
    links.links = {
        {"diagram.svg",
         pick(lang_, "Kaavio täysikokoisena (SVG)", "Diagrammet i full storlek (SVG)", "Full-size diagram (SVG)")},
        {"diagram.png", pick(lang_, "Kaavio kuvana (PNG)", "Diagrammet som bild (PNG)", "Diagram as image (PNG)")},
        {"poster.pdf", pick(lang_, "Juliste A3 (PDF)", "Affisch A3 (PDF)", "Poster A3 (PDF)")},
        {"analysis.json", pick(lang_, "Analyysi (JSON)", "Analys (JSON)", "Analysis (JSON)")}};
    s.blocks.push_back(links);
    return s;
  }

  Section roles() const {
    Section s{"roles",
              pick(lang_, "Roolit: kapasiteetti ja kuormitus", "Roller: kapacitet och belastning",
                   "Roles: capacity and load"),
              {}};
    Block b;
    b.kind = Block::Kind::table;
    b.table.header = {pick(lang_, "Rooli", "Roll", "Role"),
                      pick(lang_, "htv", "Årsverken", "FTE"),
                      pick(lang_, "Kapasiteetti h/vk", "Kapacitet h/v", "Capacity h/wk"),
                      pick(lang_, "Kysyntä h/vk", "Efterfrågan h/v", "Demand h/wk"),
                      pick(lang_, "Käyttöaste", "Beläggning", "Utilisation"),
                      pick(lang_, "Odotus käyntiä kohden", "Väntan per besök", "Wait per visit"),
                      pick(lang_, "Jonossa (asiakasta)", "I kö (klienter)", "Queue (clients)"),
                      pick(lang_, "Osuus läpimenoajasta", "Andel av genomloppstiden", "Share of lead time")};
    for (const RoleResult& r : a_->roles) {
      Cell use = utilisation_cell(r.utilisation, r.stable);
      std::string wait = !r.stable ? std::string(pick(lang_, "jono kasvaa ", "kön växer med ", "queue grows by ")) +
                                         num(r.backlog_growth_clients_per_week, 1) +
                                         pick(lang_, " as./vk", " kl./v", " clients/wk")
                         : r.wait_weeks ? wait_text(*r.wait_weeks)
                                        : "-";
      b.table.rows.push_back({{role_label(r.id)},
                              {num(r.fte, 2), "", "", true},
                              {num(r.capacity_hours_per_week, 1), "", "", true},
                              {num(r.demand_hours_per_week, 1), "", "", true},
                              use,
                              {wait, "", "", true},
                              {r.queue_clients ? num(*r.queue_clients, 1) : "-", "", "", true},
                              {pct(r.share_of_lead_time), "", "", true}});
    }
    s.blocks.push_back(b);
    s.blocks.push_back(paragraph(pick(
        lang_,
        "Kapasiteetti = htv × viikkotyöaika × (1 − poissaolot) × (1 − muuhun työhön varattu osuus). Kysyntä = "
        "asiakastyö (käynnit × työaika) + asiakasvirran ulkopuolinen työ. Käyttöaste = kysyntä / kapasiteetti; yli "
        "85–90 %:n käyttöasteella jonot kasvavat nopeasti.",
        "Kapacitet = årsverken × veckoarbetstid × (1 − frånvaro) × (1 − andel reserverad för annat arbete). "
        "Efterfrågan = klientarbete (besök × arbetstid) + arbete utanför klientflödet. Beläggning = efterfrågan / "
        "kapacitet; över 85–90 % växer köerna snabbt.",
        "Capacity = FTE × weekly hours × (1 − absence) × (1 − share reserved for other work). Demand = client work "
        "(visits × effort) + work outside the client flow. Utilisation = demand / capacity; above 85–90 % queues "
        "grow fast.")));
    return s;
  }

  std::string wait_text(double w) const {
    double days = w * p_.calendar.working_days_per_week();
    if (days < 10) return num(days, 1) + " " + pick(lang_, "työpv", "arbetsd.", "working days");
    return weeks(w);
  }

  Section checkpoints() const {
    Section s{"checkpoints", pick(lang_, "Arviointipisteet", "Bedömningspunkter", "Assessment points"), {}};
    Block b;
    b.kind = Block::Kind::table;
    b.table.header = {pick(lang_, "Missä", "Var", "Where"),
                      pick(lang_, "Kuka arvioi", "Vem bedömer", "Who assesses"),
                      pick(lang_, "Arvioi", "Bedömer", "Assesses"),
                      pick(lang_, "Arvioiduksi tarvitsevaksi", "Bedömda i behov", "Assessed in need"),
                      pick(lang_, "Heistä vaadittu ammattilainen tavoittaa", "Av dem når den krävda yrkesrollen",
                           "Of them reach the required role"),
                      pick(lang_, "Määräaika", "Tidsfrist", "Deadline"),
                      pick(lang_, "Pakollinen", "Obligatorisk", "Mandatory")};
    const auto& g = p_.graph;
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
      const Step& st = g[v];
      if (st.kind != StepKind::checkpoint) continue;
      std::string assessed = "-", reaching = "-";
      if (a_) {
        const StepResult* sr = a_->find_step(st.id);
        if (sr && sr->assessed_per_week && sr->assessed_share)
          assessed = format_percent(*sr->assessed_share, lang_) + " (" + num(*sr->assessed_per_week, 1) +
                     pick(lang_, " as./vk)", " kl./v)", " clients/wk)");
        for (const auto& c : a_->checkpoints)
          if (c.step == st.id && c.share_reaching_required_role)
            reaching = format_percent(*c.share_reaching_required_role, lang_) + " → " + required(c.required_role);
      }
      b.table.rows.push_back(
          {{one_line(st.label.in(lang_, st.id))},
           {st.role ? one_line(p_.roles[*st.role].label.in(lang_, p_.roles[*st.role].id)) : "-"},
           {class_name(st.assesses)},
           {assessed, "", "", true},
           {reaching, "", "", !a_},
           {st.deadline_weeks ? describe_deadline(*st.deadline_weeks, p_.calendar, lang_) : "-"},
           {st.mandatory ? pick(lang_, "kyllä", "ja", "yes") : pick(lang_, "ei", "nej", "no")}});
    }
    if (b.table.rows.empty())
      s.blocks.push_back(paragraph(pick(lang_, "Mallissa ei ole arviointipisteitä (kind=checkpoint).",
                                        "Modellen har inga bedömningspunkter (kind=checkpoint).",
                                        "The model has no assessment points (kind=checkpoint).")));
    else
      s.blocks.push_back(b);
    if (a_) add_share_cases(s);
    return s;
  }

  // The model again with each checkpoint assessing 10 percentage points fewer or more clients
  // into its class: the share of clients in need of special support is an assumption.
  void add_share_cases(Section& s) const {
    Block b;
    b.kind = Block::Kind::table;
    b.table.header = {pick(lang_, "Missä", "Var", "Where"),
                      pick(lang_, "Arvioiduksi tarvitsevaksi", "Bedömda i behov", "Assessed in need"),
                      pick(lang_, "Läpimenoaika", "Genomloppstid", "Lead time"),
                      pick(lang_, "Kuormittunein rooli", "Mest belastade roll", "Busiest role"),
                      pick(lang_, "Käyttöaste", "Beläggning", "Utilisation")};
    for (const auto& c : a_->checkpoints) {
      if (c.share_cases.empty()) continue;
      const std::string where = step_label(c.step);
      for (const auto& k : c.share_cases) {
        const auto& u = k.busiest_utilisation;
        Cell utilisation = utilisation_cell(u, !u || *u < 1);
        b.table.rows.push_back({{where},
                                {format_percent(k.share, lang_) + pick(lang_, " (nyt ", " (nu ", " (now ") +
                                     format_percent(*c.outcome_share, lang_) + ")",
                                 "", "", true},
                                {k.lead_time_weeks ? weeks(*k.lead_time_weeks)
                                                   : pick(lang_, "ei tasapainoa", "ingen jämvikt", "no steady state"),
                                 "", "", true},
                                {k.busiest_role.empty() ? "-" : role_label(k.busiest_role)},
                                utilisation});
      }
    }
    if (b.table.rows.empty()) return;
    s.blocks.push_back(paragraph(
        pick(lang_,
             "Erityisen tuen tarpeen osuudesta ei ole julkaistua lukua, joten mallin osuus on oletus. Jos "
             "tarkistuspiste arvioisi 10 prosenttiyksikköä harvempia tai useampia tarvitseviksi:",
             "Det finns ingen publicerad siffra för andelen med behov av särskilt stöd, så modellens andel är ett "
             "antagande. Om kontrollpunkten bedömde 10 procentenheter färre eller fler som i behov:",
             "There is no published figure for the share of clients in need of special support, so the model's share "
             "is an assumption. If the checkpoint assessed 10 percentage points fewer or more clients as in need:")));
    s.blocks.push_back(b);
  }

  std::string required(const std::string& role_or_qualification) const {
    auto roles = p_.roles_matching(role_or_qualification);
    if (roles.size() == 1) return one_line(p_.roles[roles[0]].label.in(lang_, p_.roles[roles[0]].id));
    if (role_or_qualification == "social-worker")
      return pick(lang_, "sosiaalityöntekijä", "socialarbetare", "social worker");
    return role_or_qualification;
  }

  Section findings() const {
    Section s{"findings", pick(lang_, "Mallin tarkistus", "Kontroll av modellen", "Model check"), {}};
    Block b;
    b.kind = Block::Kind::list;
    b.css_class = "findings";
    for (const auto& d : in_.findings) {
      std::string item = std::string(d.severity == Severity::error ? pick(lang_, "VIRHE", "FEL", "ERROR")
                                                                   : pick(lang_, "huomio", "obs", "note")) +
                         " — " + (d.line ? d.file + ":" + std::to_string(d.line) : d.file) + ": " + d.message;
      if (!d.route.empty()) {
        item += " — " + std::string(pick(lang_, "reitti: ", "väg: ", "route: "));
        for (std::size_t i = 0; i < d.route.size(); ++i) item += (i ? " → " : "") + step_label(d.route[i]);
      }
      b.items.push_back(item);
    }
    if (b.items.empty())
      s.blocks.push_back(paragraph(pick(lang_, "Tarkistus ei löytänyt virheitä eikä huomautettavaa.",
                                        "Kontrollen hittade inga fel eller anmärkningar.",
                                        "The check found no errors and nothing to note.")));
    else
      s.blocks.push_back(b);
    return s;
  }

  Section sensitivity() const {
    Section s{"sensitivity",
              pick(lang_, "Missä yksi lisähenkilö auttaa eniten", "Var en person till hjälper mest",
                   "Where one more person helps most"),
              {}};
    if (a_->lead_time_weeks.mean)
      s.blocks.push_back(paragraph(std::string(pick(lang_, "Läpimenoaika nyt keskimäärin ",
                                                    "Genomloppstiden nu i "
                                                    "genomsnitt ",
                                                    "Lead time now on average ")) +
                                   weeks(a_->lead_time_weeks.mean) + "."));
    Block b;
    b.kind = Block::Kind::table;
    b.table.header = {"#",
                      pick(lang_, "Rooli", "Roll", "Role"),
                      pick(lang_, "+0,5 htv: läpimenoaika", "+0,5 årsv.: genomloppstid", "+0.5 FTE: lead time"),
                      pick(lang_, "+1 htv: läpimenoaika", "+1 årsv.: genomloppstid", "+1 FTE: lead time"),
                      pick(lang_, "+1 htv: käyttöaste", "+1 årsv.: beläggning", "+1 FTE: utilisation"),
                      pick(lang_, "Poissaolot +5 %-yks.: läpimenoaika", "Frånvaro +5 %-enh.: genomloppstid",
                           "Absence +5 pp: lead time"),
                      pick(lang_, "Lyhenee (+1 htv)", "Förkortas (+1 årsv.)", "Gain (+1 FTE)")};
    Block reasons;
    reasons.kind = Block::Kind::list;
    for (const auto& sens : a_->sensitivity) {
      auto find = [&](const char* change) -> const SensitivityCase* {
        for (const auto& c : sens.cases)
          if (c.change == change) return &c;
        return nullptr;
      };
      auto half = find("fte+0.5"), one = find("fte+1"), absence = find("absence+5pp");
      // No lead time with a change means some role cannot keep up with it.
      auto lead = [&](const SensitivityCase* c) {
        return !c                   ? std::string("-")
               : c->lead_time_weeks ? weeks(c->lead_time_weeks)
                                    : std::string(pick(lang_, "jono kasvaa", "kön växer", "queue grows"));
      };
      b.table.rows.push_back({{std::to_string(sens.rank), "", "", true},
                              {role_label(sens.role)},
                              {lead(half), "", "", true},
                              {lead(one), "", "", true},
                              {one ? pct(one->utilisation) : "-", "", "", true},
                              {lead(absence), "", "", true},
                              {weeks(sens.lead_time_gain_weeks), "", "", true}});
      if (sens.rank <= 3 && !sens.reason.empty()) reasons.items.push_back(sens.reason);
    }
    if (!reasons.items.empty()) s.blocks.push_back(reasons);
    s.blocks.push_back(b);
    return s;
  }

  Section charts() const {
    Section s{"charts", pick(lang_, "Kuvaajat", "Grafer", "Charts"), {}};
    BarChart bars{.title = pick(lang_, "Käyttöaste rooleittain", "Beläggning per roll", "Utilisation by role"),
                  .axis_label = pick(lang_, "käyttöaste, % kapasiteetista", "beläggning, % av kapaciteten",
                                     "utilisation, % of capacity"),
                  .lang = lang_};
    bars.percent = true;
    bars.reference = 1.0;
    bars.reference_label = pick(lang_, "kapasiteetti täynnä", "full kapacitet", "full capacity");
    HeatScale scale = utilisation_scale(lang_);
    for (const RoleResult& r : a_->roles) {
      int bin = !r.stable ? scale.size() - 1 : scale.bin(r.utilisation.value_or(0));
      bars.bars.push_back({role_label(r.id), r.utilisation, scale.fill(bin)});
    }
    Block bar;
    bar.kind = Block::Kind::figure;
    bar.svg = bar_chart_svg(bars);
    bar.markdown = "*" + detail::escape_markdown(bars.title) + ": " +
                   pick(lang_, "ks. index.html", "se index.html", "see index.html") + "*";
    s.blocks.push_back(bar);
    if (a_->projection && !a_->projection->weeks.empty()) s.blocks.push_back(projection_chart(*a_->projection));
    return s;
  }

  Block projection_chart(const Projection& pr) const {
    LineChart c{.title = pick(lang_, "Jonon kehitys viikoittain (virtausmallin ennuste)",
                              "Köns utveckling vecka för vecka (flödesmodellens prognos)",
                              "Queue week by week (flow model projection)"),
                .x_label = pick(lang_, "viikko", "vecka", "week"),
                .y_label = pick(lang_, "asiakkaita jonossa tai työn alla", "klienter i kö eller under arbete",
                                "clients waiting or in service"),
                .lang = lang_};
    for (int w : pr.weeks) c.x.push_back(w);
    for (std::size_t r = 0; r < pr.roles.size(); ++r) {
      LineSeries series{role_label(pr.roles[r]), {}};
      for (const auto& row : pr.queue_clients) series.values.push_back(r < row.size() ? row[r] : NAN);
      c.series.push_back(series);
    }
    Block b;
    b.kind = Block::Kind::figure;
    b.svg = line_chart_svg(c);
    b.text = pick(lang_,
                  "Ennuste alkaa viikolta 0 ja näyttää, miten jonot täyttyvät tai purkautuvat, kun kysyntä ja "
                  "henkilöstö ovat mallin mukaiset (ja --timeline-muutokset huomioiden).",
                  "Prognosen börjar vecka 0 och visar hur köerna fylls eller töms när efterfrågan och personalen är "
                  "som i modellen (med eventuella --timeline-ändringar).",
                  "The projection starts at week 0 and shows how queues fill or drain with the model's demand and "
                  "staffing (and any --timeline changes).");
    b.markdown = "*" + detail::escape_markdown(c.title) + ": " +
                 pick(lang_, "ks. index.html", "se index.html", "see index.html") + "*";
    return b;
  }

  Section steps() const {
    Section s{
        "steps", pick(lang_, "Vaiheet, joissa aika kuluu", "Steg där tiden går", "Steps where the time goes"), {}};
    std::vector<const StepResult*> order;
    for (const auto& st : a_->steps)
      if (st.share_of_lead_time && *st.share_of_lead_time > 0) order.push_back(&st);
    std::stable_sort(order.begin(), order.end(),
                     [](auto* x, auto* y) { return *x->share_of_lead_time > *y->share_of_lead_time; });
    if (order.size() > 10) order.resize(10);
    Block b;
    b.kind = Block::Kind::table;
    b.table.header = {pick(lang_, "Vaihe", "Steg", "Step"),
                      pick(lang_, "Rooli", "Roll", "Role"),
                      pick(lang_, "Käyntejä/vk", "Besök/v", "Visits/wk"),
                      pick(lang_, "Käynnit/asiakas", "Besök/klient", "Visits/client"),
                      pick(lang_, "Aika käyntiä kohden", "Tid per besök", "Time per visit"),
                      pick(lang_, "Osuus läpimenoajasta", "Andel av genomloppstiden", "Share of lead time")};
    for (const StepResult* st : order)
      b.table.rows.push_back({{step_label(st->id)},
                              {st->role ? role_label(*st->role) : "-"},
                              {num(st->arrivals_per_week, 1), "", "", true},
                              {num(st->visits, 2), "", "", true},
                              {weeks(st->sojourn_weeks), "", "", true},
                              {pct(st->share_of_lead_time), "", "", true}});
    s.blocks.push_back(paragraph(pick(lang_,
                                      "Aika käyntiä kohden = jonotus + työ + odotus (esim. liitteet, toinen "
                                      "palvelu). Kymmenen eniten läpimenoaikaa vievää vaihetta.",
                                      "Tid per besök = kö + arbete + väntan (t.ex. bilagor, annan tjänst). De tio "
                                      "steg som tar mest av genomloppstiden.",
                                      "Time per visit = queue + work + delay (e.g. documents, another service). The "
                                      "ten steps that take most of the lead time.")));
    s.blocks.push_back(b);
    return s;
  }

  Section comparison() const {
    Section s{"comparison", pick(lang_, "Ennen ja jälkeen", "Före och efter", "Before and after"), {}};
    Block b;
    b.kind = Block::Kind::raw;
    b.svg = in_.comparison_html;
    b.markdown = in_.comparison_markdown;
    s.blocks.push_back(b);
    return s;
  }

  Section simulation() const {
    Section s{"simulation", pick(lang_, "Simulointi", "Simulering", "Simulation"), {}};
    Block b;
    b.kind = Block::Kind::raw;
    b.svg = in_.simulation_html;
    b.markdown = in_.simulation_markdown;
    s.blocks.push_back(b);
    return s;
  }

  Section assumptions() const {
    Section s{"assumptions",
              pick(lang_, "Mallin oletukset ja lähteet", "Modellens antaganden och källor",
                   "Assumptions and sources of the model"),
              {}};
    for (const char* key : {"assumptions", "source"}) {
      auto it = p_.notes.find(key);
      if (it == p_.notes.end() || it->second.empty()) continue;
      std::string lead = std::string(key) == "source" ? pick(lang_, "Lähteet: ", "Källor: ", "Sources: ")
                                                      : pick(lang_, "Oletukset: ", "Antaganden: ", "Assumptions: ");
      s.blocks.push_back(paragraph(lead + one_line(it->second)));
    }
    s.blocks.push_back(paragraph(std::string(pick(lang_, "Viikkotyöaika ", "Veckoarbetstid ", "Working week ")) +
                                 num(p_.calendar.hours_per_fte, 2) + " h, " + num(p_.calendar.hours_per_day, 2) +
                                 pick(lang_, " h päivässä.", " h per dag.", " h a day.")));
    if (!in_.model_comment.empty()) {
      s.blocks.push_back(paragraph(pick(lang_, "Mallitiedoston alun kommentti:", "Kommentaren i början av modellfilen:",
                                        "The comment at the top of the model file:")));
      Block pre;
      pre.kind = Block::Kind::preformatted;
      pre.text = in_.model_comment;
      s.blocks.push_back(pre);
    }
    if (a_)
      for (const auto& note : a_->notes) s.blocks.push_back(paragraph(note));
    return s;
  }

  const ReportInputs& in_;
  const Process& p_;
  const Analysis* a_;
  Lang lang_;
};

}  // namespace

std::vector<std::string> summary_sentences(const ReportInputs& in, Lang lang) {
  const Process& p = *in.process;
  const Analysis* a = in.analysis;
  std::vector<std::string> out;
  std::string title = one_line(p.title.in(lang, p.name));
  if (!a) {
    out.push_back(title + ": " +
                  pick(lang, "mallia ei voitu analysoida: ", "modellen kunde inte analyseras: ",
                       "the model could not be analysed: ") +
                  in.analysis_error);
  } else {
    std::string arrivals = format_decimal(a->arrivals_per_week, 1, lang);
    if (a->lead_time_weeks.mean)
      out.push_back(std::string(pick(lang, "Asiakkaita saapuu ", "Det kommer ", "")) + arrivals +
                    pick(lang, " viikossa, ja asiakkuus kestää alusta loppuun keskimäärin ",
                         " klienter per vecka, och ett klientskap varar från början till slut i genomsnitt ",
                         " clients arrive a week, and a case lasts from start to end ") +
                    format_decimal(*a->lead_time_weeks.mean, 1, lang) +
                    pick(lang, " viikkoa.", " veckor.", " weeks on average."));
    else
      out.push_back(std::string(pick(lang, "Asiakkaita saapuu ", "Det kommer ", "")) + arrivals +
                    pick(lang, " viikossa, eikä kaikki työ ehdi tehdyksi: jonot kasvavat.",
                         " klienter per vecka, och allt arbete hinns inte med: köerna växer.",
                         " clients arrive a week, and not all work gets done: queues grow."));
    // The worst bottleneck, then the worst that is not a role (a step, a loop, handoffs).
    const Bottleneck* first = a->bottlenecks.empty() ? nullptr : &a->bottlenecks.front();
    if (first)
      out.push_back(std::string(pick(lang, "Sujuvuus katkeaa ensin tässä: ", "Smidigheten bryts först här: ",
                                     "Smoothness breaks first here: ")) +
                    first->reason);
    for (const auto& b : a->bottlenecks)
      if (&b != first && b.kind != "role" && b.kind != (first ? first->kind : "")) {
        out.push_back(std::string(pick(lang, "Eniten aikaa vie: ", "Mest tid tar: ", "What takes most time: ")) +
                      b.reason);
        break;
      }
    if (!a->sensitivity.empty() && !a->sensitivity.front().reason.empty()) out.push_back(a->sensitivity.front().reason);
    if (a->lead_time_weeks.mean) {
      // A share of special-support clients 10 points higher that the staff could not keep up with.
      const CheckpointReach* worst_checkpoint = nullptr;
      const OutcomeShareCase* worst = nullptr;
      for (const auto& c : a->checkpoints)
        for (const auto& k : c.share_cases)
          if (k.busiest_utilisation && *k.busiest_utilisation >= 1 &&
              (!worst || *k.busiest_utilisation > *worst->busiest_utilisation))
            worst_checkpoint = &c, worst = &k;
      if (worst) {
        out.push_back(fmt::format(
            fmt::runtime(pick(lang,
                              "Erityisen tuen tarpeen osuus ratkaisee: jos \"{}\" arvioisi tarvitsevaksi {} (nyt {}), "
                              "{}: käyttöaste {}, eikä työ ehtisi tehdyksi.",
                              "Andelen med behov av särskilt stöd avgör: om \"{}\" bedömde {} (nu {}) som i behov, "
                              "skulle {} få beläggning {} och arbetet inte hinnas med.",
                              "The share of clients in need of special support decides: if \"{}\" assessed {} (now "
                              "{}) as in need, {} would be at {} utilisation and the work would not get done.")),
            step_label(p, worst_checkpoint->step, lang), format_percent(worst->share, lang),
            format_percent(worst_checkpoint->outcome_share.value_or(0), lang), role_label(p, worst->busiest_role, lang),
            format_percent(*worst->busiest_utilisation, lang)));
      }
    }
  }
  int errors = static_cast<int>(
      std::count_if(in.findings.begin(), in.findings.end(), [](auto& d) { return d.severity == Severity::error; }));
  if (errors == 0)
    out.push_back(pick(lang, "Mallin tarkistus ei löytänyt virheitä.", "Kontrollen av modellen hittade inga fel.",
                       "The model check found no errors."));
  else
    out.push_back(std::string(pick(lang, "Mallin tarkistus löysi ", "Kontrollen av modellen hittade ",
                                   "The model check found ")) +
                  std::to_string(errors) +
                  (errors == 1 ? pick(lang, " virheen; se on merkitty kaavioon punaisella katkoviivalla.",
                                      " fel; det är markerat i diagrammet med röd streckad linje.",
                                      " error, marked in the diagram with a red dashed line.")
                               : pick(lang, " virhettä; ne on merkitty kaavioon punaisella katkoviivalla.",
                                      " fel; de är markerade i diagrammet med röd streckad linje.",
                                      " errors, marked in the diagram with red dashed lines.")));
  return out;
}

std::string report_html(const ReportInputs& inputs, Lang lang) {
  return report::to_html(ReportBuilder(inputs, lang).build());
}

std::string report_markdown(const ReportInputs& inputs, Lang lang) {
  return report::to_markdown(ReportBuilder(inputs, lang).build());
}

}  // namespace sujuva
