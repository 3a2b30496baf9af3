# plots/sweep_cover.gp: the first page of the sweep pack: the scenario, the design and
# the variants, the date; each result's lowest, median and highest value over the
# solved variants and its value in variant 1; then a summary in sentences, in the
# run's language (the sentences are in plots/words): how many variants solved, how far
# the lowest coverage moves, which parameters move it most, the infeasible variants,
# and with dates the disbursement forecast at the deadline.
# Reads the res_* arrays (res_name, res_has, res_low, res_median, res_high, res_base), cover_has_base,
# oat_found (oat_name, oat_low, oat_high) or top_count (top_name, top_src), pack_date
# and, with dates, the fan's fan_has_widest, fan_deadline, fan_deadline_median,
# fan_deadline_p05 and fan_deadline_p95 from the driver (chart_sweep_cover.c,
# chart_sweep_fan.c).
reset
set encoding utf8
unset border; unset tics; unset key; unset grid
set xrange [0:1]; set yrange [0:1]
shown_unit = in_billions ? w_billion : money_unit
# A result's value as text: coverage in % with two decimals, units whole, the Gini
# coefficient with three decimals, money in the unit shown (tỷ đồng to the million).
result_text(name, x) = x != x ? '–' : name eq 'min_coverage' ? fs_number(x, 2) . '%' : \
    name eq 'units_under_need' ? fs_number(x, 0) : name eq 'gini' ? fs_number(x, 3) : \
    fs_number(x, in_billions ? 3 : 0)
result_unit(name) = name eq 'min_coverage' || name eq 'gini' ? '' : \
    name eq 'units_under_need' ? ' (' . w_sw_units_word . ')' : ' (' . shown_unit . ')'
set label 1 w_sw_pack_title at screen 0.5, screen 0.92 center font ',22'
design_text = sprintf(w_sw_subtitle, scenario, value('w_sw_design_' . sweep_design), fs_number(sweep_variants, 0), \
    fs_number(sweep_solved, 0), fs_number(sweep_infeasible, 0)) . \
    (sweep_failed > 0 ? sprintf(w_sw_failed, fs_number(sweep_failed, 0)) : '')
set label 3 design_text at screen 0.08, screen 0.84 left font ',13'
set label 4 w_cmp_money . ': ' . shown_unit . (in_billions ? ' (' . w_cmp_tables . ': ' . w_cmp_million . ')' : '') \
    . ' · ' . sprintf(w_cover_made, pack_date) at screen 0.08, screen 0.80 left font ',11'
# The table: result, lowest, median, highest, variant 1.
# Variant 1's column only in a one-at-a-time design, where it is the scenario as
# written (the baseline).
col_x(c) = c == 1 ? 0.08 : c == 2 ? 0.56 + 0.13 * !cover_has_base : c == 3 ? 0.68 + 0.13 * !cover_has_base : \
    c == 4 ? 0.80 + 0.13 * !cover_has_base : 0.93
row_y = 0.69
set label 9 w_sw_key_results at screen 0.08, screen row_y + 0.045 left font ',14'
set label 10 w_sw_col_result at screen col_x(1), screen row_y left font ',13'
set label 11 w_sw_col_low at screen col_x(2), screen row_y right font ',13'
set label 12 w_sw_col_median at screen col_x(3), screen row_y right font ',13'
set label 13 w_sw_col_high at screen col_x(4), screen row_y right font ',13'
if (cover_has_base) { set label 14 w_sw_col_base at screen col_x(5), screen row_y right font ',13' }
set arrow 1 from screen 0.08, screen row_y - 0.022 to screen 0.93, screen row_y - 0.022 nohead lw 1
row_tag = 20
do for [k = 1:5] {
    if (res_has[k]) {
        row_y = row_y - 0.042
        name = res_name[k]
        row_text = fs_upper('w_sw_result_' . name) . result_unit(name)
        set label row_tag row_text at screen col_x(1), screen row_y left font ',12'
        row_text = result_text(name, res_low[k])
        set label row_tag + 1 row_text at screen col_x(2), screen row_y right font ',12'
        row_text = result_text(name, res_median[k])
        set label row_tag + 2 row_text at screen col_x(3), screen row_y right font ',12'
        row_text = result_text(name, res_high[k])
        set label row_tag + 3 row_text at screen col_x(4), screen row_y right font ',12'
        row_text = cover_has_base ? result_text(name, res_base[k]) : ''
        set label row_tag + 4 row_text at screen col_x(5), screen row_y right font ',12'
        row_tag = row_tag + 5
    }
}
# The summary.
set label 6 w_cover_summary at screen 0.08, screen row_y - 0.07 left font ',16'
wrap_x = 0.08; wrap_y = row_y - 0.11; wrap_step = 0.034; wrap_width = 135; wrap_font = ',13'; wrap_tag = 100
wrap_text = sprintf(w_sw_story_variants, fs_number(sweep_variants, 0), value('w_sw_design_' . sweep_design), \
    fs_number(sweep_solved, 0), fs_number(sweep_infeasible, 0))
load plots.'/lib/wrap.gp'
if (sweep_failed > 0) {
    wrap_text = sprintf(w_sw_story_failed, fs_number(sweep_failed, 0))
    load plots.'/lib/wrap.gp'
}
if (sweep_solved == 0) {
    wrap_text = w_sw_story_none
    load plots.'/lib/wrap.gp'
}
if (sweep_solved > 0 && res_has[1]) {
    wrap_text = sprintf(w_sw_story_lowest, result_text('min_coverage', res_low[1]), \
        result_text('min_coverage', res_high[1]), result_text('min_coverage', res_median[1]))
    load plots.'/lib/wrap.gp'
}
if (oat_found) {
    end_text(x) = x != x ? w_sw_infeasible_strip : result_text('min_coverage', x)
    wrap_text = sprintf(w_sw_story_oat, oat_name, end_text(oat_low), end_text(oat_high))
    load plots.'/lib/wrap.gp'
}
if (!oat_found && exists('top_count') && top_count > 0) {
    top_text = ''
    do for [k = 1:top_count] {
        top_item = top_name[k] . ' (' . sprintf(w_sw_panel_src, fs_number(top_src[k], 2)) . ')'
        top_text = k == 1 ? top_item : top_text . '; ' . top_item
    }
    wrap_text = sprintf(w_sw_story_src, top_text)
    load plots.'/lib/wrap.gp'
}
if (sweep_infeasible > 0) {
    wrap_text = sprintf(w_sw_story_infeasible, fs_number(sweep_infeasible, 0))
    load plots.'/lib/wrap.gp'
}
if (sweep_has_fan && fan_has_widest && fan_deadline_median == fan_deadline_median) {
    wrap_text = sprintf(w_sw_story_fan, fan_deadline, fs_number(fan_deadline_median, 1) . '%', \
        fs_number(fan_deadline_p05, 1) . '%', fs_number(fan_deadline_p95, 1) . '%')
    load plots.'/lib/wrap.gp'
}
set label 99 w_sw_footer . ' · ' . scenario at screen 0.01, screen 0.015 font ',9'
plot NaN notitle
