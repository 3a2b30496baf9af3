# plots/compare_cover.gp: the first page of the compare pack: the two scenarios, the
# money unit, the date; the totals before and after with their change; then a summary
# in sentences of what the reform changes, in the run's language (the sentences are in
# plots/words).
# Reads cover_units, cover_winners, cover_losers, has_total, total_before and
# total_after (arrays: allocation, transfers, own revenue, city balance; the tables'
# unit), lowest_before and lowest_after, cover_has_disb (with cover_disb_date,
# cover_disb_before and cover_disb_after), pack_date, down_count/down_name/
# down_change and up_count/up_name/up_change (the units' chart) from the driver.
reset
set encoding utf8
unset border; unset tics; unset key; unset grid
set xrange [0:1]; set yrange [0:1]
shown_unit = in_billions ? w_billion : money_unit
# Money of the tables (whole numbers) in the unit shown; shares; changes of shares.
money(x) = in_billions ? fs_number(x / 1000.0, 3) : fs_number(x, 0)
money_with_unit(x) = money(x) . ' ' . shown_unit
signed_money(x) = (x > 0 ? '+' : '') . money_with_unit(x)
percent(share) = fs_number(100 * share, 1) . '%'
# The lowest coverage with two decimals, as on the run's cover.
lowest(share) = fs_number(100 * share, 2) . '%'
points(change) = (change > 0 ? '+' : '') . fs_number(100 * change, 2) . w_cmp_points
set label 1 w_cmp_pack_title at screen 0.5, screen 0.92 center font ',22'
set label 2 w_cmp_baseline . ': ' . base at screen 0.08, screen 0.84 left font ',14'
set label 3 w_cmp_reform . ': ' . reform at screen 0.08, screen 0.80 left font ',14'
set label 4 w_cmp_money . ': ' . shown_unit . (in_billions ? ' (' . w_cmp_tables . ': ' . w_cmp_million . ')' : '') \
    . ' · ' . sprintf(w_cover_made, pack_date) at screen 0.08, screen 0.76 left font ',11'
unchanged = cover_units - cover_winners - cover_losers
set label 5 sprintf(w_cmp_unit_counts, fs_number(cover_units, 0), fs_number(cover_winners, 0), \
    fs_number(cover_losers, 0), fs_number(unchanged, 0)) at screen 0.08, screen 0.72 left font ',12'
# The table: item, before, after, change.
col_x(c) = c == 1 ? 0.08 : c == 2 ? 0.62 : c == 3 ? 0.77 : 0.93
row_y = 0.655
set label 10 w_cmp_item at screen col_x(1), screen row_y left font ',13'
set label 11 w_cmp_was at screen col_x(2), screen row_y right font ',13'
set label 12 w_cmp_is at screen col_x(3), screen row_y right font ',13'
set label 13 w_cmp_change at screen col_x(4), screen row_y right font ',13'
set arrow 1 from screen 0.08, screen row_y - 0.022 to screen 0.93, screen row_y - 0.022 nohead lw 1
row_tag = 20
row_word(k) = k == 1 ? w_cmp_row_allocation : k == 2 ? fs_upper('w_cmp_row_transfer') : k == 3 ? w_cmp_row_own : \
    fs_upper('w_cmp_row_city')
