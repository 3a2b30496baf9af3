# plots/cover.gp: the first page of a run's council pack: the budget year, the
# scenario, the date and the inputs' fingerprint; on the left the key figures and the
# commune shares chosen; on the right a summary in sentences of what happened and what
# binds, in the run's language (the sentences are in plots/words).
# Reads the cover_* settings, binding_<kind> counts, share_line_<k> and share_lines,
# pack_date (chart_cover.c) and $coverage's companions (scenario, fingerprint,
# money_unit, in_billions) from the driver.
reset
set encoding utf8
unset border; unset tics; unset key; unset grid
set xrange [0:1]; set yrange [0:1]
money(x) = in_billions ? fs_number(x / 1000.0, 3) . ' ' . w_billion : fs_number(x, 0) . ' ' . money_unit
percent(share) = fs_number(100 * share, 2) . '%'
set label 1 sprintf(w_cover_title, cover_year) at screen 0.06, screen 0.90 left font ',28'
set label 2 scenario at screen 0.06, screen 0.84 left font ',18'
set label 3 sprintf(w_cover_made, pack_date) . ' · ' . w_fingerprint . ' ' . fingerprint . ' · ' . w_estimates \
    at screen 0.06, screen 0.795 left font ',11'
set arrow 1 from screen 0.06, screen 0.77 to screen 0.94, screen 0.77 nohead lw 1 lc 'gray50'
# The key figures: a label and its value per row.
set label 4 w_cover_key at screen 0.06, screen 0.72 left font ',16'
key_y = 0.67
key_tag = 10
do for [row = 1:8] {
    key_text = row == 1 ? (cover_has_envelope ? w_key_envelope : '') : \
               row == 2 ? w_key_need : row == 3 ? w_key_allocation : row == 4 ? w_key_own : \
               row == 5 ? w_key_transfer : row == 6 ? w_key_lowest : row == 7 ? w_key_under : \
               (cover_has_city ? fs_upper('w_key_city') : '')
    key_value = row == 1 ? (cover_has_envelope ? money(cover_envelope) : '') : \
                row == 2 ? money(cover_need) : row == 3 ? money(cover_allocation) : \
                row == 4 ? money(cover_own) : row == 5 ? money(cover_transfer) : \
                row == 6 ? percent(cover_lowest) : \
                row == 7 ? fs_number(cover_under, 0) . ' / ' . fs_number(cover_units, 0) : \
                (cover_has_city ? money(cover_city) : '')
    if (strlen(key_text) > 0) {
        set label key_tag key_text at screen 0.06, screen key_y left font ',14'
        set label key_tag + 1 key_value at screen 0.48, screen key_y right font ',14'
        key_tag = key_tag + 2
        key_y = key_y - 0.045
    }
}
if (share_lines > 0) {
    key_y = key_y - 0.015
    set label key_tag w_key_shares at screen 0.06, screen key_y left font ',14'
    key_tag = key_tag + 1
    do for [k = 1:share_lines] {
        key_y = key_y - 0.034
        set label key_tag value(sprintf('share_line_%d', k)) at screen 0.08, screen key_y left font ',11'
        key_tag = key_tag + 1
    }
}
# The summary: sentences built from the words and the figures.
set label 5 w_cover_summary at screen 0.54, screen 0.72 left font ',16'
wrap_x = 0.54; wrap_y = 0.67; wrap_step = 0.04; wrap_width = 54; wrap_font = ',14'; wrap_tag = 100
wrap_text = cover_under > 0 ? \
    sprintf(w_story_under, fs_number(cover_under, 0), fs_number(cover_units, 0), cover_lowest_unit, percent(cover_lowest)) : \
    sprintf(w_story_none_under, cover_lowest_unit, percent(cover_lowest))
load plots.'/lib/wrap.gp'
wrap_y = wrap_y - 0.016
wrap_text = sprintf(w_story_money, money(cover_allocation), money(cover_own), money(cover_transfer))
load plots.'/lib/wrap.gp'
if (cover_has_city) {
    wrap_y = wrap_y - 0.016
    wrap_text = sprintf(fs_upper('w_story_city'), money(cover_city))
    load plots.'/lib/wrap.gp'
}
# What binds: each kind of requirement that binds, with how many times.
binding_phrase = ''
bind_add(phrase) = strlen(binding_phrase) > 0 ? binding_phrase . '; ' . phrase : phrase
if (binding_coverage > 0) { binding_phrase = bind_add(sprintf(w_bind_coverage, fs_number(binding_coverage, 0))) }
if (binding_hold_harmless > 0) { binding_phrase = bind_add(sprintf(w_bind_hold_harmless, fs_number(binding_hold_harmless, 0))) }
if (binding_coverage_min > 0) { binding_phrase = bind_add(sprintf(w_bind_coverage_min, fs_number(binding_coverage_min, 0))) }
if (binding_cap > 0) { binding_phrase = bind_add(sprintf(w_bind_cap, fs_number(binding_cap, 0))) }
if (binding_floor > 0) { binding_phrase = bind_add(sprintf(w_bind_floor, fs_number(binding_floor, 0))) }
if (binding_stability > 0) { binding_phrase = bind_add(sprintf(w_bind_stability, fs_number(binding_stability, 0))) }
if (binding_share_min + binding_share_max > 0) { binding_phrase = bind_add(sprintf(w_bind_shares, fs_number(binding_share_min + binding_share_max, 0))) }
if (binding_envelope > 0) { binding_phrase = bind_add(w_bind_envelope) }
if (binding_city_balance > 0) { binding_phrase = bind_add(fs_upper('w_bind_city_balance')) }
wrap_y = wrap_y - 0.016
wrap_text = cover_legal ? w_story_legal : \
    (strlen(binding_phrase) > 0 ? sprintf(w_story_binding, binding_phrase) : w_story_nothing_binds)
load plots.'/lib/wrap.gp'
if (cover_has_disb) {
    wrap_y = wrap_y - 0.016
    wrap_text = sprintf(w_story_disb, cover_deadline, percent(cover_forecast), percent(cover_band_lo), \
                        percent(cover_band_hi), fs_number(cover_at_risk, 0), fs_number(cover_to_watch, 0))
    load plots.'/lib/wrap.gp'
}
plot NaN notitle
