// The report's charts: utilisation by role and the weekly queue projection.
#include <cmath>

#include "render/palette.h"
#include "report/chart.h"
#include "report/markdown.h"
#include "report/sections.h"
#include "text/format.h"

namespace sujuva::report {

namespace {

Block projection_chart(const Context& ctx, const Projection& pr) {
  // The fluid projection has no randomness: it shows the clients a role has no capacity for, not
  // the random queue that the roles table gives as a mean. Each says which it is.
  LineChart c{.title = say(ctx.lang, "Kapasiteetin puutteesta kertyvä jono viikoittain (virtausmallin ennuste)",
                            "Kö som byggs upp när kapaciteten inte räcker, vecka för vecka (flödesmodellens prognos)",
                            "Backlog that builds up when capacity falls short, week by week (flow model projection)"),
              .x_label = say(ctx.lang, "viikko", "vecka", "week"),
              .y_label = say(ctx.lang, "asiakkaita jonossa viikon lopussa", "klienter i kö vid veckans slut",
                              "clients waiting at the end of the week"),
              .lang = ctx.lang};
  for (int w : pr.weeks) c.x.push_back(w);
  for (std::size_t r = 0; r < pr.roles.size(); ++r) {
    LineSeries series{ctx.role_label(pr.roles[r]), {}};
    for (const auto& row : pr.queue_clients) series.values.push_back(r < row.size() ? row[r] : NAN);
    c.series.push_back(series);
  }
  Block b;
  b.kind = Block::Kind::figure;
  b.svg = line_chart_svg(c);
  b.text = say(ctx.lang,
                "Ennuste alkaa viikolta 0 ja näyttää asiakkaat, jotka odottavat viikon lopussa, koska roolin "
                "kapasiteetti ei riitä heille (tai alussa annettu jono ei ole vielä purkautunut), kun kysyntä ja "
                "henkilöstö ovat mallin mukaiset (ja --timeline-muutokset huomioiden). Satunnaisvaihtelusta syntyvä "
                "jono ei ole mukana: sen keskiarvo on roolitaulukon sarakkeessa ”Jonossa keskimäärin”. Roolin, jonka "
                "kapasiteetti riittää, käyrä pysyy nollassa.",
                "Prognosen börjar vecka 0 och visar de klienter som väntar vid veckans slut därför att rollens "
                "kapacitet inte räcker till för dem (eller en kö från start ännu inte har betats av), när efterfrågan "
                "och personalen är som i modellen (med eventuella --timeline-ändringar). Kön som slumpmässig variation "
                "ger ingår inte: dess medelvärde står i rolltabellens kolumn ”I kö i genomsnitt”. För en roll vars "
                "kapacitet räcker ligger kurvan kvar på noll.",
                "The projection starts at week 0 and shows the clients still waiting at the end of each week because "
                "their role has no capacity left for them (or a starting backlog has not drained yet), with the "
                "model's demand and staffing (and any --timeline changes). The queue that random variation causes is "
                "not included: its mean is in the roles table's column \"Mean queue\". A role with enough capacity "
                "stays at zero.");
  b.markdown = "*" + escape_markdown(c.title) + ": " +
               say(ctx.lang, "ks. index.html", "se index.html", "see index.html") + "*";
  return b;
}

}  // namespace

Section charts_section(const Context& ctx) {
  Section s{"charts", say(ctx.lang, "Kuvaajat", "Grafer", "Charts"), {}};
  BarChart bars{.title = say(ctx.lang, "Käyttöaste rooleittain", "Beläggning per roll", "Utilisation by role"),
                .axis_label = say(ctx.lang, "käyttöaste, % kapasiteetista", "beläggning, % av kapaciteten",
                                   "utilisation, % of capacity"),
                .lang = ctx.lang};
  bars.percent = true;
  bars.reference = 1.0;
  bars.reference_label = say(ctx.lang, "kapasiteetti täynnä", "full kapacitet", "full capacity");
  HeatScale scale = utilisation_scale(ctx.lang);
  for (const RoleResult& r : ctx.a->roles) {
    int bin = !r.stable ? scale.size() - 1 : scale.bin(r.utilisation.value_or(0));
    bars.bars.push_back({ctx.role_label(r.id), r.utilisation, scale.fill(bin)});
  }
  Block bar;
  bar.kind = Block::Kind::figure;
  bar.svg = bar_chart_svg(bars);
  bar.markdown = "*" + escape_markdown(bars.title) + ": " +
                 say(ctx.lang, "ks. index.html", "se index.html", "see index.html") + "*";
  s.blocks.push_back(bar);
  if (ctx.a->projection && !ctx.a->projection->weeks.empty())
    s.blocks.push_back(projection_chart(ctx, *ctx.a->projection));
  return s;
}

}  // namespace sujuva::report
