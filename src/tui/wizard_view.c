/* wizard_view.c - view 2, the recommendation wizard: a placeholder until
 * its issue lands.  It shows the interface a view implements (app.h); the
 * real wizard replaces this file without touching the shell. */
#include <stddef.h>

#include "app.h"
#include "widgets.h"

static int wz_init(app *a, void **state)
{
    (void)a;
    *state = NULL;
    return 0;
}

static void wz_fini(app *a, void *state)
{
    (void)a;
    (void)state;
}

static void wz_draw(app *a, WINDOW *w)
{
    int H = getmaxy(w), W = getmaxx(w);
    static const char *const text[] = {
        "Which model fits our requirements?",
        "",
        "One question per step (context, budget, task, language, latency,",
        "fine-tuning), a review page, then the answer: the model, the reason,",
        "alternatives, considerations, the rules that led there, ranked",
        "candidates, the sizing and the cost at your volume.",
        "",
        "Not built yet. 'llmdeck recommend --help' answers from the command line.",
    };
    ui_box(a, w, 0, 1, H, W - 2, "Wizard");
    for (size_t i = 0; i < sizeof text / sizeof text[0] && (int)i + 2 < H - 1; i++)
        ui_text(a, w, 2 + (int)i, 4, W - 8, text[i], app_attr(a, i == 0 ? ROLE_ACCENT : ROLE_TEXT));
}

static void wz_act(app *a, ld_action act)
{
    (void)a;
    (void)act;
}

static ld_scope wz_scope(const app *a)
{
    (void)a;
    return SCOPE_WIZARD;
}

static const char *wz_hint(const app *a)
{
    (void)a;
    return "1 table  3 cost  t theme  ? help  q quit";
}

const ld_view_ops wizard_view_ops = {
    .name = "Wizard",
    .init = wz_init,
    .fini = wz_fini,
    .draw = wz_draw,
    .act = wz_act,
    .scope = wz_scope,
    /* The view's own keys go here, e.g.
     *   static const ld_keybind keys[] = {
     *       {SCOPE_WIZARD, "<Enter>", ACT_ACCEPT, "next step"}, ..., {0}};
     * they reach act() as actions, show in the help overlay, and the README
     * key table (llmdeck --print-keys) must be regenerated with them. */
    .keys = NULL,
    .hint = wz_hint,
};
