// The report's assessment points: who assesses, how many, who they reach, and the share as an assumption.
#include "model/label_text.h"
#include "text/duration.h"
#include "report/sections.h"
#include "text/format.h"
#include "text/glossary.h"

namespace sujuva::report {

namespace {

// The model again with each checkpoint assessing 10 percentage points fewer or more clients
// into its class: the share of clients in need of special support is an assumption.
void add_share_cases(const Context& ctx, Section& s) {
  Block b;
  b.kind = Block::Kind::table;
  b.table.header = {say(ctx.lang, "Missä", "Var", "Where"),
                    say(ctx.lang, "Arvioiduksi tarvitsevaksi", "Bedömda i behov", "Assessed in need"),
                    term(Term::lead_time, ctx.lang, true),
                    say(ctx.lang, "Kuormittunein rooli", "Mest belastade roll", "Busiest role"),
                    term(Term::utilisation, ctx.lang, true)};
  b.table.align = {Align::left, Align::right, Align::right, Align::left, Align::right};
  for (const auto& c : ctx.a->checkpoints) {
    if (c.share_cases.empty()) continue;
    const std::string where = ctx.step_label(c.step);
    for (const auto& k : c.share_cases) {
      const auto& u = k.busiest_utilisation;
      b.table.add_row({where,
                       format_percent(k.share, ctx.lang) + say(ctx.lang, " (nyt ", " (nu ", " (now ") +
                           format_percent(*c.outcome_share, ctx.lang) + ")",
                       k.lead_time_weeks ? ctx.weeks(*k.lead_time_weeks)
                                         : say(ctx.lang, "ei tasapainoa", "ingen jämvikt", "no steady state"),
                       k.busiest_role.empty() ? "-" : ctx.role_label(k.busiest_role), ctx.pct(u)});
      shade_last_row(b, 4, ctx.utilisation_shade(u, !u || *u < 1));
    }
  }
  if (b.table.rows() == 0) return;
  s.blocks.push_back(paragraph(
      say(ctx.lang,
           "Erityisen tuen tarpeen osuudesta ei ole julkaistua lukua, joten mallin osuus on oletus. Jos "
           "tarkistuspiste arvioisi 10 prosenttiyksikköä harvempia tai useampia tarvitseviksi:",
           "Det finns ingen publicerad siffra för andelen med behov av särskilt stöd, så modellens andel är ett "
           "antagande. Om kontrollpunkten bedömde 10 procentenheter färre eller fler som i behov:",
           "There is no published figure for the share of clients in need of special support, so the model's share "
           "is an assumption. If the checkpoint assessed 10 percentage points fewer or more clients as in need:")));
  s.blocks.push_back(b);
}

}  // namespace

Section checkpoints_section(const Context& ctx) {
  Section s{"checkpoints", say(ctx.lang, "Arviointipisteet", "Bedömningspunkter", "Assessment points"), {}};
  Block b;
  b.kind = Block::Kind::table;
  b.table.header = {say(ctx.lang, "Missä", "Var", "Where"),
                    say(ctx.lang, "Kuka arvioi", "Vem bedömer", "Who assesses"),
                    say(ctx.lang, "Arvioi", "Bedömer", "Assesses"),
                    say(ctx.lang, "Arvioiduksi tarvitsevaksi", "Bedömda i behov", "Assessed in need"),
                    say(ctx.lang, "Heistä vaadittu ammattilainen tavoittaa", "Av dem når den krävda yrkesrollen",
                         "Of them reach the required role"),
                    say(ctx.lang, "Määräaika", "Tidsfrist", "Deadline"),
                    say(ctx.lang, "Pakollinen", "Obligatorisk", "Mandatory")};
  // With an analysis, who reaches the required role is a share and a role ("45 % → ..."), text;
  // without one the column holds only "-", aligned as the numbers.
  b.table.align = {Align::left, Align::left, Align::left, Align::right, ctx.a ? Align::left : Align::right,
                   Align::left, Align::left};
  const auto& g = ctx.p.graph;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Step& st = g[v];
    if (st.kind != StepKind::checkpoint) continue;
    std::string assessed = "-", reaching = "-";
    if (ctx.a) {
      const StepResult* sr = ctx.a->find_step(st.id);
      if (sr && sr->assessed_per_week && sr->assessed_share)
        assessed = format_percent(*sr->assessed_share, ctx.lang) + " (" + ctx.num(*sr->assessed_per_week, 1) +
                   say(ctx.lang, " as./vk)", " kl./v)", " clients/wk)");
      for (const auto& c : ctx.a->checkpoints)
        if (c.step == st.id && c.share_reaching_required_role)
          reaching = format_percent(*c.share_reaching_required_role, ctx.lang) + " → " + ctx.required_label(c.required_role);
    }
    b.table.add_row({one_line(st.label.in(ctx.lang, st.id)),
                     st.role ? one_line(ctx.p.roles[*st.role].label.in(ctx.lang, ctx.p.roles[*st.role].id)) : "-",
                     ctx.class_name(st.assesses), assessed, reaching,
                     st.deadline_weeks ? format_duration(*st.deadline_weeks, ctx.p.calendar.working_days_per_week(), ctx.lang) : "-",
                     st.mandatory ? say(ctx.lang, "kyllä", "ja", "yes") : say(ctx.lang, "ei", "nej", "no")});
  }
  if (b.table.rows() == 0)
    s.blocks.push_back(paragraph(say(ctx.lang, "Mallissa ei ole arviointipisteitä (kind=checkpoint).",
                                      "Modellen har inga bedömningspunkter (kind=checkpoint).",
                                      "The model has no assessment points (kind=checkpoint).")));
  else
    s.blocks.push_back(b);
  if (ctx.a) add_share_cases(ctx, s);
  return s;
}

}  // namespace sujuva::report
