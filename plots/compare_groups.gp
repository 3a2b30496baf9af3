# plots/compare_groups.gp: winners and losers by group (kind, class, former
# province), two panels on one x axis: above, the units that gain (bars up) and lose
# (bars down) in each group, with their counts; below, the change of the group's total
# allocation, with its amount.
# Reads $groups (x, the label's two lines, winners, losers, change in the unit shown),
# groups_x_max, dim_seen, dim_first, dim_last (arrays over kind, class, former
# province), groups_top, groups_bottom, groups_high and groups_low from the driver.
chart_title = w_cmp_groups_title
load plots.'/lib/compare_page.gp'
group_tic(a, b) = strlen(b) > 0 ? a . "\n" . b : a
dim_word(k) = k == 1 ? w_cmp_dim_kind : k == 2 ? w_cmp_dim_class : w_cmp_dim_province
set multiplot
# Both panels share the x axis and the left and right edges.
set lmargin at screen 0.09
set rmargin at screen 0.97
set xrange [0.3:groups_x_max + 0.7]
set boxwidth 0.7
set xzeroaxis lt -1 lw 1.5
set grid noxtics
set xtics scale 0 font ',12'
# A dashed line between dimensions.
do for [k = 2:3] {
    if (dim_seen[k]) { set arrow k from dim_first[k] - 1, graph 0 to dim_first[k] - 1, graph 1 nohead dt 2 lc 'gray50' }
}
# Above: counts up and down; the axis shows counts, without a minus sign below it.
top = groups_top > 1 ? groups_top : 1
bottom = groups_bottom > 1 ? groups_bottom : 1
count_step = fs_step(top + bottom, 8) < 1 ? 1 : floor(fs_step(top + bottom, 8) + 0.5)
set tmargin at screen 0.83
set bmargin at screen 0.56
set yrange [-bottom * 1.5:top * 1.4]
set ytics ()
do for [t = -floor(bottom / count_step) : floor(top / count_step)] {
    eval sprintf('set ytics add ("%s" %d)', fs_number(abs(t * count_step), 0), t * count_step)
}
set ylabel w_cmp_count_y
set label 103 w_cmp_count_panel at graph 0, graph 1 left offset 0, 1.2 font ',13'
set key at screen 0.97, screen 0.885 right horizontal samplen 2 width 1
if (groups_top == 0 && groups_bottom == 0) {
    set label 104 w_cmp_nothing_changed at graph 0.5, graph 0.75 center font ',16'
}
plot $groups using 1:4:xtic(group_tic(strcol(2), strcol(3))) with boxes fs solid 1.0 border lc 'black' fc 'gray40' \
         title w_cmp_winners, \
     '' using 1:(-$5) with boxes lc 'black' fs pattern 4 border lc 'black' title w_cmp_losers, \
     '' using 1:($4 > 0 ? $4 : NaN):(fs_number($4, 0)) with labels center offset 0, 0.7 font ',11' notitle, \
     '' using 1:($5 > 0 ? -$5 : NaN):(fs_number($5, 0)) with labels center offset 0, -0.7 font ',11' notitle
# Below: the change of each group's total, in the unit shown.
unset label
unset key
span = groups_high - groups_low
high = span > 0 ? groups_high : (groups_high > 0.5 ? groups_high : 0.5)
low = span > 0 ? groups_low : (groups_low < -0.5 ? groups_low : -0.5)
span = high - low
set tmargin at screen 0.45
set bmargin at screen 0.17
axis = 'y'
axis_low = low < 0 ? low - 0.2 * span : 0
axis_high = high > 0 ? high + 0.2 * span : 0.1 * span
axis_step = fs_step(axis_high - axis_low, 6)
load plots.'/lib/number_axis.gp'
set ylabel cmp_shown_unit
set label 103 w_cmp_change_panel at graph 0, graph 1 left offset 0, 1.2 font ',13'
do for [k = 1:3] {
    if (dim_seen[k]) {
        dim_at = (dim_first[k] + dim_last[k]) / 2.0
        dim_text = dim_word(k)
        set label 90 + k dim_text at dim_at, graph 0 center offset 0, -4.2 font ',13'
    }
}
plot $groups using 1:($6 >= 0 ? $6 : NaN):xtic(group_tic(strcol(2), strcol(3))) with boxes fs solid 1.0 \
         border lc 'black' fc 'gray40' notitle, \
     '' using 1:($6 < 0 ? $6 : NaN) with boxes lc 'black' fs pattern 4 border lc 'black' notitle, \
     '' using 1:($6 > 0 ? $6 : NaN):(cmp_signed($6)) with labels center offset 0, 0.7 font ',11' notitle, \
     '' using 1:($6 < 0 ? $6 : NaN):(cmp_signed($6)) with labels center offset 0, -0.7 font ',11' notitle
unset multiplot
