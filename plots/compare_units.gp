# plots/compare_units.gp: the change of each unit's allocation, sorted, gains in dark
# gray and losses hatched. Up to 40 units each bar is named, and up to 12 each change
# is written at its bar; with more, the three largest losses are numbered at their bars
# and listed below the plot on the left, the three largest gains on the right: never
# over the bars.
# Reads $units (rank, change in the unit shown, name), unit_count, changes_high,
# changes_low, and the largest losses and gains (down_count, down_name, down_at,
# down_change; up_count, up_name, up_at, up_change) from the driver.
chart_title = w_cmp_units_title
load plots.'/lib/compare_page.gp'
named = unit_count <= 40
valued = unit_count <= 12
span = changes_high - changes_low > 0 ? changes_high - changes_low : 1
# Room for the names written along the largest bars.
room = named ? 0.15 : 0.4
set xrange [0:unit_count + 1]
set boxwidth 0.8 absolute
set xzeroaxis lt -1 lw 1.5
set key top center horizontal
axis = 'y'
axis_low = (changes_low < 0 ? changes_low : 0) - room * span
axis_high = (changes_high > 0 ? changes_high : 0) + room * span
axis_step = fs_step(axis_high - axis_low, 8)
load plots.'/lib/number_axis.gp'
set xlabel sprintf('%s (%s)', w_cmp_units_x, fs_number(unit_count, 0))
set ylabel cmp_shown_unit
if (named) {
    set xtics rotate by -40 left scale 0 font ',11'
    set bmargin 10
} else {
    unset xtics
    set bmargin at screen 0.28
    if (down_count > 0) {
        set label 9 w_cmp_most_down . ' (' . cmp_shown_unit . ')' at screen 0.09, screen 0.195 left font ',12'
        do for [k = 1:down_count] {
            set label 9 + k sprintf('%d', k) at down_at[k], down_change[k] center offset 0, -0.7 font ',10'
            extreme_text = sprintf('%d. %s: %s', k, down_name[k], cmp_signed(down_change[k]))
            set label 14 + k extreme_text at screen 0.09, screen 0.155 - 0.035 * (k - 1) left font ',12'
        }
    }
    if (up_count > 0) {
        set label 19 w_cmp_most_up . ' (' . cmp_shown_unit . ')' at screen 0.97, screen 0.195 right font ',12'
        do for [k = 1:up_count] {
            set label 19 + k sprintf('%d', k) at up_at[k], up_change[k] center offset 0, 0.7 font ',10'
            extreme_text = sprintf('%d. %s: %s', k, up_name[k], cmp_signed(up_change[k]))
            set label 24 + k extreme_text at screen 0.97, screen 0.155 - 0.035 * (k - 1) right font ',12'
        }
    }
}
if (changes_high == 0 && changes_low == 0) {
    set label 30 w_cmp_nothing_changed at graph 0.5, graph 0.6 center font ',18'
}
# A `with labels` plot only when a row of it is defined: gnuplot 5.4 crashes on one of
# a single undefined row (one unit).
plot $units using 1:($2 >= 0 ? $2 : NaN):xtic(3) with boxes fs solid 1.0 border lc 'black' \
         fc 'gray40' title w_cmp_up, \
     '' using 1:($2 < 0 ? $2 : NaN) with boxes lc 'black' fs pattern 4 border lc 'black' title w_cmp_down, \
     for [k = 1:(valued && changes_high > 0)] '' using 1:($2 > 0 ? $2 : NaN):(cmp_signed($2)) with labels \
         center offset 0, 0.7 font ',11' notitle, \
     for [k = 1:(valued && changes_low < 0)] '' using 1:($2 < 0 ? $2 : NaN):(cmp_signed($2)) with labels \
         center offset 0, -0.7 font ',11' notitle
