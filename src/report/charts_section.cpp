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
  LineChart c{.title = say(ctx.lang, "Jonon kehitys viikoittain (virtausmallin ennuste)",
                            "Köns utveckling vecka för vecka (flödesmodellens prognos)",
                            "Queue week by week (flow model projection)"),
              .x_label = say(ctx.lang, "viikko", "vecka", "week"),
              .y_label = say(ctx.lang, "asiakkaita jonossa tai työn alla", "klienter i kö eller under arbete",
                              "clients waiting or in service"),
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
                "Ennuste alkaa viikolta 0 ja näyttää, miten jonot täyttyvät tai purkautuvat, kun kysyntä ja "
                "henkilöstö ovat mallin mukaiset (ja --timeline-muutokset huomioiden).",
                "Prognosen börjar vecka 0 och visar hur köerna fylls eller töms när efterfrågan och personalen är "
                "som i modellen (med eventuella --timeline-ändringar).",
                "The projection starts at week 0 and shows how queues fill or drain with the model's demand and "
                "staffing (and any --timeline changes).");
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