do for [k = 1:4] {
    if (has_total[k]) {
        row_y = row_y - 0.042
        row_text = row_word(k) . ' (' . shown_unit . ')'
        set label row_tag row_text at screen col_x(1), screen row_y left font ',12'
        row_text = money(total_before[k])
        set label row_tag + 1 row_text at screen col_x(2), screen row_y right font ',12'
        row_text = money(total_after[k])
        set label row_tag + 2 row_text at screen col_x(3), screen row_y right font ',12'
        row_text = (total_after[k] > total_before[k] ? '+' : '') . money(total_after[k] - total_before[k])
        set label row_tag + 3 row_text at screen col_x(4), screen row_y right font ',12'
        row_tag = row_tag + 4
    }
}
row_y = row_y - 0.042
set label row_tag w_cmp_row_lowest at screen col_x(1), screen row_y left font ',12'
set label row_tag + 1 lowest(lowest_before) at screen col_x(2), screen row_y right font ',12'
set label row_tag + 2 lowest(lowest_after) at screen col_x(3), screen row_y right font ',12'
set label row_tag + 3 points(lowest_after - lowest_before) at screen col_x(4), screen row_y right font ',12'
row_tag = row_tag + 4
if (cover_has_disb) {
    row_y = row_y - 0.042
    row_text = sprintf(w_cmp_row_disb, cover_disb_date)
    set label row_tag row_text at screen col_x(1), screen row_y left font ',12'
    set label row_tag + 1 percent(cover_disb_before) at screen col_x(2), screen row_y right font ',12'
    set label row_tag + 2 percent(cover_disb_after) at screen col_x(3), screen row_y right font ',12'
    set label row_tag + 3 points(cover_disb_after - cover_disb_before) at screen col_x(4), screen row_y right font ',12'
}
# The summary: what the reform changes, in sentences.
set label 6 w_cover_summary at screen 0.08, screen row_y - 0.07 left font ',16'
wrap_x = 0.08; wrap_y = row_y - 0.11; wrap_step = 0.034; wrap_width = 135; wrap_font = ',13'; wrap_tag = 100
wrap_text = cover_winners + cover_losers == 0 ? w_cmp_story_none : \
    sprintf(w_cmp_story_counts, fs_number(cover_winners, 0), fs_number(cover_losers, 0), fs_number(unchanged, 0))
load plots.'/lib/wrap.gp'
cmp_story_money(x) = (x > 0 ? '+' : '') . fs_number(x, in_billions ? 3 : 0) . ' ' . shown_unit
if (down_count > 0 || up_count > 0) {
    down_text = down_count > 0 ? down_name[1] : ''
    up_text = up_count > 0 ? up_name[1] : ''
    down_money = down_count > 0 ? cmp_story_money(down_change[1]) : ''
    up_money = up_count > 0 ? cmp_story_money(up_change[1]) : ''
    wrap_text = down_count > 0 && up_count > 0 ? sprintf(w_cmp_story_extremes, down_text, down_money, up_text, up_money) : \
        down_count > 0 ? sprintf(w_cmp_story_only_down, down_text, down_money) : \
        sprintf(w_cmp_story_only_up, up_text, up_money)
    load plots.'/lib/wrap.gp'
}
# A sentence per total, and one for the lowest coverage.
story_row(k) = k == 1 ? w_cmp_row_allocation : k == 2 ? fs_upper('w_cmp_row_transfer') : \
    k == 3 ? fs_upper('w_cmp_row_city') : w_cmp_row_lowest
story_total(k) = k == 1 ? 1 : k == 2 ? 2 : 4
do for [k = 1:4] {
    if (k == 4 || has_total[story_total(k)]) {
        story_before = k == 4 ? lowest(lowest_before) : money_with_unit(total_before[story_total(k)])
        story_after = k == 4 ? lowest(lowest_after) : money_with_unit(total_after[story_total(k)])
        story_change = k == 4 ? points(lowest_after - lowest_before) : \
            signed_money(total_after[story_total(k)] - total_before[story_total(k)])
        story_same = k == 4 ? lowest_before == lowest_after : \
            total_before[story_total(k)] == total_after[story_total(k)]
        wrap_text = story_same ? sprintf(w_cmp_story_same, story_row(k), story_before) : \
            sprintf(w_cmp_story_changed, story_row(k), story_before, story_after, story_change)
        load plots.'/lib/wrap.gp'
    }
}
if (cover_has_disb) {
    wrap_text = sprintf(w_cmp_story_disb, cover_disb_date, percent(cover_disb_before), percent(cover_disb_after), \
        points(cover_disb_after - cover_disb_before))
    load plots.'/lib/wrap.gp'
}
set label 99 w_cmp_footer . ' · ' . base . ' → ' . reform at screen 0.01, screen 0.015 font ',9'
plot NaN notitle
