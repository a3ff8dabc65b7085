/* cost_view.c - view 3, API vs self-hosting cost: a placeholder until its
 * issue lands.  It shows the interface a view implements (app.h); the real
 * cost view replaces this file without touching the shell. */
#include <stddef.h>

#include "app.h"
#include "widgets.h"

static int cv_init(app *a, void **state)
{
    (void)a;
    *state = NULL;
    return 0;
}

static void cv_fini(app *a, void *state)
{
    (void)a;
    (void)state;
}

static void cv_draw(app *a, WINDOW *w)
{
    int H = getmaxy(w), W = getmaxx(w);
    static const char *const text[] = {
        "Should we call an API or host it ourselves?",
        "",
        "Knobs on the left: monthly tokens (1M to 100B), API price, model,",
        "quantization, GPU, utilisation, seed or capacity mode. On the right:",
        "both monthly costs, replicas, the break-even volume and advice, with a",
        "chart of cost against volume.",
        "",
        "Not built yet. 'llmdeck cost --help' answers from the command line.",
    };
    ui_box(a, w, 0, 1, H, W - 2, "Cost");
    for (size_t i = 0; i < sizeof text / sizeof text[0] && (int)i + 2 < H - 1; i++)
        ui_text(a, w, 2 + (int)i, 4, W - 8, text[i], app_attr(a, i == 0 ? ROLE_ACCENT : ROLE_TEXT));
}

static void cv_act(app *a, ld_action act)
{
    (void)a;
    (void)act;
}

static ld_scope cv_scope(const app *a)
{
    (void)a;
    return SCOPE_COST;
}

static const char *cv_hint(const app *a)
{
    (void)a;
    return "1 table  2 wizard  t theme  ? help  q quit";
}

const ld_view_ops cost_view_ops = {
    .name = "Cost",
    .init = cv_init,
    .fini = cv_fini,
    .draw = cv_draw,
    .act = cv_act,
    .scope = cv_scope,
    /* The view's own keys go here, e.g.
     *   static const ld_keybind keys[] = {
     *       {SCOPE_COST, "<Enter>", ACT_ACCEPT, "next step"}, ..., {0}};
     * they reach act() as actions, show in the help overlay, and the README
     * key table (llmdeck --print-keys) must be regenerated with them. */
    .keys = NULL,
    .hint = cv_hint,
};
